import { describe, expect, it } from 'vitest';
import { expectAccessible, openStep, screenshot, settled, useBrowser, visit, pickFromList } from './browser.js';
import { clock } from '../../src/platform/clock.js';

/**
 * A matter from registration to closure: registered in the form, triaged to the kunskapsråd in
 * the beredningsforum's queue, assigned, decided, given an action item — closing with the item
 * open shows the server's Swedish sentence — and closed once the item is done.
 */
describe('cases: registration, triage, assignment, action items and closure', () => {
  const suite = useBrowser();

  // One long flow through six forms: it gets more time than the suite's 30 s default.
  it('runs a case through its lifecycle in the browser', { timeout: 90_000 }, async () => {
    const { page } = await suite.newPage({ signedIn: true });
    const subject = `Webbtest: vårdförlopp stroke ${Date.now()} (demo)`;

    // Register.
    expect(await visit(page, '/arenden-och-beslut')).toBe('Ärenden och beslut');
    // At 1280 px the whole table fits: the Status column is not cut off behind a scrollbar.
    const table = page.getByRole('table', { name: 'Ärenden' });
    const statusHeader = await table.getByRole('columnheader', { name: 'Status' }).boundingBox();
    const scroller = await page.locator('.table-scroll', { has: table }).boundingBox();
    expect(statusHeader && scroller && statusHeader.x + statusHeader.width <= scroller.x + scroller.width + 1).toBe(true);
    await screenshot(page, 'cases-list');
    // The registration form is a page of its own, reached from the list.
    expect(await page.getByRole('form', { name: 'Registrera ett ärende' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Registrera ett ärende' }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Registrera ett ärende');
    expect(new URL(page.url()).pathname).toBe('/arenden-och-beslut/nytt');
    await settled(page);
    const form = page.getByRole('form', { name: 'Registrera ett ärende' });
    await form.getByLabel('Region').selectOption({ label: 'Region Kronoberg' });
    await form.getByLabel('Ärende').fill(subject);
    await form.getByLabel('Ursprung').selectOption({ label: 'Nationellt' });
    await pickFromList(page, form.getByRole('combobox', { name: 'Avsändare' }), 'nervsystem', 'NPO Nervsystemets sjukdomar');
    await form.getByRole('button', { name: 'Registrera ärendet' }).click();
    const done = page.getByRole('status').getByText(/Ärendet är registrerat med diarienummer/);
    await done.waitFor();
    const number = /diarienummer (.+?): /.exec(await done.innerText())?.[1] ?? '';
    expect(number).toMatch(/^R07 \d{4}\/\d+$/);

    // Triage in the beredningsforum's queue.
    expect(await visit(page, '/arenden-och-beslut/beredning')).toBe('Beredningskö');
    const item = page.locator('section', { has: page.getByRole('heading', { name: `${number}: ${subject}` }) });
    await item.getByLabel('Beslutsväg').selectOption({ label: 'Beslut i forum' });
    await item.getByRole('button', { name: `Triagera ${number}` }).click();
    await item.locator('.field-error').getByText('Välj forum.').waitFor();
    await item.getByLabel('Föreslaget forum').selectOption({ label: 'Kunskapsrådet (demo)' });
    await item.getByRole('button', { name: `Triagera ${number}` }).click();
    await page.getByRole('status').getByText(`${number} är triagerat och under beredning.`).waitFor();
    await expectAccessible(page, 'triage queue');
    await screenshot(page, 'cases-triage');

    // The case page: assignment.
    await page.goto('/arenden-och-beslut');
    await settled(page);
    await page.getByRole('link', { name: number, exact: true }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe(`${number}: ${subject}`);
    await settled(page);
    await page.getByText('Ärendet är under beredning.').waitFor();
    await expectAccessible(page, 'case page');
    const assign = page.getByRole('region', { name: 'Handläggning' });
    await assign.getByLabel('Handläggande grupp').selectOption({ label: 'LPO Hjärt- och kärlsjukdomar (demo)' });
    await assign.getByLabel('Handläggare').selectOption({ label: 'Cecilia Fiktiv (demo)' });
    await assign.getByLabel('Måldatum').fill(`${clock.year() + 1}-06-30`);
    await assign.getByRole('button', { name: 'Spara handläggningen' }).click();
    await page.getByRole('status').getByText('Handläggningen är sparad.').waitFor();
    await expect
      .poll(() => page.getByRole('table', { name: 'Uppgifter om ärendet' }).innerText())
      .toContain('Cecilia Fiktiv (demo)');

    // Put forward and decide: only the allowed transitions are offered.
    const status = page.getByRole('region', { name: 'Status' });
    expect(await status.getByRole('button').allInnerTexts()).toEqual(['Lägg fram för beslut', 'Avsluta ärendet']);
    await status.getByRole('button', { name: 'Lägg fram för beslut' }).click();
    await page.getByRole('status').getByText('Ärendet har nu status för beslut.').waitFor();
    await status.getByLabel('Var beslutet finns (till exempel protokollsparagraf)').fill('Kunskapsrådet § 3 (webbtest)');
    await status.getByRole('button', { name: 'Registrera beslut' }).click();
    await page.getByRole('status').getByText('Ärendet har nu status beslutat.').waitFor();

    // A document, uploaded with its checksum and listed with a download link, under Handlingar.
    await openStep(page, 'Ärendets delar', 'Handlingar');
    expect(new URL(page.url()).searchParams.get('flik')).toBe('handlingar');
    expect(await status.count()).toBe(0);
    const docs = page.getByRole('region', { name: 'Handlingar' });
    await docs.getByLabel('Välj fil').setInputFiles({
      name: 'Beslutsunderlag stroke.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Beslutsunderlag från webbtestet.\n'),
    });
    await docs.getByRole('button', { name: 'Ladda upp' }).click();
    await page.getByRole('status').getByText('Handlingen Beslutsunderlag stroke.txt är uppladdad.').waitFor();
    await docs.getByRole('link', { name: 'Hämta Beslutsunderlag stroke.txt' }).waitFor();

    // An action item (under Åtgärder); closing with it open is refused with the Swedish sentence.
    await openStep(page, 'Ärendets delar', 'Åtgärder');
    const actions = page.getByRole('region', { name: 'Åtgärdspunkter' });
    await actions.getByLabel('Åtgärd', { exact: true }).fill('Informera verksamhetscheferna');
    await actions.getByLabel('Klar senast').fill(`${clock.year() + 1}-01-15`);
    await actions.getByRole('button', { name: 'Lägg till åtgärdspunkt' }).click();
    await page.getByRole('status').getByText('Åtgärdspunkten är tillagd.').waitFor();
    await actions.getByRole('table', { name: 'Åtgärdspunkter i ärendet' }).getByText('Informera verksamhetscheferna').waitFor();
    await openStep(page, 'Ärendets delar', 'Översikt');
    await status.getByRole('button', { name: 'Avsluta ärendet' }).click();
    await status.getByRole('alert').getByText('Ärendet kan inte avslutas: en åtgärdspunkt är fortfarande öppen.').waitFor();
    await expectAccessible(page, 'close refused');
    await screenshot(page, 'case-close-refused');

    // Done, then closed.
    await openStep(page, 'Ärendets delar', 'Åtgärder');
    await actions.getByRole('button', { name: 'Markera "Informera verksamhetscheferna" som klar' }).click();
    await page.getByRole('status').getByText('Åtgärdspunkten "Informera verksamhetscheferna" är klar.').waitFor();
    await openStep(page, 'Ärendets delar', 'Översikt');
    await status.getByRole('button', { name: 'Avsluta ärendet' }).click();
    await page.getByRole('status').getByText('Ärendet har nu status avslutat.').waitFor();
    await page.getByText('Ärendet är avslutat. Historiken finns kvar.').waitFor();
    expect(await status.getByRole('button').count()).toBe(0);
    await openStep(page, 'Ärendets delar', 'Historik');
    const history = page.getByRole('table', { name: 'Ärendets händelser i tidsordning' });
    await expect.poll(() => history.locator('tbody tr').count()).toBe(4);
    await expectAccessible(page, 'case closed');
    await screenshot(page, 'case-page', { docs: true });

    // The tab is in the URL: a reload stays on it, back goes to the previous tab.
    await page.reload();
    await settled(page);
    const tabs = page.getByRole('navigation', { name: 'Ärendets delar' });
    expect(await tabs.locator('[aria-current="page"]').innerText()).toBe('Historik');
    await history.waitFor();
    await page.goBack();
    await expect.poll(() => tabs.locator('[aria-current="page"]').innerText()).toBe('Översikt');
    await page.goForward();
    await expect.poll(() => tabs.locator('[aria-current="page"]').innerText()).toBe('Historik');
    // Keyboard: the arrow keys move between the tabs, Enter opens one and focus stays on it.
    await tabs.getByRole('link', { name: 'Historik' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect.poll(() => tabs.locator('[aria-current="page"]').innerText()).toBe('Länkar');
    expect(new URL(page.url()).searchParams.get('flik')).toBe('lankar');
    expect(await page.evaluate('document.activeElement && document.activeElement.textContent')).toBe('Länkar');
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect.poll(() => tabs.locator('[aria-current="page"]').innerText()).toBe('Översikt');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'case-page-390', { fullPage: false });
    await page.setViewportSize({ width: 1366, height: 900 });
    await screenshot(page, 'case-page-1366', { fullPage: false });
  });

  it('mina ärenden and the public register pass axe; the register masks secret cases', async () => {
    const { page } = await suite.newPage({ signedIn: true });
    expect(await visit(page, '/arenden-och-beslut/mina')).toBe('Mina ärenden');
    const anonymous = await suite.newPage();
    expect(await visit(anonymous.page, '/arenden-och-beslut/diarium?region=07')).toBe('Diarium');
    const table = anonymous.page.getByRole('table', { name: 'Diarieförda ärenden i Region Kronoberg' });
    await table.waitFor();
    expect(await table.innerText()).toContain('Sekretessmarkerat ärende');
    expect(await table.innerText()).not.toContain('Avvikelse i enskilt vårdförlopp');
    await screenshot(anonymous.page, 'cases-register');
  });
});
