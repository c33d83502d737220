import { describe, expect, it } from 'vitest';
import { screenshot, settled, useBrowser, visit, expectAccessible } from './browser.js';

describe('organisation registry', () => {
  const suite = useBrowser();

  it('lists the 8 municipalities of Region Kronoberg and filters them by name', async () => {
    const { page } = await suite.newPage();
    expect(await visit(page, '/organisation/regioner/07')).toBe('Region Kronoberg');
    const table = page.getByRole('table', { name: 'Kommuner i Region Kronoberg' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(8);
    await table.getByRole('rowheader', { name: 'Växjö' }).waitFor();
    await page.getByRole('status').getByText('8 kommuner').waitFor();
    await screenshot(page, 'region', { docs: true });

    await page.getByLabel('Sök kommun på namn').fill('väx');
    await page.getByLabel('Sök kommun på namn').press('Enter');
    await page.getByText('1 kommun matchar ”väx”').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);
    await expectAccessible(page, 'region 07 filtered');
  });

  it('shows the healthcare regions and a healthcare region page', async () => {
    const { page } = await suite.newPage();
    expect(await visit(page, '/organisation/sjukvardsregioner')).toBe('Sjukvårdsregioner');
    expect(await page.locator('main .card').count()).toBe(6);
    await page.getByRole('link', { name: 'Södra sjukvårdsregionen' }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Södra sjukvårdsregionen');
    await settled(page);
    await page.getByRole('table', { name: 'Regioner i Södra sjukvårdsregionen' }).waitFor();
    await page.getByText('3 av 6 kommuner').waitFor();
    await expectAccessible(page, 'södra');
    expect(await visit(page, '/organisation/regioner')).toBe('Regioner');
    expect(await page.locator('main tbody tr').count()).toBe(21);
  });

  it('gives a Sweden overview with counts and Halland split between Södra and Västra', async () => {
    const { page } = await suite.newPage();
    expect(await visit(page, '/organisation/sverige')).toBe('Sverige');
    const stats = page.locator('.stats');
    await expect.poll(() => stats.innerText()).toMatch(/Sjukvårdsregioner\s+6/);
    expect(await stats.innerText()).toMatch(/Regioner\s+21/);
    expect(await stats.innerText()).toMatch(/Kommuner\s+290/);
    const note = page.locator('.split-note');
    await expect.poll(() => note.innerText()).toContain('Halmstad');
    expect(await note.innerText()).toMatch(/Södra sjukvårdsregionen:.*Halmstad/);
    expect(await note.innerText()).toMatch(/Västra sjukvårdsregionen:.*Varberg/);
    await screenshot(page, 'sverige');
  });

  it('lists national program areas and collaboration groups with fact status and sources', async () => {
    const { page } = await suite.newPage();
    expect(await visit(page, '/organisation/programomraden')).toBe('Nationella programområden');
    const rows = page.locator('main table tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(26);
    const akut = rows.filter({ has: page.getByRole('rowheader', { name: 'Akut vård' }) });
    expect(await akut.innerText()).toContain('Bekräftad');
    expect(await akut.innerText()).toContain('Sjukvårdsregion Mellansverige');
    await rows.getByText('Endast från underlag').first().waitFor();
    await akut.locator('summary').click();
    await akut.getByRole('link').first().waitFor();
    await expectAccessible(page, 'program areas, sources open');
    await screenshot(page, 'program-areas', { docs: true });

    expect(await visit(page, '/organisation/samverkansgrupper')).toBe('Nationella samverkansgrupper');
    expect(await page.locator('main table tbody tr').count()).toBeGreaterThan(5);
    await page.getByRole('rowheader', { name: /patientsäkerhet/ }).waitFor();
  });
});
