import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemo } from '../src/modules/demo/load-demo.js';
import { createMeeting } from '../src/modules/meetings/create-meeting.js';
import { setAdjusters } from '../src/modules/meetings/set-adjusters.js';
import { submitMinutes } from '../src/modules/meetings/submit-minutes.js';
import { createParagraph } from '../src/modules/meetings/write-paragraph.js';
import * as meetingsRepo from '../src/modules/meetings/repository.js';
import { submitJavDeclaration } from '../src/modules/people/submit-jav-declaration.js';
import { jobHandlers } from '../src/jobs.js';
import { systemCtx } from '../src/platform/context.js';
import { drainJobs } from '../src/platform/jobs/worker.js';
import { buildUser } from '../src/testing/builders.js';
import { useTestApp, type Session } from './helpers/app.js';
import { useClock } from './helpers/clock.js';

// A Monday: the demo's December council (Wednesday the 9th) falls in this week.
useClock('2026-12-07');
const t = useTestApp();
const ctx = systemCtx('t');
let coordinator: Session;
let registered: { id: string; caseNumber: string };
let pendingMeeting: string;

type Overview = Record<string, unknown> & {
  regions: { code: string; name: string }[];
  unreadNotifications: number;
  milestones: { answerId: string; roundTitle: string; label: string; dueOn: string; daysLeft: number }[] | null;
  triage: { id: string; caseNumber: string }[] | null;
  cases: { id: string; caseNumber: string }[] | null;
  justering: { meetingId: string; meetingDate: string }[] | null;
  declarations: { personName: string }[] | null;
  mandates: { personName: string; endDate: string; daysLeft: number }[] | null;
  claims: { personName: string; totalOre: number }[] | null;
  surveys: { title: string; recipients: number; responded: number; daysLeft: number }[] | null;
  meetings: { forumName: string; date: string; startTime: string }[] | null;
};
const overviewOf = async (as: Session) => {
  const res = await t.request({ method: 'GET', url: '/api/v1/me/overview', as });
  expect(res.statusCode).toBe(200);
  return res.json<Overview>();
};

beforeAll(async () => {
  await loadDemo(t.db, ctx);
  coordinator = await t.login('samordnare@demo.navet.example', DEMO_PASSWORD);
  // A case the coordinator registers herself: in the triage queue and among her cases.
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/cases',
    as: coordinator,
    payload: {
      region: '07',
      subject: 'Förfrågan om regional rutin för trycksår (test)',
      origin: 'local',
      sender: 'LPO Äldres hälsa och palliativ vård (demo)',
      receivedDate: '2026-12-04',
    },
  });
  expect(res.statusCode).toBe(201);
  registered = res.json();
  // Last week's extra council meeting: minutes sent for justering with the coordinator as adjuster.
  const [council] = await t.db.query<{ id: string }>(`SELECT id FROM groups WHERE name = 'Kunskapsrådet (demo)'`);
  const [astrid] = await t.db.query<{ id: string }>(`SELECT id FROM persons WHERE email = 'samordnare@demo.navet.example'`);
  const m = await createMeeting(t.db, ctx, council!.id, { date: '2026-12-02', startTime: '09:00', endTime: '10:00' });
  pendingMeeting = m.id;
  await createParagraph(t.db, ctx, m.id, { title: 'Information om länsgemensam rutin', decisionKind: 'information' });
  const version = async () => (await meetingsRepo.getMeeting(t.db, m.id))!.version;
  await setAdjusters(t.db, ctx, m.id, { personIds: [astrid!.id], version: await version() });
  await submitMinutes(t.db, ctx, m.id, { version: await version() });
  await drainJobs(t.db, jobHandlers(t.db, t.config));
});

