import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, settled, useBrowser, visit } from './browser.js';

/**
 * Seed 002: "Efter beslut i Kunskapsråd/ Styrgrupp – LSVO, tillsätter LPO … lokala arbetsgrupper".
 * On Ny grupp an LAG in Region Blekinge without its decision is refused with the rule's words next
 * to the field; named as a decision taken outside Navet, it is created.
 */
describe('an LAG set up by decision', () => {
  const suite = useBrowser();

  it('is refused on Ny grupp without the decision, and created with it', { timeout: 120_000 }, async () => {
    const { page } = await suite.newPage({ signedIn: true });
    expect(await visit(page, '/organisation/grupper/ny')).toBe('Ny grupp');
    await page.getByLabel('Typ av grupp').selectOption('working-group');
    await page.getByLabel('Nivå').selectOption('region');
    await page.getByLabel('Ägare', { exact: true }).selectOption('10');
    await page.getByLabel('Namn', { exact: true }).fill('LAG Suicidprevention');
    await page.getByRole('button', { name: 'Skapa gruppen' }).click();

    const rule = 'Gruppen får bara inrättas efter beslut av Kunskapsrådet eller Styrgrupp Nära vård – LSVO.';
    await expect.poll(async () => (await page.getByRole('alert').allInnerTexts()).join(' ')).toContain(rule);
    // next to the field that asks where the decision was taken, which the summary links to
    expect(await page.locator('#new-setupParagraphId-error').innerText()).toContain(rule);
    await expectAccessible(page, 'LAG without a decision');
    await screenshot(page, 'group-setup-decision-refused');

    await page.getByLabel('Var beslutet fattades').selectOption('elsewhere');
    await page.getByLabel('Beslut fattat utanför Navet').fill('Styrgrupp Nära vård – LSVO 2026-11-19, § 6');
    await page.getByRole('button', { name: 'Skapa gruppen' }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('LAG Suicidprevention');
    await settled(page);
  });
});
