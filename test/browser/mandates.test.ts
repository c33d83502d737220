import type { APIRequestContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, hasFocus, screenshot, settled, useBrowser, visit } from './browser.js';

const NAMND = 'Södra regionvårdsnämnden';
const SVEN = 'Sven Samverkan (demo)';
const PETRA = 'Petra Passerad (demo)';

async function json<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(path);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
}

describe('mandates: nominations, composition, expiry and the public register', () => {
  const suite = useBrowser();

  it('refuses a lapsed declaration and decides an open nomination into a seat', async () => {
    const { context, page } = await suite.newPage({ signedIn: true });
    const groups = await json<{ items: { id: string; name: string }[] }>(context.request, '/api/v1/groups?owner=sodra&limit=500');
    const namnd = groups.items.find((g) => g.name === NAMND);
    expect(namnd, 'Södra regionvårdsnämnden from the reference structure').toBeDefined();
    const path = `/personer-och-uppdrag/grupper/${namnd?.id ?? ''}`;

    expect(await visit(page, path)).toBe(`Mandat: ${NAMND}`);
    // The composition check shows Kronoberg's empty second seat.
    await page.getByText('Region Kronoberg har 1 av 2 ledamöter.').waitFor();

    // Appointing someone whose declaration has lapsed is refused with the server's Swedish sentence.
    const appoint = page.getByRole('form', { name: 'Utse' });
    await appoint.getByLabel('Sök person').fill('Petra');
    await expect.poll(() => appoint.getByLabel('Person', { exact: true }).locator('option').count()).toBe(2);
    await appoint.getByLabel('Person', { exact: true }).selectOption({ index: 1 });
    await appoint.getByLabel('Roll').selectOption({ label: 'Ersättare' });
    await appoint.getByRole('button', { name: 'Utse' }).click();
    const summary = appoint.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain(`${PETRA} kan inte utses`);
    expect(await summary.innerText()).toContain('En aktuell, godkänd jävsdeklaration krävs före utnämning.');
    await expectAccessible(page, 'lapsed declaration refused');

    // The open nomination from Region Kronoberg is approved: the seat appears in the member list.
    const decide = page.getByRole('form', { name: 'Besluta om nominering' });
    await decide.getByLabel('Beslutsreferens').fill('RVN 2026/52 § 4 (demo)');
    await decide.getByRole('button', { name: 'Registrera beslutet' }).click();
    await page.getByRole('status').getByText(`Beslutet är registrerat: ${SVEN} är utsedd till ledamot.`).waitFor();
    const members = page.getByRole('table', { name: /Medlemmar och roller/ });
    await members.getByRole('link', { name: SVEN }).waitFor();
    await page
      .getByRole('table', { name: /Nomineringar till/ })
      .getByText('Bifallen')
      .first()
      .waitFor();
    await settled(page);
    await expectAccessible(page, 'nomination decided');
    await screenshot(page, 'mandates-group');
  }, 120_000);

  it('shows the gaps overview, the expiry overview, nominations, the rules and the public register', async () => {
    const { page } = await suite.newPage({ signedIn: true });
    expect(await visit(page, '/personer-och-uppdrag/sammansattning')).toBe('Sammansättning och luckor');
    // Seed 000's grundbemanning is Region Jönköpings län's rule: its LPOs are the ones measured by it.
    await page.getByLabel('Ägare').selectOption('06'); // Region Jönköpings län
    await page.getByLabel('Bara grupper med registrerade uppdrag').uncheck();
    await page
      .getByRole('table', { name: 'Grupper med luckor' })
      .getByText('Person med patienterfarenhet saknas', { exact: false })
      .first()
      .waitFor();
    await screenshot(page, 'mandates-gaps');
    expect(await visit(page, '/personer-och-uppdrag/utgaende')).toBe('Uppdrag och deklarationer som går ut');
    await page
      .getByRole('table', { name: /Uppdrag som slutar/ })
      .getByRole('link', { name: PETRA })
      .waitFor();
    expect(await visit(page, '/personer-och-uppdrag/nomineringar')).toBe('Nomineringar');
    expect(await visit(page, '/admin/sammansattningsregler')).toBe('Sammansättningsregler');
    await page.getByText('Blekinge, Halland och Kronoberg utser vardera två ledamöter', { exact: false }).first().waitFor();
    // The rule form checks with the route's schema before sending: an empty description is the
    // page's own sentence at the field; a malformed programme area id is the schema's, on its
    // field, named by its label — and nothing is sent. Then the server's rules refuse the save.
    let ruleWrites = 0;
    page.on('request', (r) => {
      if (r.method() !== 'GET' && r.url().includes('/api/v1/composition-rules')) ruleWrites += 1;
    });
    const ruleForm = page.getByRole('form', { name: 'Ny regel' });
    await ruleForm.getByLabel('Programområden').fill('Inte ett id');
    await ruleForm.getByRole('button', { name: 'Lägg till regeln' }).click();
    await page.locator('#rule-description-error').getByText('Beskriv regeln.').waitFor();
    await expect.poll(() => hasFocus(page, '.error-summary')).toBe(true);
    await ruleForm.getByLabel('Beskrivning').fill('Två ledamöter från varje region.');
    await ruleForm.getByRole('button', { name: 'Lägg till regeln' }).click();
    await page.locator('#rule-programAreaIds-error').waitFor();
    const ruleSummary = ruleForm.locator('.error-summary');
    expect(await ruleSummary.innerText()).toContain('Programområden:');
    expect(await ruleSummary.innerText()).not.toContain('programAreaIds');
    expect(ruleWrites).toBe(0);
    await ruleForm.getByLabel('Programområden').fill('');
    await ruleForm.getByRole('button', { name: 'Lägg till regeln' }).click();
    await page.locator('#rule-roles-error').getByText('Ange minst en roll.').waitFor();
    expect(await ruleSummary.innerText()).toContain('Slag av grupp: Ange vilka grupper regeln gäller');
    expect(ruleWrites).toBe(1);
    await expectAccessible(page, 'rule form refused');
    await screenshot(page, 'mandates-rules-refused');

    const anonymous = await suite.newPage();
    expect(await visit(anonymous.page, '/vem-sitter-var')).toBe('Vem sitter var');
    await anonymous.page.getByRole('table', { name: 'Uppdrag i dag' }).getByText('Rut Regionråd (demo)').waitFor();
    expect(await anonymous.page.locator('main').innerText()).not.toContain('@');
    await screenshot(anonymous.page, 'mandates-register');
  }, 120_000);
});
