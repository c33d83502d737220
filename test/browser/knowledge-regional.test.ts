import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, settled, useBrowser, visit } from './browser.js';

/**
 * A region's own support: the demo samordnare (Region Kronoberg) opens "Nytt kunskapsstöd",
 * sees her one region as the owner without a picker and only the regional types, adds a rutin,
 * and the support's page and the catalogue name the owner ("Regional: Region Kronoberg").
 */
describe('a region authors its own support', () => {
  const suite = useBrowser();

  it('the demo samordnare adds a rutin owned by Region Kronoberg', { timeout: 90_000 }, async () => {
    const { context, page } = await suite.newPage();
    const res = await context.request.post('/api/v1/auth/login', {
      data: { email: 'samordnare@demo.navet.example', password: 'demo-lösenord-navet' },
    });
    expect(res.status(), await res.text()).toBe(200);
    expect(await visit(page, '/kunskapsstod/nytt')).toBe('Nytt kunskapsstöd');
    const main = page.locator('main');
    await main.getByText('Regional: Region Kronoberg').waitFor();
    const types = await page.getByLabel('Typ', { exact: true }).locator('option').allInnerTexts();
    expect(types).toEqual(['Regionalt vårdprogram', 'Regional riktlinje', 'Rutin']);
    await page.getByLabel('Typ', { exact: true }).selectOption({ label: 'Rutin' });
    await page.getByLabel('Titel').fill('Rutin för hjärtsviktsmottagning (webbtest)');
    await page.getByLabel('Framtagare', { exact: true }).fill('Region Kronoberg, medicinkliniken');
    await expectAccessible(page, 'regional support form');
    await screenshot(page, 'knowledge-regional-form');
    await page.getByRole('button', { name: 'Lägg in kunskapsstödet' }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Rutin för hjärtsviktsmottagning (webbtest)');
    await settled(page);
    await main.getByText('Regional: Region Kronoberg').waitFor();
    await screenshot(page, 'knowledge-regional-created');

    expect(await visit(page, '/kunskapsstod?q=hj%C3%A4rtsviktsmottagning')).toBe('Kunskapsstöd');
    const row = main.getByRole('row', { name: /Rutin för hjärtsviktsmottagning/ });
    await row.getByText('Regional: Region Kronoberg').waitFor();
  });
});
