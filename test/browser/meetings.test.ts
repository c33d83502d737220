import { describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, openStep, screenshot, settled, useBrowser, visit } from './browser.js';
import { daysFromToday } from '../helpers/clock.js';

/** "29 dec. 2026", as the pages write a meeting's day (dateStyle medium). */
const swedishMedium = (d: string) =>
  new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`));

/**
 * From a case on a meeting's agenda to a decision in approved minutes: the coordinator (the
 * administrator here) puts a prepared case on the agenda of a Kunskapsrådet meeting, writes the
 * decision as a paragraph, names the chair as adjuster and sends the minutes; the chair signs
 * in and approves; the decision is in the log with its paragraph reference.
 */
describe('meetings: agenda, minutes, justering and the decision log', () => {
  const suite = useBrowser();

  it('takes a case from the agenda to a decision in approved minutes', async () => {
    const { context, page } = await suite.newPage({ signedIn: true });
    const api = context.request;
    const { csrfToken } = (await (await api.get('/api/v1/me')).json()) as { csrfToken: string };
    const headers = { 'X-CSRF-Token': csrfToken };
    const subject = `Webbtest: nationellt vårdförlopp sepsis ${Date.now()}`;
    // A meeting held two days ago, whatever day the suite runs: the minutes are written from the meeting's day.
    const meetingDay = daysFromToday(-2);
    const year = meetingDay.slice(0, 4);
    const label = swedishMedium(meetingDay);

    // Set-up through the API: a prepared case and a meeting of the demo kunskapsråd.
    const c = await (
      await api.post('/api/v1/cases', {
        headers,
        data: { region: '07', subject, origin: 'national', sender: 'NPO Infektionssjukdomar', receivedDate: '2026-11-02' },
      })
    ).json();
    const moved = await api.post(`/api/v1/cases/${c.id}/transitions`, {
      headers,
      data: { to: 'under-beredning', version: c.version },
    });
    expect(moved.status(), await moved.text()).toBeLessThan(300);
    const forums = (await (await api.get('/api/v1/forums')).json()).items as { id: string; name: string }[];
    const council = forums.find((f) => f.name === 'Kunskapsrådet (demo)')!;
    const meeting = await (
      await api.post(`/api/v1/forums/${council.id}/meetings`, { headers, data: { date: meetingDay, place: 'Webbtestsalen' } })
    ).json();

    // The forum page lists the meeting and the proposed dates.
    await visit(page, `/moten/forum/${council.id}`);
    await page.getByLabel('År').selectOption(year);
    await page.getByRole('link', { name: label }).first().waitFor();
    await expectAccessible(page, 'forum page');
    // Planning a single meeting is a page of its own, not a form under the list.
    expect(await page.getByRole('link', { name: 'Planera ett nytt möte' }).getAttribute('href')).toBe(
      `/moten/forum/${council.id}/nytt-mote`,
    );
    expect(await page.getByRole('button', { name: 'Planera mötet' }).count()).toBe(0);
    await screenshot(page, 'meetings-forum');
    await visit(page, `/moten/moten/${meeting.id}`);
    await expect.poll(() => page.locator('main h1').innerText()).toBe(`Kunskapsrådet (demo) ${label}`);
    await settled(page);
    await expectAccessible(page, 'meeting page');
    // Steps: Kallelse first and current (no ?flik= yet), the meeting is at the notice.
    const steps = page.getByRole('navigation', { name: 'Mötets steg' });
    expect(await steps.getByRole('link').allInnerTexts()).toEqual([
      expect.stringMatching(/Kallelse/),
      expect.stringMatching(/Dagordning/),
      expect.stringMatching(/Närvaro/),
      expect.stringMatching(/Protokoll/),
      expect.stringMatching(/Justering/),
    ]);
    expect(await steps.getByRole('link', { name: 'Kallelse pågår' }).getAttribute('aria-current')).toBe('step');
    await page.getByText('Webbtestsalen').waitFor();

    // Agenda: put the case forward.
    await openStep(page, 'Mötets steg', 'Dagordning');
    expect(new URL(page.url()).searchParams.get('flik')).toBe('dagordning');
    expect(await page.getByText('Webbtestsalen').count()).toBe(0);
    const agenda = page.getByRole('region', { name: 'Föredragningslista' });
    await agenda.getByLabel('Ärende att sätta upp för beslut').selectOption({ label: `${c.caseNumber} ${subject}` });
    await agenda.getByRole('button', { name: 'Sätt upp ärendet' }).click();
    await page.getByText('Ärendet står på föredragningslistan och är nu för beslut.').waitFor();
    await agenda.getByRole('listitem').filter({ hasText: subject }).waitFor();

    // Minutes: write the decision for the agenda item.
    await openStep(page, 'Mötets steg', 'Protokoll');
    const minutes = page.getByRole('region', { name: 'Protokoll' });
    await minutes.getByLabel('Punkt på föredragningslistan').selectOption({ label: `${subject} (${c.caseNumber})` });
    await minutes.getByLabel('Typ av beslut').selectOption({ label: 'Beslut' });
    await minutes
      .getByLabel('Beslut', { exact: true })
      .fill('Kunskapsrådet beslutar att införa vårdförloppet sepsis i regionen.');
    await minutes.getByRole('button', { name: 'Skriv paragrafen' }).click();
    await page.getByText('Paragrafen är skriven och numrerad.').waitFor();
    const heading = minutes.getByRole('heading', { level: 3, name: new RegExp(`^§ \\d+ ${subject}`) });
    await heading.waitFor();
    const number = /^§ (\d+)/.exec(await heading.innerText())![1];
    await minutes.getByText('Ingen av de närvarande har en jävsbegränsning som gäller paragrafen.').first().waitFor();
    await expectAccessible(page, 'meeting page with minutes');

    // Justering: the chair adjusts.
    await openStep(page, 'Mötets steg', 'Justering');
    const justering = page.getByRole('region', { name: 'Justering' });
    await justering.getByLabel('Bertil Påhittad (demo)').check();
    await justering.getByRole('button', { name: 'Spara justerare' }).click();
    await page.getByText('Justerarna är utsedda.').waitFor();
    await justering.getByRole('button', { name: 'Skicka protokollet för justering' }).click();
    await page.getByText('Protokollet är skickat till justerarna.').waitFor();
    // The steps follow the lifecycle: the minutes are written (klar), the meeting is at justering.
    await steps.getByRole('link', { name: 'Protokoll (klar)' }).waitFor();
    expect(await steps.getByRole('link', { name: 'Justering pågår' }).getAttribute('aria-current')).toBe('step');
    await screenshot(page, 'meetings-meeting');
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: width > 400 ? 900 : 844 });
      await screenshot(page, `meetings-meeting-${width}`, { fullPage: false });
    }
    await page.setViewportSize({ width: 1280, height: 860 });
    // Back goes to the previous step; the status of the minutes is under Kallelse.
    await page.goBack();
    await expect.poll(() => steps.locator('[aria-current="step"]').innerText()).toMatch(/Protokoll/);
    await openStep(page, 'Mötets steg', 'Kallelse');
    expect(await page.getByTestId('minutes-status').innerText()).toBe('För justering');

    // The chair signs in and approves.
    const chair = await suite.browser.newContext({
      baseURL: baseURL(),
      viewport: { width: 1280, height: 860 },
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
    });
    const chairPage = await chair.newPage();
    chairPage.setDefaultTimeout(10_000);
    const login = await chair.request.post('/api/v1/auth/login', {
      data: { email: 'ordforande@demo.navet.example', password: 'demo-lösenord-navet' },
    });
    expect(login.status()).toBe(200);
    // A link can point at a step: the chair opens Justering directly.
    await chairPage.goto(`/moten/moten/${meeting.id}?flik=justering`);
    await settled(chairPage);
    await chairPage.getByRole('button', { name: 'Justera protokollet' }).click();
    await chairPage.getByText('Du har justerat protokollet.').waitFor();
    await chairPage.getByText('Protokollet är justerat och låst.', { exact: false }).waitFor();
    await chairPage.getByRole('navigation', { name: 'Mötets steg' }).getByRole('link', { name: 'Justering (klar)' }).waitFor();
    await chair.close();

    // The case is decided, with the paragraph as reference; the decision is in the log.
    const decided = await (await api.get(`/api/v1/cases/${c.id}`)).json();
    const reference = `Kunskapsrådet (demo) ${meetingDay} § ${number}`;
    expect(decided.status).toBe('beslutad');
    expect(decided.decisionRef).toBe(reference);
    expect(await visit(page, '/moten/beslut?q=sepsis')).toBe('Beslutslogg');
    await page.getByRole('table', { name: 'Beslut' }).getByRole('link', { name: reference }).waitFor();
    await screenshot(page, 'meetings-decisions');
    expect(await visit(page, '/moten')).toBe('Möten');
    await screenshot(page, 'meetings-home');
  }, 120_000);

  it('names the item för beslut that lacks a §, and records a justering on paper with its date', async () => {
    const { context, page } = await suite.newPage({ signedIn: true });
    const api = context.request;
    const { csrfToken } = (await (await api.get('/api/v1/me')).json()) as { csrfToken: string };
    const headers = { 'X-CSRF-Token': csrfToken };
    const subject = `Webbtest: regional riktlinje KOL ${Date.now()}`;
    const meetingDay = daysFromToday(-1);
    const c = await (
      await api.post('/api/v1/cases', {
        headers,
        data: { region: '07', subject, origin: 'national', sender: 'NPO Lungsjukdomar', receivedDate: '2026-11-02' },
      })
    ).json();
    await api.post(`/api/v1/cases/${c.id}/transitions`, { headers, data: { to: 'under-beredning', version: c.version } });
    const forums = (await (await api.get('/api/v1/forums')).json()).items as { id: string; name: string }[];
    const council = forums.find((f) => f.name === 'Kunskapsrådet (demo)')!;
    const meeting = await (
      await api.post(`/api/v1/forums/${council.id}/meetings`, { headers, data: { date: meetingDay, place: 'Pappersalen' } })
    ).json();
    const url = `/api/v1/meetings/${meeting.id}`;
    expect((await api.post(`${url}/agenda`, { headers, data: { caseId: c.id } })).status()).toBeLessThan(300);
    const info = await api.post(`${url}/paragraphs`, {
      headers,
      data: { title: 'Information om läget', decisionKind: 'information' },
    });
    expect(info.status(), await info.text()).toBe(201);
    const detail = async () =>
      (await (await api.get(url)).json()) as {
        meeting: { version: number };
        members: { personId: string; name: string }[];
        agenda: { position: number; caseId: string | null }[];
      };
    const d = await detail();
    const chair = d.members.find((m) => m.name === 'Bertil Påhittad (demo)')!;
    await api.put(`${url}/adjusters`, { headers, data: { personIds: [chair.personId], version: d.meeting.version } });

    // The case stands on the agenda för beslut without a §: the page says which item keeps the minutes back.
    await visit(page, `/moten/moten/${meeting.id}?flik=justering`);
    const justering = page.getByRole('region', { name: 'Justering' });
    const position = (await detail()).agenda.find((a) => a.caseId === c.id)!.position;
    await justering
      .getByText(`punkt ${position} "${subject}" är för beslut men saknar paragraf (skriv en § eller ta bort punkten)`)
      .waitFor();
    expect(await justering.getByRole('button', { name: 'Skicka protokollet för justering' }).count()).toBe(0);
    await expectAccessible(page, 'minutes held back by an item för beslut');

    // The decision is written; the minutes go to justering; the chair signs on paper and the secretary records it.
    const item = (await (await api.get(url)).json()).agenda.find((a: { caseId: string | null }) => a.caseId === c.id);
    await api.post(`${url}/paragraphs`, { headers, data: { agendaItemId: item.id, decisionText: 'Riktlinjen fastställs.' } });
    await api.post(`${url}/minutes/submit`, { headers, data: { version: (await detail()).meeting.version } });
    await visit(page, `/moten/moten/${meeting.id}?flik=justering`);
    const paper = page.getByRole('form', { name: 'Justering på papper' });
    await paper.getByLabel('Justerare', { exact: true }).selectOption(chair.personId);
    await paper.getByLabel('Datum för underskriften').fill(meetingDay);
    await expectAccessible(page, 'paper justering form');
    await paper.getByRole('button', { name: 'Registrera justeringen' }).click();
    await page.getByText('Justeringen på papper är registrerad.').waitFor();
    await justering.getByText(`Bertil Påhittad (demo): justerade på papper ${meetingDay}`, { exact: false }).waitFor();
    await screenshot(page, 'meetings-paper-justering');
    await openStep(page, 'Mötets steg', 'Kallelse');
    await expect.poll(() => page.getByTestId('minutes-status').innerText()).toBe('Justerat');
    const decided = await (await api.get(`/api/v1/cases/${c.id}`)).json();
    expect(decided.status).toBe('beslutad');
  }, 120_000);
});