describe('Min översikt (GET /api/v1/me/overview)', () => {
  it('shows a coordinator what needs her now and next, each section from its module, dated by the product clock', async () => {
    const o = await overviewOf(coordinator);
    expect(o).toMatchObject({ today: '2026-12-07', week: { from: '2026-12-07', to: '2026-12-13' }, reminderDays: 90 });
    // one region: she never picks it
    expect(o.regions).toEqual([{ code: '07', name: 'Region Kronoberg' }]);

    // remiss milestones, nearest first, with days left counted from the clock
    expect(o.milestones!.length).toBeGreaterThanOrEqual(2);
    expect(o.milestones![0]).toMatchObject({ label: 'Enkäten stänger', dueOn: '2027-02-11', daysLeft: 66 });
    expect(o.milestones!.map((m) => m.dueOn)).toEqual([...o.milestones!.map((m) => m.dueOn)].sort());

    // cases: the triage queue of her region (the demo's registered ones and hers), and her own
    expect(o.triage!.map((c) => c.caseNumber)).toContain(registered.caseNumber);
    expect(o.triage!.length).toBeGreaterThanOrEqual(4);
    expect(o.cases!.map((c) => c.id)).toEqual([registered.id]);

    // minutes waiting for her justering, and the notice of them unread in the header
    expect(o.justering).toEqual([{ meetingId: pendingMeeting, forumName: 'Kunskapsrådet (demo)', meetingDate: '2026-12-02' }]);
    expect(o.unreadNotifications).toBeGreaterThanOrEqual(1);

    // she reviews no declarations (no jäv-granskare role): the section is not hers
    expect(o.declarations).toBeNull();

    // seats ending within the reminder window (90 days), soonest first
    expect(o.mandates!.map((m) => [m.personName, m.endDate, m.daysLeft])).toEqual([
      ['Petra Passerad (demo)', '2026-12-31', 24],
      ['Olof Omvärld (demo)', '2027-01-31', 55],
    ]);

    // the demo's one submitted claim, which she may approve
    expect(o.claims).toEqual([expect.objectContaining({ personName: 'Lena Levande (demo)', totalOre: 56250 })]);

    // the open gap-analysis survey with its answer count
    expect(o.surveys).toEqual([expect.objectContaining({ recipients: 3, responded: 2, closesOn: '2027-02-11', daysLeft: 66 })]);

    // this week's meetings: the council on Wednesday; last week's meeting is not in it
    expect(o.meetings).toEqual([
      expect.objectContaining({ forumName: 'Kunskapsrådet (demo)', date: '2026-12-09', startTime: '13:00' }),
    ]);
  });

  it('shows a declaration reviewer the submitted declarations, never their own', async () => {
    const [karin] = await t.db.query<{ id: string }>(`SELECT id FROM persons WHERE name = 'Karin Konstruerad (demo)'`);
    await submitJavDeclaration(t.db, ctx, karin!.id, { nothingToDeclare: true, interests: [] });
    const reviewer = await t.login(
      (await buildUser(t.db, { roles: [{ role: 'jav-granskare', scopeType: 'region', scopeId: '07' }] })).email,
    );
    const o = await overviewOf(reviewer);
    expect(o.declarations!.map((d) => d.personName)).toContain('Karin Konstruerad (demo)');
    // a reviewer neither triages nor approves claims: those sections are not theirs
    expect(o).toMatchObject({ triage: null, claims: null, mandates: null });
  });

  it('shows a person without roles none of the others’ work, and nobody signed out anything', async () => {
    const nobody = await t.newUser([]);
    const o = await overviewOf(nobody);
    expect(o).toMatchObject({
      regions: [],
      triage: null,
      cases: null,
      milestones: null,
      surveys: null,
      declarations: null,
      mandates: null,
      claims: null,
      justering: null,
      meetings: null,
    });
    expect(JSON.stringify(o)).not.toContain(registered.id);
    const reader = await t.newUser([{ role: 'lasare', scopeType: 'region', scopeId: '01' }]);
    const r = await overviewOf(reader);
    expect(r.regions).toEqual([{ code: '01', name: 'Region Stockholm' }]);
    expect(r.triage).toBeNull();
    expect(r.cases).toEqual([]);
    expect(JSON.stringify(r)).not.toContain(registered.id);
    expect((await t.request({ method: 'GET', url: '/api/v1/me/overview' })).statusCode).toBe(401);
  });
});
