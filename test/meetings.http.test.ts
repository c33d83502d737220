import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { transitionCase } from '../src/modules/cases/transition-case.js';
import { systemCtx } from '../src/platform/context.js';
import { jobHandlers } from '../src/jobs.js';
import { drainJobs } from '../src/platform/jobs/worker.js';
import { buildCase, buildForumMember, buildGroup, buildLpo, buildPerson, buildUser } from '../src/testing/builders.js';
import { problem, useTestApp, type Session } from './helpers/app.js';
import { useClock } from './helpers/clock.js';

const t = useTestApp();

const PA = 'hjart-och-karlsjukdomar';
let forumId: string;
let secretary: Session;
let member: Session;
let adjusterA: Session;
let adjusterB: Session;
let outsider: Session;
let otherRegion: Session;
let regionCoordinator: Session;
const p: Record<string, string> = {};

async function preparedCase(subject: string) {
  const c = await buildCase(t.db, { region: '10', subject });
  await t.db.transaction((tx) => transitionCase(tx, systemCtx(), c.id, 'under-beredning'));
  return c;
}

async function login(personEmail: string) {
  await buildUser(t.db, { email: personEmail });
  return t.login(personEmail);
}

const drain = () => drainJobs(t.db, jobHandlers(t.db, t.config));
const get = (url: string, as?: Session) => t.request({ method: 'GET', url, ...(as ? { as } : {}) });
const post = (url: string, payload: Record<string, unknown>, as: Session) => t.request({ method: 'POST', url, payload, as });
const meeting = async (id: string, as: Session = secretary) => (await get(`/api/v1/meetings/${id}`, as)).json();
const auditCount = async (action: string, entityId?: string) =>
  (
    await t.db.query<{ n: number }>(
      `SELECT count(*) AS n FROM audit_events WHERE action = $1 AND ($2::text IS NULL OR entity_id = $2)`,
      [action, entityId ?? null],
    )
  )[0]!.n;

beforeAll(async () => {
  forumId = (await buildGroup(t.db, { kind: 'council', level: 'region', owner: '10', name: 'Kunskapsrådet' })).id;
  const make = async (
    key: string,
    role: string,
    extra: Parameters<typeof buildForumMember>[1] extends infer O ? Partial<O> : never = {},
  ) => {
    const person = await buildForumMember(t.db, { groupId: forumId, role, name: key, ...extra });
    p[key] = person.id;
    return person;
  };
  const sek = await make('Sara Sekreterare', 'sekreterare');
  const led = await make('Leo Ledamot', 'ledamot', {
    restrictions: [{ programAreaId: PA, note: 'Konsultuppdrag åt läkemedelsföretag' }],
  });
  const ja = await make('Ada Justerare', 'ordforande');
  const jb = await make('Bo Justerare', 'ledamot');
  await make('Adam Adjungerad', 'adjungerad');
  secretary = await login(sek.email!);
  member = await login(led.email!);
  adjusterA = await login(ja.email!);
  adjusterB = await login(jb.email!);
  outsider = await t.newUser();
  otherRegion = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '08' }]);
  regionCoordinator = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
});

