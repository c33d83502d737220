import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, useBrowser, visit } from './browser.js';

/**
 * Insyn: a visitor who is not signed in finds the decisions of justerade protokoll from the menu,
 * searches them and opens the protokoll; the demo's October minutes of the kunskapsråd are justerade.
 */
describe('Beslut och protokoll, as a visitor who is not signed in', () => {
  const suite = useBrowser();

  it('lists the justerade decisions, searches them and links each to its protokoll', async () => {
    const { page } = await suite.newPage();
    await visit(page, '/');
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'Beslut och protokoll', exact: true }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Beslut och protokoll');
    const table = page.getByRole('table', { name: 'Beslut i justerade protokoll, senast justerade först' });
    await table.getByText(/Verksamhetsplan \d{4} för kunskapsstyrningen/).waitFor();
    expect(await page.getByText('kräver inloggning').count()).toBe(0);
    const link = table.getByRole('link', { name: /^Justerat protokoll, .+ \(PDF\)$/ }).first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/public\/meetings\/[0-9a-f-]{36}\/minutes\?format=pdf$/);
    const pdf = await page.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await expectAccessible(page, 'public decisions');
    await screenshot(page, 'public-decisions');

    await page.getByLabel('Sök bland besluten').fill('verksamhetsplanen');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    const found = page.getByRole('table', { name: 'Beslut som matchar ”verksamhetsplanen”' });
    await found.getByText(/Verksamhetsplan \d{4} för kunskapsstyrningen/).waitFor();
    expect(await found.getByText('Uppföljningsrapport').count()).toBe(0);
    await page.getByLabel('Sök bland besluten').fill('xyzzy-inget-sådant');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByText('Inga beslut matchar sökningen.').waitFor();
  });
});
