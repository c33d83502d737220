import { describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, openStep, screenshot, settled, useBrowser, visit, pickFromList } from './browser.js';
import { clock } from '../../src/platform/clock.js';
import { daysFromToday } from '../helpers/clock.js';

/**
 * Issue 6, "done when": one matter runs through the real UI from registration to closure. The
 * administrator registers it, triages it in the beredningsforum's queue to the demo
 * kunskapsråd, plans a meeting on the forum page, puts the case on its agenda (it becomes "för
 * beslut"), attaches the LPO's follow-up report to the standing item, calls an adjungerad,
 * writes the decision with its program area and an action item, names the chair as adjuster
 * and sends the minutes; the chair approves in his own browser and the minutes lock. The case
 * is then decided with the paragraph as reference, the action item has come over from the
 * minutes, another is added on the case; closing is refused while they are open, and the case
 * closes once they are done.
 *
 * The only API calls are the chair's sign-in (the UI sign-in has its own test) and fetching
 * the attachment's bytes to check them: everything else is clicks and typing.
 */
describe('a case from registration to closure', () => {
  const suite = useBrowser();

  it('registers, triages, decides in approved minutes, follows up and closes a case', { timeout: 180_000 }, async () => {
    const { context, page } = await suite.newPage({ signedIn: true });
    const stamp = Date.now();
    const subject = `Slutflöde: regional rutin för sepsis ${stamp} (demo)`;
    const place = `Slutflödessalen ${stamp}`;
    // A meeting held three days ago, whatever day the suite runs: the minutes are written from the meeting's day.
    const meetingDay = daysFromToday(-3);
    const dayLabel = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'short', timeZone: 'UTC' })
      .format(new Date(`${meetingDay}T12:00:00Z`))
      .replace('.', '');

    // 1. Registration.
    expect(await visit(page, '/arenden-och-beslut')).toBe('Ärenden och beslut');
    await page.getByRole('link', { name: 'Registrera ett ärende' }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Registrera ett ärende');
    await settled(page);
    const form = page.getByRole('form', { name: 'Registrera ett ärende' });
    await form.getByLabel('Region').selectOption({ label: 'Region Kronoberg' });
    await form.getByLabel('Ärende').fill(subject);
    await form.getByLabel('Ursprung').selectOption({ label: 'Nationellt' });
    await pickFromList(page, form.getByRole('combobox', { name: 'Avsändare' }), 'infektion', 'NPO Infektionssjukdomar');
    await form.getByRole('button', { name: 'Registrera ärendet' }).click();
    const registered = page.getByRole('status').getByText(/Ärendet är registrerat med diarienummer/);
    await registered.waitFor();
    const number = /diarienummer (.+?): /.exec(await registered.innerText())?.[1] ?? '';
    expect(number).toMatch(/^R07 \d{4}\/\d+$/);
    expect(await visit(page, '/arenden-och-beslut')).toBe('Ärenden och beslut');
    const row = page.getByRole('table', { name: 'Ärenden' }).getByRole('row').filter({ hasText: number });
    await expect.poll(() => row.innerText()).toContain('Registrerat');

    // 2. The beredningsforum's queue: the case is there; triage it to the kunskapsråd.
    expect(await visit(page, '/arenden-och-beslut/beredning')).toBe('Beredningskö');
    const queued = page.locator('section', { has: page.getByRole('heading', { name: `${number}: ${subject}` }) });
    await queued.waitFor();
    await queued.getByLabel('Beslutsväg').selectOption({ label: 'Beslut i forum' });
    await queued.getByLabel('Föreslaget forum').selectOption({ label: 'Kunskapsrådet (demo)' });
    await queued.getByLabel('Anteckning').fill('Rådet äger frågan; ingen annan grupp bereder samma sak.');
    await queued.getByRole('button', { name: `Triagera ${number}` }).click();
    await page.getByRole('status').getByText(`${number} är triagerat och under beredning.`).waitFor();
    await expect.poll(() => page.getByRole('heading', { name: `${number}: ${subject}` }).count()).toBe(0);
    await expectAccessible(page, 'triage queue after triage');

    // 3. The forum page: plan a meeting of the kunskapsråd.
    expect(await visit(page, '/moten')).toBe('Möten');
    await page.getByRole('link', { name: 'Kunskapsrådet (demo)', exact: true }).first().click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Kunskapsrådet (demo)');
    await settled(page);
    await page.getByRole('link', { name: 'Planera ett nytt möte' }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Nytt möte: Kunskapsrådet (demo)');
    await settled(page);
    const planning = page.getByRole('form', { name: 'Nytt möte: Kunskapsrådet (demo)' });
    await expectAccessible(page, 'new meeting page');
    await planning.getByLabel('Datum').fill(meetingDay);
    await planning.getByLabel('Plats').fill(place);
    await planning.getByRole('button', { name: 'Planera mötet' }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toMatch(new RegExp(`^Kunskapsrådet \\(demo\\) ${dayLabel}`));
    await settled(page);
    await page.getByText(place).waitFor();
    expect(await page.getByTestId('minutes-status').innerText()).toBe('Utkast');

    // 4. The agenda: put the case forward; it is now "för beslut".
    await openStep(page, 'Mötets steg', 'Dagordning');
    const agenda = page.getByRole('region', { name: 'Föredragningslista' });
    await agenda.getByRole('listitem').filter({ hasText: 'Uppföljningsrapport' }).waitFor();
    await agenda.getByLabel('Ärende att sätta upp för beslut').selectOption({ label: `${number} ${subject}` });
    await agenda.getByRole('button', { name: 'Sätt upp ärendet' }).click();
    await page.getByText('Ärendet står på föredragningslistan och är nu för beslut.').waitFor();
    const caseItem = agenda.getByRole('listitem').filter({ hasText: subject });
    await expect.poll(() => caseItem.getByTestId('agenda-case-status').innerText()).toBe('För beslut');

    // The LPO's follow-up report, attached to the standing item as a stored snapshot.
    await agenda.getByLabel('Punkt på föredragningslistan').selectOption({ label: 'Uppföljningsrapport' });
    await agenda.getByRole('button', { name: 'Bifoga rapporten' }).click();
    await agenda.getByText('Välj en grupp.').waitFor();
    await agenda
      .getByLabel('Grupp vars uppföljningsrapport bifogas')
      .selectOption({ label: 'LPO Hjärt- och kärlsjukdomar (demo)' });
    await agenda.getByRole('button', { name: 'Bifoga rapporten' }).click();
    await page.getByText('Uppföljningsrapporten är bifogad.').waitFor();
    const reportLink = agenda
      .getByRole('listitem')
      .filter({ hasText: 'Uppföljningsrapport' })
      .getByRole('link', { name: /^Uppföljningsrapport – LPO Hjärt- och kärlsjukdomar \(demo\) \d{4}-\d{2}-\d{2}\.pdf$/ });
    await reportLink.waitFor();
    const pdf = await context.request.get((await reportLink.getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // 5. Attendance: call a non-member (adjungerad) to the meeting.
    await openStep(page, 'Mötets steg', 'Närvaro');
    const attendance = page.getByRole('region', { name: 'Närvaro' });
    await attendance.getByLabel('Sök person').fill('Cecilia');
    await attendance.getByLabel('Person', { exact: true }).selectOption({ label: 'Cecilia Fiktiv (demo), Region Kronoberg' });
    await attendance.getByRole('button', { name: 'Lägg till som adjungerad' }).click();
    await page.getByText('Personen är adjungerad och får kallelsen när den skickas.').waitFor();
    const cecilia = attendance.getByRole('row').filter({ hasText: 'Cecilia Fiktiv (demo)' });
    await expect.poll(() => cecilia.innerText()).toContain('Adjungerad');

    // 6. The minutes: a paragraph with the decision for the case, its program area and an action item.
    await openStep(page, 'Mötets steg', 'Protokoll');
    const minutes = page.getByRole('region', { name: 'Protokoll' });
    await minutes.getByLabel('Punkt på föredragningslistan').selectOption({ label: `${subject} (${number})` });
    await minutes.getByLabel('Typ av beslut').selectOption({ label: 'Beslut' });
    await minutes
      .getByLabel('Beslut', { exact: true })
      .fill('Kunskapsrådet beslutar att införa den regionala rutinen för sepsis från 1 januari 2028.');
    await minutes.getByRole('button', { name: 'Skriv paragrafen' }).click();
    await page.getByText('Paragrafen är skriven och numrerad.').waitFor();
    const heading = minutes.getByRole('heading', { level: 3, name: new RegExp(`^§ \\d+ ${subject.replace(/[()]/g, '\\$&')}`) });
    await heading.waitFor();
    const paragraphNumber = /^§ (\d+)/.exec(await heading.innerText())![1]!;
    const paragraph = minutes.getByRole('article', { name: new RegExp(`^§ ${paragraphNumber} `) });

    await paragraph.getByText('Programområden (valda: 0)').click();
    await paragraph.getByLabel('Infektionssjukdomar', { exact: true }).check();
    await paragraph.getByRole('button', { name: `Spara § ${paragraphNumber}` }).click();
    await page.getByText('Paragrafen är sparad.').waitFor();
    await expect
      .poll(() => paragraph.getByTestId(`paragraph-${paragraphNumber}-areas-shown`).innerText())
      .toBe('Programområden: Infektionssjukdomar');

    const actionForm = paragraph.getByRole('form', { name: `Ny åtgärdspunkt i § ${paragraphNumber}` });
    await actionForm.getByLabel('Åtgärd').fill('Utbilda akutmottagningarna i rutinen');
    await actionForm.getByLabel('Ansvarig').fill('Cecilia Fiktiv (demo)');
    await actionForm.getByLabel('Klart senast').fill(`${clock.year() + 1}-12-15`);
    await actionForm.getByRole('button', { name: 'Lägg till åtgärden' }).click();
    await page.getByText('Åtgärden är antecknad; den förs till ärendet när protokollet justerats.').waitFor();
    await paragraph
      .getByText(`Utbilda akutmottagningarna i rutinen – ansvarig Cecilia Fiktiv (demo), klart senast ${clock.year() + 1}-12-15`)
      .waitFor();
    await expectAccessible(page, 'meeting page with agenda, attachment, adjungerad and minutes');
    await screenshot(page, 'case-to-closure-meeting');

    // 7. Justering: the chair is named adjuster and the minutes are sent.
    await openStep(page, 'Mötets steg', 'Justering');
    const justering = page.getByRole('region', { name: 'Justering' });
    await justering.getByLabel('Bertil Påhittad (demo)').check();
    await justering.getByRole('button', { name: 'Spara justerare' }).click();
    await page.getByText('Justerarna är utsedda.').waitFor();
    await justering.getByRole('button', { name: 'Skicka protokollet för justering' }).click();
    await page.getByText('Protokollet är skickat till justerarna.').waitFor();
    const steps = page.getByRole('navigation', { name: 'Mötets steg' });
    await steps.getByRole('link', { name: 'Protokoll (klar)' }).waitFor();
    expect(await steps.getByRole('link', { name: 'Justering pågår' }).getAttribute('aria-current')).toBe('step');
    const meetingPath = new URL(page.url()).pathname;

    // The chair signs in (through the API, as the other browser tests do) and approves in the UI.
    const chair = await suite.browser.newContext({
      baseURL: baseURL(),
      viewport: { width: 1280, height: 860 },
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
    });
    try {
      const login = await chair.request.post('/api/v1/auth/login', {
        data: { email: 'ordforande@demo.navet.example', password: 'demo-lösenord-navet' },
      });
      expect(login.status()).toBe(200);
      const chairPage = await chair.newPage();
      chairPage.setDefaultTimeout(10_000);
      await chairPage.goto(`${meetingPath}?flik=justering`);
      await settled(chairPage);
      await chairPage.getByRole('button', { name: 'Justera protokollet' }).click();
      await chairPage.getByText('Du har justerat protokollet.').waitFor();
    } finally {
      await chair.close();
    }

    // 8. Back on the meeting page: locked, the case decided, the snapshot still there.
    await page.reload();
    await settled(page);
    await page.getByText('Protokollet är justerat och låst.', { exact: false }).waitFor();
    await steps.getByRole('link', { name: 'Justering (klar)' }).waitFor();
    await openStep(page, 'Mötets steg', 'Kallelse');
    expect(await page.getByTestId('minutes-status').innerText()).toBe('Justerat');
    await openStep(page, 'Mötets steg', 'Protokoll');
    const reference = `Kunskapsrådet (demo) ${meetingDay} § ${paragraphNumber}`;
    await paragraph.getByText(reference).waitFor();
    await openStep(page, 'Mötets steg', 'Dagordning');
    await expect.poll(() => caseItem.getByTestId('agenda-case-status').innerText()).toBe('Beslutat');
    await reportLink.waitFor();
    expect(await agenda.getByRole('button', { name: 'Bifoga rapporten' }).count()).toBe(0);

    // 9. The case shows the decision, with the action item from the minutes.
    await caseItem.getByRole('link', { name: number }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe(`${number}: ${subject}`);
    await settled(page);
    const status = page.getByRole('region', { name: 'Status' });
    await status.getByText('Ärendet är beslutat.').waitFor();
    const facts = page.getByRole('table', { name: 'Uppgifter om ärendet' });
    expect(await facts.getByRole('row', { name: /^Beslut / }).innerText()).toContain(reference);
    expect(await facts.getByRole('row', { name: /^Beslutande forum/ }).innerText()).toContain('Kunskapsrådet (demo)');
    await openStep(page, 'Ärendets delar', 'Åtgärder');
    const actions = page.getByRole('region', { name: 'Åtgärdspunkter' });
    const table = actions.getByRole('table', { name: 'Åtgärdspunkter i ärendet' });
    const fromMinutes = table.getByRole('row').filter({ hasText: 'Utbilda akutmottagningarna i rutinen' });
    await expect.poll(() => fromMinutes.innerText()).toContain('Från protokoll');
    expect(await fromMinutes.innerText()).toContain('Cecilia Fiktiv (demo)');

    // 10. Another action item on the case itself, with an owner and a due date.
    await actions.getByLabel('Åtgärd', { exact: true }).fill('Följ upp rutinen i LPO Hjärt- och kärlsjukdomar');
    await actions.getByLabel('Ansvarig person').selectOption({ label: 'Cecilia Fiktiv (demo)' });
    await actions.getByLabel('Klar senast').fill(`${clock.year() + 2}-03-31`);
    await actions.getByRole('button', { name: 'Lägg till åtgärdspunkt' }).click();
    await page.getByRole('status').getByText('Åtgärdspunkten är tillagd.').waitFor();
    const onCase = table.getByRole('row').filter({ hasText: 'Följ upp rutinen i LPO Hjärt- och kärlsjukdomar' });
    await expect.poll(() => onCase.innerText()).toContain('Cecilia Fiktiv (demo)');
    await openStep(page, 'Ärendets delar', 'Översikt');
    await status.getByText('Ärendet har 2 öppna åtgärdspunkter och kan inte avslutas förrän de är klara.').waitFor();

    // Closing with open items is refused, with the server's Swedish sentence.
    await status.getByRole('button', { name: 'Avsluta ärendet' }).click();
    await status.getByRole('alert').getByText('Ärendet kan inte avslutas: 2 åtgärdspunkter är fortfarande öppna.').waitFor();
    await status.getByText('Ärendet är beslutat.').waitFor();
    await expectAccessible(page, 'case page, closing refused');
    await screenshot(page, 'case-to-closure-refused');

    // 11. Both items done; the case closes.
    await openStep(page, 'Ärendets delar', 'Åtgärder');
    await actions.getByRole('button', { name: 'Markera "Utbilda akutmottagningarna i rutinen" som klar' }).click();
    await page.getByRole('status').getByText('Åtgärdspunkten "Utbilda akutmottagningarna i rutinen" är klar.').waitFor();
    await actions.getByRole('button', { name: 'Markera "Följ upp rutinen i LPO Hjärt- och kärlsjukdomar" som klar' }).click();
    await page
      .getByRole('status')
      .getByText('Åtgärdspunkten "Följ upp rutinen i LPO Hjärt- och kärlsjukdomar" är klar.')
      .waitFor();
    await expect.poll(() => table.getByText('Öppen', { exact: true }).count()).toBe(0);
    await openStep(page, 'Ärendets delar', 'Översikt');
    await status.getByRole('button', { name: 'Avsluta ärendet' }).click();
    await page.getByRole('status').getByText('Ärendet har nu status avslutat.').waitFor();
    await page.getByText('Ärendet är avslutat. Historiken finns kvar.').waitFor();
    expect(await status.getByRole('button').count()).toBe(0);
    await expect.poll(() => facts.getByRole('row', { name: /^Status/ }).innerText()).toContain('Avslutat');
    // A closed case's links are settled: no form to add one.
    await openStep(page, 'Ärendets delar', 'Länkar');
    await page.getByRole('region', { name: 'Länkar' }).waitFor();
    expect(await page.getByRole('form', { name: 'Lägg till länk' }).count()).toBe(0);

    // The history tells the whole way: registered → under beredning → för beslut → beslutat → avslutat.
    await openStep(page, 'Ärendets delar', 'Historik');
    const history = page.getByRole('table', { name: 'Ärendets händelser i tidsordning' });
    await expect.poll(() => history.locator('tbody tr').count()).toBe(4);
    const events = await history.locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(events.map((s) => s.split('\n')[0])).toEqual([
      'Registrerat → Under beredning',
      'Under beredning → För beslut',
      'För beslut → Beslutat',
      'Beslutat → Avslutat',
    ]);
    expect(events[2]).toContain(reference);
  });
});