describe('forum cadence and meeting dates', () => {
  it('proposes 2027 from the default rule and creates the meetings once, each with the follow-up report', async () => {
    const settings = (await get(`/api/v1/forums/${forumId}/meeting-settings`, member)).json();
    expect(settings).toMatchObject({ minWeeks: 4, maxWeeks: 6, weekday: 3, standingItems: ['Uppföljningsrapport'], version: 0 });
    const proposal = (await get(`/api/v1/forums/${forumId}/meeting-proposal?year=2027`, member)).json();
    expect(proposal.dates.map((d: { date: string }) => d.date).slice(0, 3)).toEqual(['2027-01-13', '2027-02-17', '2027-03-24']);
    const made = await post(`/api/v1/forums/${forumId}/meetings/from-proposal`, { year: 2027 }, secretary);
    expect(made.statusCode).toBe(201);
    expect(made.json().items).toHaveLength(11);
    const again = await post(`/api/v1/forums/${forumId}/meetings/from-proposal`, { year: 2027 }, secretary);
    expect(again.json().items).toHaveLength(0);
    const first = await meeting(made.json().items[0].id);
    expect(first.agenda.map((a: { title: string; kind: string }) => [a.kind, a.title])).toEqual([
      ['standing', 'Uppföljningsrapport'],
    ]);
  });

  it('saves a forum-specific rule with a version, and refuses a stale or broken one', async () => {
    const body = {
      minWeeks: 4,
      maxWeeks: 6,
      weekday: 2,
      startTime: '09:00',
      endTime: '12:00',
      defaultPlace: 'Regionhuset, Karlskrona',
      blackouts: [{ from: '06-20', to: '08-15' }],
      standingItems: ['Uppföljningsrapport', 'Information från sjukvårdsregionen'],
      version: 0,
    };
    const saved = await t.request({
      method: 'PUT',
      url: `/api/v1/forums/${forumId}/meeting-settings`,
      payload: body,
      as: secretary,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(1);
    expect(
      problem(await t.request({ method: 'PUT', url: `/api/v1/forums/${forumId}/meeting-settings`, payload: body, as: secretary }))
        .status,
    ).toBe(409);
    const broken = await t.request({
      method: 'PUT',
      url: `/api/v1/forums/${forumId}/meeting-settings`,
      payload: { ...body, minWeeks: 7, version: 1 },
      as: secretary,
    });
    expect(problem(broken).status).toBe(422);
    expect(problem(broken).body.errors?.[0]?.path).toBe('maxWeeks');
    const denied = await t.request({
      method: 'PUT',
      url: `/api/v1/forums/${forumId}/meeting-settings`,
      payload: { ...body, version: 1 },
      as: member,
    });
    expect(denied.statusCode).toBe(403);
    const proposal = (await get(`/api/v1/forums/${forumId}/meeting-proposal?year=2028`, member)).json();
    expect(
      proposal.dates.every(
        (d: { date: string }) =>
          new Date(`${d.date}T00:00:00Z`).getUTCDay() === 2 && (d.date.slice(5) < '06-20' || d.date.slice(5) > '08-15'),
      ),
    ).toBe(true);
    expect(proposal.dates[0].startTime).toBe('09:00');
  });

  it('lets members read, the region’s coordinator manage, and keeps others out', async () => {
    expect((await get(`/api/v1/forums/${forumId}/meetings?year=2027`, member)).json().permissions.manage).toBe(false);
    expect((await get(`/api/v1/forums/${forumId}/meetings?year=2027`, secretary)).json().permissions.manage).toBe(true);
    expect((await get(`/api/v1/forums/${forumId}/meetings?year=2027`, regionCoordinator)).json().permissions.manage).toBe(true);
    expect((await get(`/api/v1/forums/${forumId}/meetings`, outsider)).statusCode).toBe(404);
    expect((await get(`/api/v1/forums/${forumId}/meetings`, otherRegion)).statusCode).toBe(404);
    expect((await get(`/api/v1/forums/${forumId}/meetings`)).statusCode).toBe(401);
    expect((await post(`/api/v1/forums/${forumId}/meetings`, { date: '2027-05-05' }, member)).statusCode).toBe(403);
    const forums = (await get('/api/v1/forums', member)).json().items;
    expect(forums.map((f: { id: string }) => f.id)).toContain(forumId);
    expect((await get('/api/v1/forums', outsider)).json().items.map((f: { id: string }) => f.id)).not.toContain(forumId);
  });
});

describe('a meeting from notice to approved minutes', () => {
  // The minutes are written on the meeting's day (no § and no justering before it).
  useClock('2027-02-03');
  let meetingId: string;
  let caseA: { id: string; caseNumber: string };
  let caseB: { id: string; caseNumber: string };

  it('builds the agenda from prepared cases and refuses unprepared or foreign ones', async () => {
    const m = await post(
      `/api/v1/forums/${forumId}/meetings`,
      { date: '2027-02-03', startTime: '13:00', endTime: '15:00', place: 'Sal 1' },
      secretary,
    );
    expect(m.statusCode).toBe(201);
    meetingId = m.json().id;
    const a = await preparedCase('Nationellt vårdförlopp hjärtsvikt – införande');
    const b = await preparedCase('Läkemedelsgenomgångar i primärvården');
    caseA = { id: a.id, caseNumber: a.caseNumber };
    caseB = { id: b.id, caseNumber: b.caseNumber };
    expect((await post(`/api/v1/meetings/${meetingId}/agenda`, { caseId: a.id }, secretary)).statusCode).toBe(201);
    expect((await post(`/api/v1/meetings/${meetingId}/agenda`, { caseId: b.id }, secretary)).statusCode).toBe(201);
    const status = async (id: string) =>
      (await t.db.query<{ status: string }>('SELECT status FROM cases WHERE id = $1', [id]))[0]!.status;
    expect(await status(a.id)).toBe('for-beslut');
    expect(problem(await post(`/api/v1/meetings/${meetingId}/agenda`, { caseId: a.id }, secretary)).status).toBe(409);
    const registered = await buildCase(t.db, { region: '10' });
    expect(problem(await post(`/api/v1/meetings/${meetingId}/agenda`, { caseId: registered.id }, secretary)).status).toBe(422);
    // Another region's case is not one the forum's page reaches: 404, as for its GET.
    const foreign = await buildCase(t.db, { region: '08' });
    expect(problem(await post(`/api/v1/meetings/${meetingId}/agenda`, { caseId: foreign.id }, secretary)).status).toBe(404);
    expect((await post(`/api/v1/meetings/${meetingId}/agenda`, { title: 'Övrigt' }, member)).statusCode).toBe(403);
    const detail = await meeting(meetingId);
    expect(detail.agenda.map((x: { title: string }) => x.title)).toEqual([
      'Uppföljningsrapport',
      'Information från sjukvårdsregionen',
      'Nationellt vårdförlopp hjärtsvikt – införande',
      'Läkemedelsgenomgångar i primärvården',
    ]);
    // Reorder: the cases first.
    const ids = detail.agenda.map((x: { id: string }) => x.id);
    const order = [ids[2], ids[3], ids[0], ids[1]];
    expect(
      (
        await t.request({
          method: 'PUT',
          url: `/api/v1/meetings/${meetingId}/agenda/order`,
          payload: { itemIds: order, version: 1 },
          as: secretary,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await t.request({
          method: 'PUT',
          url: `/api/v1/meetings/${meetingId}/agenda/order`,
          payload: { itemIds: order.slice(1), version: detail.meeting.version },
          as: secretary,
        })
      ).statusCode,
    ).toBe(422);
    expect(
      (
        await t.request({
          method: 'PUT',
          url: `/api/v1/meetings/${meetingId}/agenda/order`,
          payload: { itemIds: order, version: detail.meeting.version },
          as: secretary,
        })
      ).statusCode,
    ).toBe(204);
    expect((await meeting(meetingId)).agenda.map((x: { id: string }) => x.id)).toEqual(order);
  });

  it('sends the notice to members and adjungerade, in the app and by e-mail, through the worker', async () => {
    const before = await meeting(meetingId);
    const res = await post(`/api/v1/meetings/${meetingId}/notice`, { version: before.meeting.version }, secretary);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('kallat');
    const detail = await meeting(meetingId);
    expect(detail.attendance).toHaveLength(5);
    expect(detail.attendance.find((a: { personId: string }) => a.personId === p['Adam Adjungerad'])).toMatchObject({
      role: 'adjungerad',
      status: 'kallad',
    });
    expect((await get('/api/v1/notifications', member)).json().items).toEqual([]); // not before the worker ran
    await drain();
    await drain(); // a rerun delivers nothing twice
    const mine = (await get('/api/v1/notifications', member)).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ kind: 'meeting.notice', link: `/moten/moten/${meetingId}` });
    expect(mine.items[0].body).toContain('Nationellt vårdförlopp hjärtsvikt');
    const mails = await t.db.query<{ to_address: string; subject: string }>(
      `SELECT to_address, subject FROM outbound_emails WHERE subject LIKE 'Kallelse:%'`,
    );
    expect(mails).toHaveLength(5);
    expect(mails[0]!.subject).toBe('Kallelse: Kunskapsrådet 3 februari 2027');
  });

  it('tells those called when the agenda changes after the notice', async () => {
    expect((await post(`/api/v1/meetings/${meetingId}/agenda`, { title: 'Övriga frågor' }, secretary)).statusCode).toBe(201);
    await drain();
    const kinds = (await get('/api/v1/notifications', member)).json().items.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(['meeting.agenda-changed', 'meeting.notice']);
  });

  it('records attendance, with someone called in as adjungerad', async () => {
    const guest = await buildForumMember(t.db, {
      groupId: (await buildGroup(t.db, { kind: 'working-group', level: 'region', owner: '10' })).id,
      role: 'ledamot',
    });
    p.guest = guest.id;
    // The secretary (a member, no role of the policy table) names only those the meeting page
    // shows: someone else is 404, nothing is written and their name is not echoed.
    const before = await auditCount('attendance', meetingId);
    const hidden = await t.request({
      method: 'PUT',
      url: `/api/v1/meetings/${meetingId}/attendance`,
      payload: { entries: [{ personId: guest.id, status: 'kallad', role: 'adjungerad' }] },
      as: secretary,
    });
    expect(problem(hidden).status).toBe(404);
    expect(hidden.body).not.toContain(guest.name);
    expect(await auditCount('attendance', meetingId)).toBe(before);
    // The region's samordnare, who sees the region's register, calls the guest in; from then on
    // the guest is on the meeting's list and the secretary records them like the members.
    const called = await t.request({
      method: 'PUT',
      url: `/api/v1/meetings/${meetingId}/attendance`,
      payload: { entries: [{ personId: guest.id, status: 'kallad', role: 'adjungerad' }] },
      as: regionCoordinator,
    });
    expect(called.statusCode, called.body).toBe(200);
    const entries = [
      { personId: p['Sara Sekreterare'], status: 'narvarande' },
      { personId: p['Leo Ledamot'], status: 'narvarande' },
      { personId: p['Ada Justerare'], status: 'narvarande' },
      { personId: p['Bo Justerare'], status: 'narvarande' },
      { personId: p['Adam Adjungerad'], status: 'franvarande' },
      { personId: guest.id, status: 'narvarande', role: 'adjungerad' },
    ];
    const res = await t.request({
      method: 'PUT',
      url: `/api/v1/meetings/${meetingId}/attendance`,
      payload: { entries },
      as: secretary,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.find((a: { personId: string }) => a.personId === guest.id)).toMatchObject({
      role: 'adjungerad',
      status: 'narvarande',
    });
    const bad = await t.request({
      method: 'PUT',
      url: `/api/v1/meetings/${meetingId}/attendance`,
      payload: { entries: [{ personId: '00000000-0000-4000-8000-000000000000', status: 'narvarande' }] },
      as: secretary,
    });
    expect(problem(bad).status).toBe(404);
    expect(
      (await t.request({ method: 'PUT', url: `/api/v1/meetings/${meetingId}/attendance`, payload: { entries }, as: member }))
        .statusCode,
    ).toBe(403);
  });

  let par1: string;
  let par2: string;

  it('numbers paragraphs per forum and year and proposes jäv from the restrictions', async () => {
    const detail = await meeting(meetingId);
    const itemA = detail.agenda.find((a: { caseId: string | null }) => a.caseId === caseA.id);
    const r1 = await post(
      `/api/v1/meetings/${meetingId}/paragraphs`,
      {
        agendaItemId: itemA.id,
        decisionKind: 'beslut',
        decisionText: 'Kunskapsrådet beslutar att införa vårdförloppet. LPO Hjärta ansvarar för införandet.',
        programAreaIds: [PA],
      },
      secretary,
    );
    expect(r1.statusCode).toBe(201);
    par1 = r1.json().id;
    const r2 = await post(
      `/api/v1/meetings/${meetingId}/paragraphs`,
      { caseId: caseB.id, decisionKind: 'beslut', decisionText: 'Läkemedelsgenomgångarna ska följas upp i läkemedelskommittén.' },
      secretary,
    );
    par2 = r2.json().id;
    const paragraphs = (await meeting(meetingId)).paragraphs;
    expect(paragraphs.map((x: { number: number; reference: string }) => [x.number, x.reference])).toEqual([
      [1, 'Kunskapsrådet 2027-02-03 § 1'],
      [2, 'Kunskapsrådet 2027-02-03 § 2'],
    ]);
    expect(paragraphs[0].participation).toEqual([
      {
        personId: p['Leo Ledamot'],
        name: 'Leo Ledamot',
        takesPart: false,
        restriction: 'Konsultuppdrag åt läkemedelsföretag',
        overrideReason: null,
      },
    ]);
    expect(paragraphs[1].participation).toEqual([]);
  });

  it('keeps numbering gapless under concurrent writing, and only the latest paragraph can be removed', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        post(`/api/v1/meetings/${meetingId}/paragraphs`, { title: `Information ${i}`, decisionKind: 'information' }, secretary),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const numbers = (await meeting(meetingId)).paragraphs.map((x: { number: number }) => x.number);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const byNumber = (n: number) =>
      (async () => (await meeting(meetingId)).paragraphs.find((x: { number: number }) => x.number === n).id)();
    expect(
      problem(await t.request({ method: 'DELETE', url: `/api/v1/paragraphs/${await byNumber(4)}`, as: secretary })).status,
    ).toBe(409);
    for (const n of [7, 6, 5, 4, 3])
      expect(
        (await t.request({ method: 'DELETE', url: `/api/v1/paragraphs/${await byNumber(n)}`, as: secretary })).statusCode,
      ).toBe(204);
    const again = await post(
      `/api/v1/meetings/${meetingId}/paragraphs`,
      { title: 'Uppföljningsrapporten', decisionKind: 'information' },
      secretary,
    );
    expect(again.statusCode).toBe(201);
    expect((await meeting(meetingId)).paragraphs.map((x: { number: number }) => x.number)).toEqual([1, 2, 3]);
  });

  it('needs an audited reason to record a restricted person as taking part', async () => {
    const url = `/api/v1/paragraphs/${par1}/participation/${p['Leo Ledamot']}`;
    const refused = await t.request({ method: 'PUT', url, payload: { takesPart: true }, as: secretary });
    expect(problem(refused).status).toBe(422);
    expect(problem(refused).body.errors?.[0]?.path).toBe('overrideReason');
    expect(
      (await t.request({ method: 'PUT', url, payload: { takesPart: true, overrideReason: 'x' }, as: member })).statusCode,
    ).toBe(403);
    const ok = await t.request({
      method: 'PUT',
      url,
      payload: { takesPart: true, overrideReason: 'Uppdraget avslutat 2026; ordföranden bedömer att jäv inte föreligger.' },
      as: secretary,
    });
    expect(ok.statusCode).toBe(204);
    expect(await auditCount('jav-override', par1)).toBe(1);
    // And back: Leo does not take part after all.
    expect((await t.request({ method: 'PUT', url, payload: { takesPart: false }, as: secretary })).statusCode).toBe(204);
    const part = (await meeting(meetingId)).paragraphs[0].participation[0];
    expect(part).toMatchObject({ takesPart: false, restriction: 'Konsultuppdrag åt läkemedelsföretag' });
  });

  it('writes action items that need an owner and a case', async () => {
    expect(
      (
        await post(
          `/api/v1/paragraphs/${par1}/actions`,
          { title: 'Ta fram införandeplan', ownerPersonId: p['Ada Justerare'], dueDate: '2027-04-30' },
          secretary,
        )
      ).statusCode,
    ).toBe(201);
    expect(
      problem(await post(`/api/v1/paragraphs/${par1}/actions`, { title: 'Utan ansvarig' }, secretary)).body.errors?.[0]?.path,
    ).toBe('ownerPersonId');
    const info = (await meeting(meetingId)).paragraphs.find((x: { number: number }) => x.number === 3).id;
    expect(problem(await post(`/api/v1/paragraphs/${info}/actions`, { title: 'X', ownerName: 'Någon' }, secretary)).status).toBe(
      422,
    );
  });

  it('sends the minutes to the named adjusters; only they approve; simultaneous approvals lock exactly once', async () => {
    let detail = await meeting(meetingId);
    expect(
      problem(await post(`/api/v1/meetings/${meetingId}/minutes/submit`, { version: detail.meeting.version }, secretary)).body
        .errors?.[0]?.path,
    ).toBe('adjusters');
    const set = await t.request({
      method: 'PUT',
      url: `/api/v1/meetings/${meetingId}/adjusters`,
      payload: { personIds: [p['Ada Justerare'], p['Bo Justerare']], version: detail.meeting.version },
      as: secretary,
    });
    expect(set.statusCode).toBe(204);
    expect((await post(`/api/v1/meetings/${meetingId}/minutes/approve`, {}, adjusterA)).statusCode).toBe(409); // not sent yet
    detail = await meeting(meetingId);
    const sent = await post(`/api/v1/meetings/${meetingId}/minutes/submit`, { version: detail.meeting.version }, secretary);
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ minutesStatus: 'for-justering', status: 'genomfort' });
    await drain();
    expect((await get('/api/v1/notifications?unread=true', adjusterB)).json().items[0].kind).toBe('minutes.ready-for-approval');
    // The draft is now closed for edits.
    expect(problem(await post(`/api/v1/meetings/${meetingId}/paragraphs`, { title: 'Sent' }, secretary)).status).toBe(409);
    // Not an adjuster: a member (403), an outsider (404).
    expect((await post(`/api/v1/meetings/${meetingId}/minutes/approve`, {}, member)).statusCode).toBe(403);
    expect((await post(`/api/v1/meetings/${meetingId}/minutes/approve`, {}, outsider)).statusCode).toBe(404);
    // Adjuster A approves four times at once: one approval, the others 409.
    const a = await Promise.all(
      Array.from({ length: 4 }, () => post(`/api/v1/meetings/${meetingId}/minutes/approve`, {}, adjusterA)),
    );
    expect(a.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
    expect(a.every((r) => r.statusCode !== 200 || !r.json().locked)).toBe(true);
    // Adjuster B, four at once: exactly one succeeds, and it locks.
    const b = await Promise.all(
      Array.from({ length: 4 }, () => post(`/api/v1/meetings/${meetingId}/minutes/approve`, {}, adjusterB)),
    );
    expect(b.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
    expect(b.filter((r) => r.statusCode === 200 && r.json().locked)).toHaveLength(1);
    expect(await auditCount('lock-minutes', meetingId)).toBe(1);
    detail = await meeting(meetingId);
    expect(detail.meeting.minutesStatus).toBe('justerat');
  });

  it('makes the decisions final: cases decided with the paragraph as reference, action items on the case', async () => {
    const [a] = await t.db.query<{ status: string; decision_ref: string }>(
      'SELECT status, decision_ref FROM cases WHERE id = $1',
      [caseA.id],
    );
    expect(a).toEqual({ status: 'beslutad', decision_ref: 'Kunskapsrådet 2027-02-03 § 1' });
    const actions = await t.db.query<{ title: string; due_date: string; source_paragraph_id: string }>(
      'SELECT title, due_date, source_paragraph_id FROM case_actions WHERE case_id = $1',
      [caseA.id],
    );
    expect(actions).toEqual([{ title: 'Ta fram införandeplan', due_date: '2027-04-30', source_paragraph_id: par1 }]);
    expect((await t.db.query<{ status: string }>('SELECT status FROM cases WHERE id = $1', [caseB.id]))[0]!.status).toBe(
      'beslutad',
    );
  });

  it('never changes approved minutes', async () => {
    const detail = await meeting(meetingId);
    const par = detail.paragraphs[0];
    expect(
      problem(
        await t.request({
          method: 'PATCH',
          url: `/api/v1/paragraphs/${par1}`,
          payload: { decisionText: 'Ändrat', version: par.version },
          as: secretary,
        }),
      ).status,
    ).toBe(409);
    expect(
      problem(await t.request({ method: 'DELETE', url: `/api/v1/paragraphs/${detail.paragraphs[2].id}`, as: secretary })).status,
    ).toBe(409);
    expect(
      problem(await post(`/api/v1/meetings/${meetingId}/minutes/reopen`, { version: detail.meeting.version }, secretary)).status,
    ).toBe(409);
    expect(
      (
        await t.request({
          method: 'PUT',
          url: `/api/v1/paragraphs/${par1}/participation/${p['Leo Ledamot']}`,
          payload: { takesPart: false },
          as: secretary,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('finds decisions in the log with Swedish full-text, folded prefixes and the case number', async () => {
    const search = async (q: string, as: Session = member) =>
      (await get(`/api/v1/decisions?q=${encodeURIComponent(q)}`, as)).json().items.map((d: { reference: string }) => d.reference);
    expect(await search('vårdförloppen')).toEqual(['Kunskapsrådet 2027-02-03 § 1']); // stemmed: vårdförloppet/-en
    expect(await search('lakemedelsgenomgang')).toEqual(['Kunskapsrådet 2027-02-03 § 2']); // folded substring
    expect(await search(caseA.caseNumber)).toEqual(['Kunskapsrådet 2027-02-03 § 1']);
    expect((await get('/api/v1/decisions', member)).json().items).toHaveLength(3);
    expect((await get('/api/v1/decisions', outsider)).json().items).toEqual([]);
    expect((await get('/api/v1/decisions', otherRegion)).json().items).toEqual([]);
  });

  it('exports the minutes and an extract as PDF and DOCX that read back', async () => {
    const docx = await get(`/api/v1/meetings/${meetingId}/minutes?format=docx`, member);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.headers['content-disposition']).toContain('protokoll-Kunskapsr');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('§ 1 Nationellt vårdförlopp hjärtsvikt – införande');
    expect(xml).toContain('På grund av jäv deltog inte i beslutet: Leo Ledamot');
    expect(xml).toContain('Åtgärd: Ta fram införandeplan – ansvarig Ada Justerare, klart senast 2027-04-30');
    // The organisation's letterhead, attendance under Swedish role labels, the justering with its signatures.
    for (const s of ['Region Blekinge', 'PROTOKOLL', 'Närvaro', 'Justering', 'Sekreterare (vid protokollet)', 'NUMPAGES'])
      expect(xml + (await (await JSZip.loadAsync(docx.rawPayload)).file('word/footer1.xml')?.async('string'))).toContain(s);
    expect(xml).not.toMatch(/>(ordforande|vice-ordforande|ersattare)</);
    const pdf = await get(`/api/v1/paragraphs/${par2}/extract?format=pdf`, member);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Protokollsutdrag');
    expect(text).toContain('Läkemedelsgenomgångarna ska följas upp i läkemedelskommittén.');
    expect(text).toContain('Utdraget överensstämmer med protokollet Kunskapsrådet 2027-02-03 § 2.');
    expect(text).not.toContain('hjärtsvikt');
    expect(text).toContain('Rätt utdraget intygar');
    expect(text).toContain('Sida 1 av 1');
    const extractDocx = await get(`/api/v1/paragraphs/${par2}/extract?format=docx`, member);
    const xml2 = await (await JSZip.loadAsync(extractDocx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml2).toContain('Protokollsutdrag – Kunskapsrådet 2027-02-03 § 2');
    expect((await get(`/api/v1/paragraphs/${par2}/extract?format=pdf`, outsider)).statusCode).toBe(404);
  });
});

describe('a later meeting of the same forum', () => {
  useClock('2027-03-10');
  it('proposes jäv from the case’s group, continues the year’s numbering, and lets an outside adjuster approve', async () => {
    const m = (await post(`/api/v1/forums/${forumId}/meetings`, { date: '2027-03-10' }, secretary)).json();
    const c = await preparedCase('Uppföljning av hjärtsviktsvården');
    const lpo = await buildLpo(t.db, { region: '10', programAreaId: PA });
    await t.db.query('UPDATE cases SET assigned_group_id = $2 WHERE id = $1', [c.id, lpo.id]);
    const itemId = (await post(`/api/v1/meetings/${m.id}/agenda`, { caseId: c.id }, secretary)).json().id;
    expect(
      (
        await post(
          `/api/v1/meetings/${m.id}/paragraphs`,
          { agendaItemId: itemId, decisionText: 'Återremitteras för komplettering.', decisionKind: 'aterremitterad' },
          secretary,
        )
      ).statusCode,
    ).toBe(201);
    let detail = await meeting(m.id);
    expect(detail.paragraphs[0]).toMatchObject({ number: 4, reference: 'Kunskapsrådet 2027-03-10 § 4', programAreaIds: [PA] });
    expect(detail.paragraphs[0].participation.map((x: { name: string; takesPart: boolean }) => [x.name, x.takesPart])).toEqual([
      ['Leo Ledamot', false],
    ]);
    // An adjuster from outside the forum (no role, not a member) reads and approves this meeting only.
    const outsiderPerson = await buildPerson(t.db, { homeOwner: '10' });
    const outsiderAdjuster = await login(outsiderPerson.email!);
    expect((await get(`/api/v1/meetings/${m.id}`, outsiderAdjuster)).statusCode).toBe(404);
    // The secretary cannot name someone the meeting page does not show; the region's samordnare can.
    const named = { personIds: [outsiderPerson.id], version: detail.meeting.version };
    const asSecretary = await t.request({
      method: 'PUT',
      url: `/api/v1/meetings/${m.id}/adjusters`,
      payload: named,
      as: secretary,
    });
    expect(problem(asSecretary).status).toBe(404);
    const asCoordinator = await t.request({
      method: 'PUT',
      url: `/api/v1/meetings/${m.id}/adjusters`,
      payload: named,
      as: regionCoordinator,
    });
    expect(asCoordinator.statusCode, asCoordinator.body).toBe(204);
    detail = await meeting(m.id);
    expect(
      (await post(`/api/v1/meetings/${m.id}/minutes/submit`, { version: detail.meeting.version }, secretary)).statusCode,
    ).toBe(200);
    expect((await get(`/api/v1/meetings/${m.id}`, outsiderAdjuster)).json().permissions).toMatchObject({
      manage: false,
      approve: true,
    });
    const approved = await post(`/api/v1/meetings/${m.id}/minutes/approve`, {}, outsiderAdjuster);
    expect(approved.json()).toMatchObject({ locked: true });
    const [row] = await t.db.query<{ status: string; decision_ref: string }>(
      'SELECT status, decision_ref FROM cases WHERE id = $1',
      [c.id],
    );
    expect(row).toEqual({ status: 'aterremitterad', decision_ref: 'Kunskapsrådet 2027-03-10 § 4' });
  });
});

/** The text shown by an uncompressed PDF's text operators (hex strings in WinAnsi/Latin-1). */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const block of raw.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    const parts = [...block[1]!.matchAll(/<([0-9a-fA-F]*)>|(-?\d+(?:\.\d+)?)/g)].map((m) =>
      m[1] !== undefined ? Buffer.from(m[1], 'hex').toString('latin1') : Number(m[2]) < -200 ? ' ' : '',
    );
    lines.push(parts.join(''));
  }
  return lines.join('\n');
}
