import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { warnLateMilestones } from '../src/modules/consultation/warn-late-milestones.js';
import { buildConsultationRound, buildForumMember, buildGroup, buildLpo, buildUser } from '../src/testing/builders.js';
import { problem, useTestApp, type Session } from './helpers/app.js';
import { useClock } from './helpers/clock.js';

/**
 * A region's coordinated answer ("en väg in"), Region Blekinge (10), through the API: from
 * registration with a case number, routing, survey, draft with comments, beredning, decision
 * and sending to the documents out — with the denials along the way.
 */
const t = useTestApp();
// The milestones are the seeds' calendar rules on real dates (working days, Christmas): the
// clock stands on the day the rounds below are planned from.
const today = '2026-11-26';
useClock(today);

let roundId: string;
let lpo: string;
let lsg: string;
let beredning: string;
let rad: string;
let samordnare: Session;
let lpoProcesstod: Session;
let lsgProcesstod: Session;
let beredningChair: Session;
let radChair: Session;
let lasare: Session;
let kalmar: Session;
let roleless: Session;
let member: Session;

const api = (as: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>) =>
  t.request({ method, url, as, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  roundId = (await buildConsultationRound(t.db, { title: 'Vårdprogram för hjärtsvikt, remissversion' })).id;
  lpo = (await buildLpo(t.db, { region: '10', programAreaId: 'hjart-och-karlsjukdomar', name: 'LPO Hjärta och kärl Blekinge' }))
    .id;
  lsg = (await buildGroup(t.db, { kind: 'collaboration-group', level: 'region', owner: '10', name: 'LSG Läkemedel Blekinge' }))
    .id;
  beredning = (await buildGroup(t.db, { kind: 'forum', level: 'region', owner: '10', name: 'Beredningsforum Blekinge' })).id;
  rad = (await buildGroup(t.db, { kind: 'council', level: 'region', owner: '10', name: 'Kunskapsrådet Blekinge' })).id;
  samordnare = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
  lpoProcesstod = await t.newUser([{ role: 'processtod', scopeType: 'group', scopeId: lpo }]);
  lsgProcesstod = await t.newUser([{ role: 'processtod', scopeType: 'group', scopeId: lsg }]);
  beredningChair = await t.newUser([{ role: 'ordforande', scopeType: 'group', scopeId: beredning }]);
  radChair = await t.newUser([{ role: 'ordforande', scopeType: 'group', scopeId: rad }]);
  lasare = await t.newUser([{ role: 'lasare', scopeType: 'region', scopeId: '10' }]);
  kalmar = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '08' }]);
  roleless = await t.newUser();
  // A chair through membership only: the person's e-mail is the user's, no role assignment.
  const email = `ordf-lsg-${Date.now()}@example.se`;
  await buildForumMember(t.db, { groupId: lsg, role: 'ordforande', email });
  await buildUser(t.db, { email });
  member = await t.login(email);
});

