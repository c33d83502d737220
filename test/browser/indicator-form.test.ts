import { describe, expect, it } from 'vitest';
import { expectAccessible, hasFocus, screenshot, settled, signInAsDemo, useBrowser, visit } from './browser.js';

/**
 * A region owns its indicators (issue 18): the demo coordinator of Region Kronoberg defines an
 * indicator of the region's own from the follow-up page — the owners offered are those the
 * server says she writes, a wrong field is named before anything is sent — lands on its page,
 * and changes its target level there. A reader is offered neither.
 */
describe('a region’s own indicator', () => {
  const suite = useBrowser();

  it('is defined and its target changed by the region’s coordinator', { timeout: 120_000 }, async () => {
    const { context, page } = await suite.newPage();
    await signInAsDemo(context, 'samordnare@demo.navet.example');
    expect(await visit(page, '/planer-och-uppfoljning')).toBe('Planer och uppföljning');
    await page.getByRole('link', { name: 'Ny indikator' }).click();
    await settled(page);
    expect(await page.locator('main h1').innerText()).toBe('Ny indikator');
    const owners = await page.getByLabel('Ägare', { exact: true }).locator('option').allInnerTexts();
    expect(owners).toContain('Region Kronoberg');
    expect(owners).not.toContain('Nationell');
    expect(owners).not.toContain('Region Kalmar län');
    await page.getByLabel('Ägare', { exact: true }).selectOption({ label: 'Region Kronoberg' });

    // Nothing is sent while a field is wrong; the summary names the field by its label.
    let writes = 0;
    page.on('request', (r) => {
      if (r.method() !== 'GET' && r.url().includes('/api/v1/')) writes += 1;
    });
    await page.getByLabel('Kod', { exact: true }).fill('KRON UPP 01');
    await page.getByRole('button', { name: 'Skapa indikatorn' }).click();
    await expect.poll(() => hasFocus(page, '.error-summary')).toBe(true);
    const summary = await page.locator('.error-summary').innerText();
    expect(summary).toContain('Kod: får bara innehålla bokstäver (a–z), siffror, punkt, bindestreck och understreck');
    expect(summary).toContain('Namn:');
    expect(writes).toBe(0);
    await expectAccessible(page, 'indicator form refused');
    await screenshot(page, 'indicator-form-refused');

    await page.getByLabel('Kod', { exact: true }).fill('KRON-UPP-01');
    await page.getByLabel('Namn', { exact: true }).fill('Uppföljningsbesök inom 30 dagar efter utskrivning');
    await page
      .getByLabel('Definition (täljare, nämnare, urval)')
      .fill(
        'Andel patienter 75 år och äldre med uppföljningsbesök i primärvården inom 30 dagar efter utskrivning från slutenvård.',
      );
    await page.getByLabel('Enhet', { exact: true }).fill('%');
    await page.getByLabel('Periodicitet').selectOption({ label: 'Kvartal' });
    await page.getByLabel('Målnivå').fill('80');
    await page.getByLabel('Larmnivå').fill('60');
    await page.getByRole('button', { name: 'Skapa indikatorn' }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Uppföljningsbesök inom 30 dagar efter utskrivning');
    await settled(page);
    await page.locator('dl.facts').getByText('Region Kronoberg').waitFor();
    expect(writes).toBe(1);

    // The target level, changed on the indicator's own form (the version it was read at goes along).
    await page.getByRole('link', { name: 'Ändra indikatorn' }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toContain('Ändra indikatorn');
    await settled(page);
    await page.getByLabel('Målnivå').fill('85,5');
    await screenshot(page, 'indicator-form-edit');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Uppföljningsbesök inom 30 dagar efter utskrivning');
    await settled(page);
    await expect.poll(() => page.locator('dl.facts').innerText()).toContain('85,5 %');

    // A reader may define nothing: no link to a new indicator, nor to change this one.
    const reader = await suite.newPage();
    await signInAsDemo(reader.context, 'lasare@demo.navet.example');
    await visit(reader.page, '/planer-och-uppfoljning');
    expect(await reader.page.getByRole('link', { name: 'Ny indikator' }).count()).toBe(0);
    await visit(reader.page, page.url().replace(/^https?:\/\/[^/]+/, ''));
    await reader.page.locator('dl.facts').waitFor();
    expect(await reader.page.getByRole('link', { name: 'Ändra indikatorn' }).count()).toBe(0);
  });
});
