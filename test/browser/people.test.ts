import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, screenshotElement, settled, useBrowser, visit, pickFromList } from './browser.js';

const KARIN = 'Karin Konstruerad (demo)';
const LPO = 'LPO Akut vård (demo)';

async function csrf(request: APIRequestContext): Promise<string> {
  const res = await request.get('/api/v1/me');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

async function json<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(path);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
}

async function appoint(page: Page, option: string) {
  const form = page.getByRole('form', { name: 'Utse' });
  await form.getByLabel('Sök person').fill('Karin');
  await form.getByLabel('Person', { exact: true }).selectOption({ label: option });
  await form.getByLabel('Roll').selectOption({ label: 'Ledamot' });
  await form.getByRole('button', { name: 'Utse' }).click();
}

describe('people, jäv declarations, appointments and cases', () => {
  const suite = useBrowser();

  it('refuses to appoint without an approved declaration, then appoints after declaration and review', async () => {
    const { context, page } = await suite.newPage({ signedIn: true });
    const groups = await json<{ items: { id: string; name: string }[] }>(context.request, '/api/v1/groups?owner=07&limit=500');
    const lpo = groups.items.find((g) => g.name === LPO);
    expect(lpo, 'demo LPO in Region Kronoberg').toBeDefined();
    const people = await json<{ items: { id: string; name: string; profession: string | null }[] }>(
      context.request,
      `/api/v1/people?q=${encodeURIComponent('Karin Konstruerad')}`,
    );
    const karin = people.items.find((p) => p.name === KARIN);
    expect(karin, 'demo person without a declaration').toBeDefined();
    const option = `${KARIN}, ${karin?.profession ?? ''}`;

    // the group page lists the demo members and refuses Karin with the server's jäv sentence
    expect(await visit(page, `/organisation/grupper/${lpo?.id ?? ''}`)).toBe(LPO);
    const members = page.getByRole('table', { name: /Medlemmar och roller/ });
    await members.waitFor();
    expect(await members.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    await appoint(page, option);
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain(`${KARIN} kan inte utses`);
    expect(await summary.innerText()).toContain('jävsdeklaration');
    await expectAccessible(page, 'appointment refused');
    await screenshot(page, 'appoint-refused');

    // her person page says why, and the admin submits a declaration for her
    await page.getByRole('link', { name: 'Personer och uppdrag' }).first().click();
    await settled(page);
    expect(await page.locator('main h1').innerText()).toBe('Personer och uppdrag');
    await page.getByLabel('Sök på namn, e-postadress eller arbetsgivare').fill('Konstruerad');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByText('1 person matchar ”Konstruerad”.').waitFor();
    await expectAccessible(page, 'people list');
    await page.getByRole('link', { name: KARIN }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe(KARIN);
    await settled(page);
    await page.getByText('Personen har ingen jävsdeklaration.').waitFor();
    await expectAccessible(page, 'person without declaration');

    await page.getByRole('button', { name: 'Lämna jävsdeklaration' }).click();
    await page.getByRole('button', { name: 'Lämna in deklarationen' }).click();
    await page.locator('.error-summary').getByText('Välj om du har något att deklarera.').waitFor();
    await page.getByLabel('Jag har intressen att deklarera').check();
    await page.getByLabel('Typ av intresse').selectOption({ label: 'Uppdrag' });
    await page.getByLabel('Beskrivning').fill('Föreläser för ett läkemedelsföretag om akut vård (demo).');
    await expectAccessible(page, 'declaration form');
    await page.getByRole('button', { name: 'Lämna in deklarationen' }).click();
    await page.getByRole('status').getByText('Jävsdeklarationen är inlämnad').waitFor();
    await page.locator('.declarations').getByText('Inlämnad').waitFor();
    await page.getByText('Personens senaste jävsdeklaration väntar på granskning.').waitFor();

    // a reviewer (not the admin, who submitted it) approves it with a restriction in the queue
    const reviewer = { email: `granskare-${Date.now().toString(36)}@example.se`, password: 'granskare-losenord-2026' };
    const created = await context.request.post('/api/v1/users', {
      headers: { 'X-CSRF-Token': await csrf(context.request) },
      data: {
        name: 'Greta Granskare',
        ...reviewer,
        roles: [{ role: 'jav-granskare', scopeType: 'system', scopeId: '' }],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const second = await suite.newPage();
    const login = await second.context.request.post('/api/v1/auth/login', { data: reviewer });
    expect(login.status(), await login.text()).toBe(200);
    expect(await visit(second.page, '/personer-och-uppdrag/granskning')).toBe('Granskningskö');
    const review = second.page.getByRole('form', { name: `Granska deklarationen från ${KARIN}` });
    await review.getByLabel('Godkänn med begränsningar').check();
    await review.getByRole('button', { name: 'Spara beslutet' }).click();
    await review.getByText('Beskriv begränsningen.').first().waitFor();
    await review.getByLabel('Programområde som berörs').selectOption({ label: 'Akut vård' });
    await review.getByLabel('Begränsning', { exact: true }).fill('Deltar inte i beslut om läkemedel inom akut vård.');
    await expectAccessible(second.page, 'review queue');
    await screenshot(second.page, 'review-queue');
    await review.getByRole('button', { name: 'Spara beslutet' }).click();
    await second.page.getByText(`Deklarationen från ${KARIN} är godkänd med begränsningar.`).waitFor();

    // now the appointment goes through and she is in the member list
    expect(await visit(page, `/organisation/grupper/${lpo?.id ?? ''}`)).toBe(LPO);
    await appoint(page, option);
    await page.getByRole('status').getByText(`${KARIN} är utsedd till ledamot.`).waitFor();
    await members.getByRole('link', { name: KARIN }).waitFor();
    await expectAccessible(page, 'appointed');
    await screenshotElement(page.locator('section').filter({ has: page.locator('#members-heading') }), 'group-members');

    await members.getByRole('link', { name: KARIN }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe(KARIN);
    await settled(page);
    await page.locator('.declarations').getByText('Godkänd med begränsningar').waitFor();
    await page.getByRole('link', { name: LPO }).waitFor();
    await page.getByText(/godkänd jävsdeklaration som gäller till och med/).waitFor();
    await expectAccessible(page, 'person with assignment');
    await screenshot(page, 'person', { docs: true });
  }, 120_000);

  it('registers a person through the form', async () => {
    const { page } = await suite.newPage({ signedIn: true });
    expect(await visit(page, '/personer-och-uppdrag/ny')).toBe('Ny person');
    await page.getByRole('button', { name: 'Registrera personen' }).click();
    await page.locator('.error-summary').getByText('Namn: Fyll i namn.').waitFor();
    const stamp = Date.now().toString(36);
    await page.getByLabel('Namn').fill(`Lena Testperson ${stamp}`);
    await page.getByLabel('E-postadress').fill(`lena-${stamp}@example.se`);
    await page.getByLabel('Register').selectOption({ label: 'Region Kronoberg' });
    // the form checks with the API's own schema before sending: a malformed HSA-id is named at
    // its field, by its label, and nothing is sent
    let sent = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/people')) sent += 1;
    });
    await page.getByLabel('HSA-id').fill('12345');
    await page.getByRole('button', { name: 'Registrera personen' }).click();
    await page
      .locator('.error-summary')
      .getByText(/^HSA-id: /)
      .waitFor();
    expect(await page.locator('#person-hsaId-error').innerText()).not.toBe('');
    expect(sent).toBe(0);
    await page.getByLabel('HSA-id').fill('');
    await page.getByRole('button', { name: 'Registrera personen' }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe(`Lena Testperson ${stamp}`);
    await settled(page);
    await page.getByText('Personen är registrerad.').waitFor();
    await expectAccessible(page, 'new person');
  });

  it('lists cases with filters and registers a case with its number', async () => {
    const { page } = await suite.newPage({ signedIn: true });
    expect(await visit(page, '/arenden-och-beslut')).toBe('Ärenden och beslut');
    const table = page.getByRole('table', { name: 'Ärenden' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(4);
    await page.getByLabel('Region', { exact: true }).first().selectOption({ label: 'Region Kronoberg' });
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await expect.poll(() => page.url()).toContain('region=07');
    await settled(page);

    // The registration page, reached from the list, keeps the list's region.
    await page.getByRole('link', { name: 'Registrera ett ärende' }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Registrera ett ärende');
    await settled(page);
    const form = page.getByRole('form', { name: 'Registrera ett ärende' });
    await expect.poll(() => form.getByLabel('Region').inputValue()).toBe('07');
    await form.getByRole('button', { name: 'Registrera ärendet' }).click();
    await form.locator('.error-summary').getByText('Ärende: Beskriv ärendet.').waitFor();
    await form.getByLabel('Region').selectOption({ label: 'Region Kronoberg' });
    await form.getByLabel('Ärende').fill('Remiss från webbtest (demo)');
    await form.getByLabel('Ursprung').selectOption({ label: 'Myndighet' });
    await pickFromList(page, form.getByRole('combobox', { name: 'Avsändare' }), 'e-hälso', 'E-hälsomyndigheten');
    await form.getByRole('button', { name: 'Registrera ärendet' }).click();
    const done = page.getByRole('status').getByText(/Ärendet är registrerat med diarienummer/);
    await done.waitFor();
    const number = /diarienummer (.+?): /.exec(await done.innerText())?.[1] ?? '';
    expect(number).toMatch(/^R07 \d{4}\/\d+$/);
    await page.getByRole('link', { name: 'Ärenden och beslut' }).first().click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Ärenden och beslut');
    await settled(page);
    await table.getByRole('rowheader', { name: number }).waitFor();
    await expectAccessible(page, 'case registered');
    await screenshot(page, 'cases', { docs: true });
  });
});