describe("a region's answer from registration to sent", () => {
  let id: string;
  let version: number;
  let surveyId: string;
  let links: { link: string; unit: string }[];

  const refresh = async () => {
    const res = await api(samordnare, 'GET', `/api/v1/consultation-answers/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    version = a.version;
    return a;
  };

  it('registers the round with a case number, the default sections and milestones scheduled back in working days', async () => {
    const denied = await api(lpoProcesstod, 'POST', '/api/v1/consultation-answers', { roundId, region: '10' });
    expect(denied.statusCode).toBe(403);
    const res = await api(samordnare, 'POST', '/api/v1/consultation-answers', { roundId, region: '10' });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    id = a.id;
    version = a.version;
    expect(a.status).toBe('registrerad');
    expect(a.caseNumber).toMatch(/^R10 \d{4}\/\d+$/);
    expect(a.round.closesOn).toBe('2026-12-29');
    expect(a.sections.map((s: { heading: string }) => s.heading)[0]).toBe('Sammanfattning');
    // Deadline Tue 29 Dec 2026; julafton (24th), juldagen (25th) and the weekend are not working days.
    expect(a.milestones.map((m: { kind: string; dueOn: string }) => [m.kind, m.dueOn])).toEqual([
      ['survey-closes', '2026-12-09'],
      ['draft-ready', '2026-12-15'],
      ['beredning', '2026-12-18'],
      ['decision', '2026-12-23'],
    ]);
    const kase = await t.db.query<{ subject: string; origin: string }>('SELECT subject, origin FROM cases WHERE id = $1', [
      a.caseId,
    ]);
    expect(kase[0]).toMatchObject({ subject: 'Remiss: Vårdprogram för hjärtsvikt, remissversion', origin: 'national' });
  });

  it('refuses a second registration of the same round in the region (409), and uses no case number for it', async () => {
    const cases = async () =>
      (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM cases WHERE region_code = '10'"))[0]!.n;
    const before = await cases();
    const res = await api(samordnare, 'POST', '/api/v1/consultation-answers', { roundId, region: '10' });
    expect(res.statusCode).toBe(409);
    expect(problem(res).body.detail).toContain('redan registrerad');
    expect(await cases()).toBe(before);
    const unknown = await api(samordnare, 'POST', '/api/v1/consultation-answers', {
      roundId: '00000000-0000-4000-8000-000000000000',
      region: '10',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('shows the answer to the region, 404 to other regions and outsiders', async () => {
    expect((await api(kalmar, 'GET', `/api/v1/consultation-answers/${id}`)).statusCode).toBe(404);
    expect((await api(roleless, 'GET', `/api/v1/consultation-answers/${id}`)).statusCode).toBe(404);
    const read = await api(lasare, 'GET', `/api/v1/consultation-answers/${id}`);
    expect(read.statusCode).toBe(200);
    expect(Object.values(read.json().permissions).every((p) => p === false)).toBe(true);
    expect((await api(kalmar, 'GET', '/api/v1/consultation-answers?region=10')).json().items).toEqual([]);
  });

  it('is routed by the coordinator to the groups concerned, one leading', async () => {
    const body = { groupIds: [lpo, lsg], leadGroupId: lpo, beredningGroupId: beredning, decisionGroupId: rad, version };
    // Before routing the LPO is not involved: the answer is not even visible to its process support.
    expect((await api(lpoProcesstod, 'POST', `/api/v1/consultation-answers/${id}/routing`, body)).statusCode).toBe(404);
    expect((await api(lasare, 'POST', `/api/v1/consultation-answers/${id}/routing`, body)).statusCode).toBe(403);
    const foreign = (await buildLpo(t.db, { region: '07', programAreaId: 'hjart-och-karlsjukdomar' })).id;
    const bad = await api(samordnare, 'POST', `/api/v1/consultation-answers/${id}/routing`, {
      ...body,
      groupIds: [lpo, foreign],
    });
    // Another region's group is not one the coordinator may see: 404, as for its GET.
    expect(bad.statusCode).toBe(404);
    const wrongKind = await api(samordnare, 'POST', `/api/v1/consultation-answers/${id}/routing`, {
      ...body,
      decisionGroupId: lsg,
    });
    expect(wrongKind.statusCode).toBe(422);
    const stale = await api(samordnare, 'POST', `/api/v1/consultation-answers/${id}/routing`, { ...body, version: version + 5 });
    expect(stale.statusCode).toBe(409);
    const res = await api(samordnare, 'POST', `/api/v1/consultation-answers/${id}/routing`, body);
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    expect(a.status).toBe('fordelad');
    expect(a.groups.find((g: { lead: boolean }) => g.lead).id).toBe(lpo);
    expect(a.decisionGroup.name).toBe('Kunskapsrådet Blekinge');
    version = a.version;
  });

  it('lets the lead send the gap-analysis survey with personal links, e-mailed', async () => {
    const survey = {
      title: 'Gapanalys hjärtsvikt',
      intro: 'Hur ser det ut hos er i dag?',
      closesOn: '2026-12-09',
      questions: [
        { id: 'q1', kind: 'text', topic: 'praxis', text: 'Hur arbetar ni i dag jämfört med rekommendationerna?', required: true },
        {
          id: 'q2',
          kind: 'scale',
          topic: 'resurser',
          text: 'Hur stora resurser krävs (1 = inga, 5 = mycket stora)?',
          required: true,
        },
        { id: 'q3', kind: 'yes-no', topic: 'konsekvenser', text: 'Krävs organisatoriska förändringar?', required: false },
      ],
      recipients: [
        { unit: 'Kardiologen Karlskrona', name: 'Eva', email: 'kardiologen@example.se' },
        { unit: 'Vårdcentralen Ronneby', email: 'vc-ronneby@example.se' },
      ],
      version,
    };
    expect((await api(lsgProcesstod, 'POST', `/api/v1/consultation-answers/${id}/survey`, survey)).statusCode).toBe(403);
    const late = await api(lpoProcesstod, 'POST', `/api/v1/consultation-answers/${id}/survey`, {
      ...survey,
      closesOn: '2027-01-15',
    });
    expect(late.statusCode).toBe(422);
    expect(problem(late).body.errors?.[0]?.path).toBe('closesOn');
    const res = await api(lpoProcesstod, 'POST', `/api/v1/consultation-answers/${id}/survey`, survey);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.answer.status).toBe('enkat-pagar');
    links = body.links;
    surveyId = body.answer.survey.id;
    expect(links).toHaveLength(2);
    const token = links[0]!.link.split('#')[1]!;
    expect(links[0]!.link).toContain(`/enkat/${surveyId}#`);
    const stored = await t.db.query<{ token_hash: string }>(
      'SELECT token_hash FROM consultation_survey_recipients WHERE survey_id = $1',
      [surveyId],
    );
    expect(stored.map((r) => r.token_hash)).not.toContain(token);
    const mails = await t.db.query<{ to_address: string; body_text: string }>(
      "SELECT to_address, body_text FROM outbound_emails WHERE to_address IN ('kardiologen@example.se', 'vc-ronneby@example.se')",
    );
    expect(mails).toHaveLength(2);
    expect(mails.find((m) => m.to_address === 'kardiologen@example.se')!.body_text).toContain(
      links.find((l) => l.unit === 'Kardiologen Karlskrona')!.link,
    );
    version = body.answer.version;
  });

  it('takes answers through the personal link without an account, and shows the progress', async () => {
    const link = links.find((l) => l.unit === 'Kardiologen Karlskrona')!;
    const token = link.link.split('#')[1]!;
    const form = await t.request({ method: 'GET', url: `/api/v1/survey-form/${surveyId}`, headers: { 'x-survey-token': token } });
    expect(form.statusCode, form.body).toBe(200);
    expect(form.json()).toMatchObject({ unit: 'Kardiologen Karlskrona', regionName: 'Region Blekinge', answers: null });
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/survey-form/${surveyId}`, headers: { 'x-survey-token': 'fel' } }))
        .statusCode,
    ).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/survey-form/${surveyId}` })).statusCode).toBe(404);
    const bad = await t.request({
      method: 'PUT',
      url: `/api/v1/survey-form/${surveyId}`,
      headers: { 'x-survey-token': token },
      payload: { answers: { q2: 7, q9: 'x' } },
    });
    expect(bad.statusCode).toBe(422);
    expect(
      problem(bad)
        .body.errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['answers.q1', 'answers.q2', 'answers.q9']);
    const ok = await t.request({
      method: 'PUT',
      url: `/api/v1/survey-form/${surveyId}`,
      headers: { 'x-survey-token': token },
      payload: { answers: { q1: 'Vi följer inte rekommendation 3 om uppföljning.', q2: 4, q3: true } },
    });
    expect(ok.statusCode, ok.body).toBe(204);
    const progress = await api(lpoProcesstod, 'GET', `/api/v1/consultation-surveys/${surveyId}`);
    expect(progress.statusCode).toBe(200);
    const p = progress.json();
    expect(p.responded).toBe(1);
    expect(p.recipients.find((r: { unit: string }) => r.unit === 'Vårdcentralen Ronneby').respondedAt).toBeNull();
    expect(p.summary.find((s: { questionId: string }) => s.questionId === 'q2')).toMatchObject({
      answered: 1,
      average: 4,
      distribution: [0, 0, 0, 1, 0],
    });
    expect(p.summary.find((s: { questionId: string }) => s.questionId === 'q1').texts[0].unit).toBe('Kardiologen Karlskrona');
    expect((await api(kalmar, 'GET', `/api/v1/consultation-surveys/${surveyId}`)).statusCode).toBe(404);
  });

  it('closes the survey when the draft starts; the links then answer 410', async () => {
    expect((await api(lsgProcesstod, 'POST', `/api/v1/consultation-answers/${id}/start-draft`, { version })).statusCode).toBe(
      403,
    );
    const res = await api(lpoProcesstod, 'POST', `/api/v1/consultation-answers/${id}/start-draft`, { version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('utkast');
    expect(res.json().survey.status).toBe('stangd');
    version = res.json().version;
    const token = links[1]!.link.split('#')[1]!;
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/survey-form/${surveyId}`, headers: { 'x-survey-token': token } }))
        .statusCode,
    ).toBe(410);
    const put = await t.request({
      method: 'PUT',
      url: `/api/v1/survey-form/${surveyId}`,
      headers: { 'x-survey-token': token },
      payload: { answers: { q1: 'sent', q2: 1 } },
    });
    expect(put.statusCode).toBe(410);
  });

  it('is compiled section by section, with comments anchored to sections and responses', async () => {
    const a = await refresh();
    const summary = a.sections[0];
    const write = (as: Session, body: string, v = summary.version) =>
      api(as, 'PUT', `/api/v1/consultation-answers/${id}/sections/${summary.id}`, { body, version: v });
    expect((await write(lasare, 'x')).statusCode).toBe(403);
    const ok = await write(lsgProcesstod, 'Region Blekinge ställer sig bakom vårdprogrammet med synpunkter på uppföljningen.');
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await write(lpoProcesstod, 'äldre version', summary.version)).statusCode).toBe(409);
    const byMember = await write(
      member,
      'Region Blekinge ställer sig bakom vårdprogrammet, med synpunkter på uppföljning och resurser.',
      summary.version + 1,
    );
    expect(byMember.statusCode, byMember.body).toBe(200);

    const c = await api(radChair, 'POST', `/api/v1/consultation-answers/${id}/comments`, {
      sectionId: summary.id,
      body: 'Nämn kostnaden för uppföljningen.',
    });
    expect(c.statusCode, c.body).toBe(201);
    const foreignSection = await api(radChair, 'POST', `/api/v1/consultation-answers/${id}/comments`, {
      sectionId: '00000000-0000-4000-8000-000000000000',
      body: 'x',
    });
    expect(foreignSection.statusCode).toBe(422);
    expect(
      (await api(lasare, 'POST', `/api/v1/consultation-answers/${id}/comments`, { sectionId: summary.id, body: 'x' })).statusCode,
    ).toBe(403);
    const comment = c.json().comments[0];
    expect(comment.sectionId).toBe(summary.id);
    const r = await api(lpoProcesstod, 'PUT', `/api/v1/consultation-answers/${id}/comments/${comment.id}/response`, {
      response: 'Infört i avsnitt 4.',
      version: comment.version,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().comments[0].response).toBe('Infört i avsnitt 4.');
    const added = await api(lpoProcesstod, 'POST', `/api/v1/consultation-answers/${id}/sections`, {
      heading: 'Synpunkter från kommunerna',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().sections).toHaveLength(6);
    version = added.json().version;
  });

  it('is prepared by the beredningsforum and decided by the kunskapsråd, no one else', async () => {
    const ready = await api(lpoProcesstod, 'POST', `/api/v1/consultation-answers/${id}/draft-ready`, { version });
    expect(ready.statusCode, ready.body).toBe(200);
    expect(ready.json().milestones.find((m: { kind: string }) => m.kind === 'draft-ready').met).toBe(true);
    version = ready.json().version;
    expect((await api(lpoProcesstod, 'POST', `/api/v1/consultation-answers/${id}/prepare`, { version })).statusCode).toBe(403);
    expect(
      (
        await api(lpoProcesstod, 'POST', `/api/v1/consultation-answers/${id}/decide`, {
          version,
          decisionRef: 'x',
          decidedOn: today,
        })
      ).statusCode,
    ).toBe(403);
    const early = await api(radChair, 'POST', `/api/v1/consultation-answers/${id}/decide`, {
      version,
      decisionRef: 'KR 2026-12-10 § 4',
      decidedOn: today,
    });
    expect(early.statusCode).toBe(422);
    expect(problem(early).body.detail).toContain('Utkast');
    const prepared = await api(beredningChair, 'POST', `/api/v1/consultation-answers/${id}/prepare`, {
      version,
      note: 'Berett 2026-11-26.',
    });
    expect(prepared.statusCode, prepared.body).toBe(200);
    expect(prepared.json().status).toBe('beredd');
    version = prepared.json().version;
    expect(
      (
        await api(beredningChair, 'POST', `/api/v1/consultation-answers/${id}/decide`, {
          version,
          decisionRef: 'x',
          decidedOn: today,
        })
      ).statusCode,
    ).toBe(403);
    const future = await api(radChair, 'POST', `/api/v1/consultation-answers/${id}/decide`, {
      version,
      decisionRef: 'KR',
      decidedOn: '2099-01-01',
    });
    expect(future.statusCode).toBe(422);
    const decided = await api(radChair, 'POST', `/api/v1/consultation-answers/${id}/decide`, {
      version,
      decisionRef: 'Kunskapsrådet 2026-11-26 § 7',
      decidedOn: today,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'beslutad', decisionRef: 'Kunskapsrådet 2026-11-26 § 7' });
    version = decided.json().version;
  });

  it('cannot be edited once decided, only superseded with a reason', async () => {
    const a = await refresh();
    const edit = await api(lpoProcesstod, 'PUT', `/api/v1/consultation-answers/${id}/sections/${a.sections[0].id}`, {
      body: 'ändrat',
      version: a.sections[0].version,
    });
    expect(edit.statusCode).toBe(422);
    expect(problem(edit).body.detail).toContain('ersättas');
    expect(
      (
        await api(lpoProcesstod, 'POST', `/api/v1/consultation-answers/${id}/comments`, {
          sectionId: a.sections[0].id,
          body: 'x',
        })
      ).statusCode,
    ).toBe(422);
    const sent = await api(samordnare, 'POST', `/api/v1/consultation-answers/${id}/send`, { version, sentOn: today });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().status).toBe('skickad');
    version = sent.json().version;
  });

  it('exports the answer as DOCX and PDF with letterhead, case number and decision, and the comments as XLSX', async () => {
    const a = await refresh();
    const docx = await api(lasare, 'GET', `/api/v1/consultation-answers/${id}/document.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.headers['content-disposition']).toContain('.docx');
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const text of [
      'Region Blekinge',
      a.caseNumber,
      'Kunskapsrådet 2026-11-26 § 7',
      'Sammanfattning',
      'med synpunkter på uppföljning och resurser',
      'REMISSVAR',
      'Kontaktperson',
      'För Region Blekinge',
    ]) {
      expect(xml).toContain(text);
    }
    expect(xml.split('Kunskapsrådet 2026-11-26 § 7').length - 1).toBe(1);
    expect(await zip.file('word/styles.xml')!.async('string')).toContain('sv-SE');
    const pdf = await api(lasare, 'GET', `/api/v1/consultation-answers/${id}/document.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1')).toContain('/Lang (sv-SE)');
    const xlsx = await api(lasare, 'GET', `/api/v1/consultation-answers/${id}/comments.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Kommentarer')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Avsnitt', 'Kommentar', 'Kommenterad av', 'Datum', 'Svar', 'Besvarad av']);
    expect(ws.getRow(2).getCell(1).value).toBe('Sammanfattning');
    expect(ws.getRow(2).getCell(2).value).toBe('Nämn kostnaden för uppföljningen.');
    expect(ws.getRow(2).getCell(5).value).toBe('Infört i avsnitt 4.');
    expect((await api(kalmar, 'GET', `/api/v1/consultation-answers/${id}/document.docx`)).statusCode).toBe(404);
  });

  it('is superseded by a new draft, audited, with the reason kept', async () => {
    const none = await api(radChair, 'POST', `/api/v1/consultation-answers/${id}/supersede`, { version, reason: '' });
    expect(none.statusCode).toBe(422);
    expect(
      (await api(lpoProcesstod, 'POST', `/api/v1/consultation-answers/${id}/supersede`, { version, reason: 'Fel siffror' }))
        .statusCode,
    ).toBe(403);
    const res = await api(radChair, 'POST', `/api/v1/consultation-answers/${id}/supersede`, {
      version,
      reason: 'Fel kostnadsuppgift i avsnitt 4.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const fresh = res.json();
    expect(fresh).toMatchObject({ status: 'utkast', supersedesAnswerId: id, caseNumber: expect.stringMatching(/^R10 /) });
    expect(fresh.sections[0].body).toContain('med synpunkter på uppföljning');
    const old = await api(samordnare, 'GET', `/api/v1/consultation-answers/${id}`);
    expect(old.json()).toMatchObject({ status: 'ersatt', supersededReason: 'Fel kostnadsuppgift i avsnitt 4.' });
    const again = await api(samordnare, 'POST', '/api/v1/consultation-answers', { roundId, region: '10' });
    expect(again.statusCode).toBe(409);
    const audit = await t.db.query<{ action: string }>(
      "SELECT action FROM audit_events WHERE entity_type = 'consultation-answer' AND entity_id = $1 ORDER BY id",
      [id],
    );
    expect(audit.map((e) => e.action)).toEqual([
      'register',
      'route',
      'transition', // the survey sent: the answer's move to "enkät pågår" is on the answer's trail too
      'transition',
      'draft-ready',
      'transition',
      'transition',
      'transition',
      'supersede',
    ]);
  });

  it('shows every region the state on the overview, and the region its board', async () => {
    const o = await api(roleless, 'GET', '/api/v1/consultation-overview');
    expect(o.statusCode).toBe(200);
    const round = o.json().rounds.find((r: { id: string }) => r.id === roundId);
    expect(round.regions).toEqual([{ region: '10', regionName: 'Region Blekinge', status: 'utkast' }]);
    const board = await api(lasare, 'GET', '/api/v1/consultation-board?region=10');
    expect(board.statusCode).toBe(200);
    expect(board.json().items.find((i: { round: { id: string } }) => i.round.id === roundId).answer.status).toBe('utkast');
    expect((await api(kalmar, 'GET', '/api/v1/consultation-board?region=10')).statusCode).toBe(404);
  });
});

