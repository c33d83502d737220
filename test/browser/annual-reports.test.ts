import { describe, expect, it } from 'vitest';
import { todayInSweden } from '../../src/platform/clock.js';
import { expectAccessible, signInAsDemo, useBrowser, visit } from './browser.js';

/**
 * Seed 001: the kunskapsråd follows the program areas' work "genom verksamhetsplan och årsrapport".
 * The demo coordinator of Region Kronoberg writes LPO Akut vård's report for the year (API), then
 * submits it from Årsrapporter och återkommande åtaganden with the step the server offers.
 */
describe('an annual report', () => {
  const suite = useBrowser();

  it('is submitted from the page of annual reports and obligations', { timeout: 120_000 }, async () => {
    // This year's report, submitted today (the product's clock: NAVET_CLOCK when set).
    const today = todayInSweden();
    const year = Number(today.slice(0, 4));
    const { context, page } = await suite.newPage();
    await signInAsDemo(context, 'samordnare@demo.navet.example');
    const groups = (await (await context.request.get('/api/v1/groups?owner=07&kind=program-area')).json()) as {
      items: { id: string; name: string }[];
    };
    const lpo = groups.items.find((g) => g.name === 'LPO Akut vård (demo)')!;
    const me = (await (await context.request.get('/api/v1/me')).json()) as { csrfToken: string };
    const created = await context.request.post('/api/v1/annual-reports', {
      headers: { 'X-CSRF-Token': me.csrfToken },
      data: { groupId: lpo.id, year, summary: 'Året i korthet: vårdförloppet sepsis infört på båda sjukhusen.' },
    });
    expect(created.status(), await created.text()).toBe(201);

    expect(await visit(page, '/planer-och-uppfoljning/arsrapporter-och-ataganden')).toBe(
      'Årsrapporter och återkommande åtaganden',
    );
    const form = page.getByRole('form', { name: `Lämna in årsrapporten LPO Akut vård (demo) ${year}` });
    await form.getByLabel('Inlämnad den').fill(today);
    await expectAccessible(page, 'annual report to submit');
    await form.getByRole('button', { name: `Lämna in årsrapporten LPO Akut vård (demo) ${year}` }).click();
    const row = page.getByRole('row', { name: new RegExp(`LPO Akut vård \\(demo\\) ${year}`) });
    await expect.poll(() => row.innerText()).toContain(`Inlämnad (${today})`);
  });
});
