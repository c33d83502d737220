import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/modules/consultation/rules/working-days.js';
import { todayInSweden } from '../../src/platform/clock.js';
import { expectAccessible, pickFromList, screenshot, settled, useBrowser, visit } from './browser.js';

const SUPPORT = 'Nationella riktlinjer för vård vid astma och KOL (demo)';
const SEMINAR = 'Förberedande seminarium i sjukvårdsregionen: remissvaret planeras';

/**
 * Seed 002: Socialstyrelsen's nationella riktlinjer go on remiss on a track of their own — a
 * preliminary version, a preparatory seminar per healthcare region, the gap-analysis survey, the
 * joint answer approved by the healthcare region's ledningsgrupp — not an SKR track with its dates
 * overridden. The round is registered from a new version in the Swedish UI; the days the seed
 * leaves open are entered by a person on the support's page.
 */
describe('a remiss on the nationella riktlinjer track', () => {
  const suite = useBrowser();

  it('is registered with its own dates, and a step the seed leaves open gets its date', { timeout: 120_000 }, async () => {
    const today = todayInSweden();
    const { context, page } = await suite.newPage({ signedIn: true });
    // A preliminary version of the guidelines to send on remiss (API: the version form is tested elsewhere).
    const list = (await (
      await context.request.get(`/api/v1/knowledge-supports?q=${encodeURIComponent('astma och KOL')}`)
    ).json()) as { items: { id: string; title: string }[] };
    const support = list.items.find((s) => s.title === SUPPORT)!;
    const me = (await (await context.request.get('/api/v1/me')).json()) as { csrfToken: string };
    const label = `${today.slice(0, 4)} preliminär`;
    const version = await context.request.post(`/api/v1/knowledge-supports/${support.id}/versions`, {
      headers: { 'X-CSRF-Token': me.csrfToken },
      data: { label },
    });
    expect(version.status(), await version.text()).toBe(201);

    await visit(page, `/kunskapsstod/stod/${support.id}`);
    await page.getByRole('link', { name: `Skicka version ${label} på remiss` }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe(`Ny remissomgång: ${SUPPORT}, ${label}`);
    await settled(page);
    await page.getByLabel('Spår').selectOption({ label: 'Nationella riktlinjer (Socialstyrelsen)' });
    // No national calendar: the person enters the days, and no reason for leaving a proposal is asked.
    await page.getByText('Spåret har ingen nationell remisskalender: ange startdag och sista svarsdag.').waitFor();
    const opens = addDays(today, 7);
    const closes = addDays(today, 90);
    await page.getByLabel('Startdag').fill(opens);
    await page.getByLabel('Sista svarsdag').fill(closes);
    await pickFromList(page, page.getByRole('combobox', { name: 'Avsändare' }), 'socialstyr', 'Socialstyrelsen');
    await expectAccessible(page, 'new round on the riktlinjer track');
    await page.getByRole('button', { name: 'Registrera omgången' }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe(SUPPORT);
    await settled(page);

    const steps = page.getByRole('region', { name: 'Spårets steg: Nationella riktlinjer (Socialstyrelsen)' });
    await steps.waitFor();
    const items = await steps.locator('ol.steps > li').allInnerTexts();
    expect(items[0]).toContain('Socialstyrelsen publicerar en preliminär version av riktlinjerna');
    expect(items.find((i) => i.includes(SEMINAR))).toContain('datum ej angivet');
    expect(items.some((i) => i.includes('Svaret godkänns av sjukvårdsregionens ledningsgrupp'))).toBe(true);

    const seminar = addDays(today, 21);
    const form = steps.getByRole('form', { name: `Datum för steget: ${SEMINAR}` });
    await form.getByLabel('Datum', { exact: true }).fill(seminar);
    await form.getByRole('button', { name: 'Spara steget' }).click();
    const shown = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${seminar}T00:00:00Z`),
    );
    await expect
      .poll(async () => (await steps.locator('ol.steps > li').allInnerTexts()).find((i) => i.includes(SEMINAR)))
      .toContain(shown);
    await expectAccessible(page, 'support with a riktlinjer round');
    await screenshot(page, 'remiss-track-riktlinjer');
  });
});