describe('milestones and region settings', () => {
  it('keeps offsets in order, configurable by the coordinator only', async () => {
    const s = await api(lasare, 'GET', '/api/v1/consultation-settings/10');
    expect(s.json()).toMatchObject({
      surveyClosesDays: 12,
      draftReadyDays: 8,
      beredningDays: 5,
      decisionDays: 2,
      version: 0,
      mayEdit: false,
    });
    const body = {
      surveyClosesDays: 15,
      draftReadyDays: 10,
      beredningDays: 6,
      decisionDays: 3,
      beredningGroupId: beredning,
      decisionGroupId: rad,
      version: 0,
    };
    expect((await api(lasare, 'PUT', '/api/v1/consultation-settings/10', body)).statusCode).toBe(403);
    const bad = await api(samordnare, 'PUT', '/api/v1/consultation-settings/10', { ...body, draftReadyDays: 2 });
    expect(bad.statusCode).toBe(422);
    expect(problem(bad).body.errors?.map((e) => e.path)).toEqual(['draftReadyDays']);
    const ok = await api(samordnare, 'PUT', '/api/v1/consultation-settings/10', body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(1);
    expect((await api(samordnare, 'PUT', '/api/v1/consultation-settings/10', body)).statusCode).toBe(409);

    // A new answer uses the region's offsets and forums.
    const round = await buildConsultationRound(t.db, { title: 'Vårdriktlinje KOL' });
    const a = (await api(samordnare, 'POST', '/api/v1/consultation-answers', { roundId: round.id, region: '10' })).json();
    expect(a.milestones.find((m: { kind: string }) => m.kind === 'survey-closes').dueOn).toBe('2026-12-04');
    expect(a.decisionGroup.id).toBe(rad);
  });

  it('warns the owner and the coordinator once about a late milestone', async () => {
    const round = await buildConsultationRound(t.db, { title: 'Vårdförlopp sepsis' });
    const a = (await api(samordnare, 'POST', '/api/v1/consultation-answers', { roundId: round.id, region: '10' })).json();
    await api(samordnare, 'POST', `/api/v1/consultation-answers/${a.id}/routing`, {
      groupIds: [lsg],
      leadGroupId: lsg,
      version: a.version,
    });
    const lateDay = a.milestones.find((m: { kind: string }) => m.kind === 'survey-closes').dueOn;
    const dayAfter = new Date(Date.parse(`${lateDay}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
    expect(await warnLateMilestones(t.db, { today: lateDay })).toEqual({ warned: 0, emails: 0 });
    const first = await warnLateMilestones(t.db, { today: dayAfter });
    expect(first.warned).toBeGreaterThanOrEqual(1);
    const mails = await t.db.query<{ to_address: string; subject: string }>(
      "SELECT to_address, subject FROM outbound_emails WHERE subject LIKE 'Försenat: Enkäten stänger%' AND subject LIKE $1",
      [`%${a.caseNumber}%`],
    );
    const samordnareEmail = (
      await t.db.query<{ email: string }>('SELECT email FROM users WHERE id = $1', [samordnare.userId])
    )[0]!.email;
    expect(mails.map((m) => m.to_address)).toContain(samordnareEmail);
    // the LSG's chair through membership is the owner
    expect(mails.map((m) => m.to_address).some((e) => e.startsWith('ordf-lsg-'))).toBe(true);
    expect(await warnLateMilestones(t.db, { today: dayAfter })).toEqual({ warned: 0, emails: 0 });
  });
});

describe('concurrent registration', () => {
  it('registers a round once when five requests race: one 201, the others 409, one case number', async () => {
    const round = await buildConsultationRound(t.db, { title: 'Vårdprogram för kronisk njursvikt' });
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        api(samordnare, 'POST', '/api/v1/consultation-answers', { roundId: round.id, region: '10' }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    const cases = await t.db.query("SELECT 1 FROM cases WHERE subject = 'Remiss: Vårdprogram för kronisk njursvikt'");
    expect(cases).toHaveLength(1);
  });

  it('pages the list of answers with limit and cursor', async () => {
    const page1 = (await api(samordnare, 'GET', '/api/v1/consultation-answers?region=10&limit=1')).json();
    expect(page1.items).toHaveLength(1);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (
      await api(samordnare, 'GET', `/api/v1/consultation-answers?region=10&limit=1&cursor=${page1.nextCursor}`)
    ).json();
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
  });
});
