import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { remindObligations } from '../src/modules/planning/index.js';
import { buildDeclaredPerson } from '../src/testing/builders.js';
import { problem, useTestApp } from './helpers/app.js';
import { useClock } from './helpers/clock.js';

/**
 * Issue 21, plans and follow-up, rule by rule on the seeds' bodies (docs/seed-rules.md):
 * the RMPOs' årsrapport noted by their kunskapsråd (seed 001), the RMPOs' goals from the patient
 * promises (seed 001), and the recurring obligations of seeds 000 and 002.
 */
useClock('2026-07-15');
const t = useTestApp();
const groupByKey = async (key: string) =>
  (await t.db.query<{ id: string }>('SELECT id FROM groups WHERE reference_key = $1', [key]))[0]!.id;
const auditOf = async (id: string) =>
  (await t.db.query<{ action: string }>('SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id', [id])).map(
    (a) => a.action,
  );

describe('seed 001: the kunskapsråd follows the RMPOs’ work through their årsrapport', () => {
  it('RMPO Cancersjukdomar writes and submits its report for 2025; Kunskapsråd Kirurgi och cancer notes it', async () => {
    const rmpo = await groupByKey('sydostra:rmpo:cancersjukdomar');
    const council = await groupByKey('sydostra:kunskapsrad:kirurgi-och-cancer');
    const rmpoChair = await t.newUser([{ role: 'ordforande', scopeType: 'group', scopeId: rmpo }]);
    const councilChair = await t.newUser([{ role: 'ordforande', scopeType: 'group', scopeId: council }]);
    const blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
    const body = {
      groupId: rmpo,
      year: 2025,
      summary: 'Arbetet har följt RMPO:s uppdragsbeskrivning och sjukvårdsregionens patientlöften.',
      goalFulfilment: 'Behandling inom fyra veckor: 71 procent (målet 80).',
    };

    // Only the program area's own writers: another region's coordinator does not see the RMPO (404),
    // a reader of Sydöstra's work may not write (403).
    expect((await t.request({ method: 'POST', url: '/api/v1/annual-reports', as: blekinge, payload: body })).statusCode).toBe(
      404,
    );
    const reader = await t.newUser([{ role: 'lasare', scopeType: 'healthcare-region', scopeId: 'sydostra' }]);
    expect((await t.request({ method: 'POST', url: '/api/v1/annual-reports', as: reader, payload: body })).statusCode).toBe(403);
    // Not for a year that has not begun; not for a kunskapsråd.
    const future = problem(
      await t.request({ method: 'POST', url: '/api/v1/annual-reports', as: rmpoChair, payload: { ...body, year: 2027 } }),
    );
    expect(future.status).toBe(422);
    expect(future.body.errors?.[0]?.path).toBe('/year');
    const admin = await t.newAdmin();
    const notPa = problem(
      await t.request({ method: 'POST', url: '/api/v1/annual-reports', as: admin, payload: { ...body, groupId: council } }),
    );
    expect(notPa.status).toBe(422);

    const created = await t.request({ method: 'POST', url: '/api/v1/annual-reports', as: rmpoChair, payload: body });
    expect(created.statusCode, created.body).toBe(201);
    const r = created.json();
    expect(r).toMatchObject({
      state: 'draft',
      year: 2025,
      owner: 'sydostra',
      followedByGroupId: council,
      followedByGroupName: 'Kunskapsråd Kirurgi och cancer',
      allowedActions: ['submit'],
      mayEdit: true,
    });
    expect((await t.request({ method: 'POST', url: '/api/v1/annual-reports', as: rmpoChair, payload: body })).statusCode).toBe(
      409,
    );
    expect((await t.request({ method: 'GET', url: `/api/v1/annual-reports/${r.id}`, as: blekinge })).statusCode).toBe(404);

    // The kunskapsråd cannot note a draft; the program area cannot note its own report.
    const early = await t.request({
      method: 'POST',
      url: `/api/v1/annual-reports/${r.id}/transition`,
      as: councilChair,
      payload: { to: 'noted', on: '2026-03-10', decisionRef: 'KR 2026-03-10 § 4', version: 1 },
    });
    expect(problem(early).status).toBe(409);

    const edited = await t.request({
      method: 'PATCH',
      url: `/api/v1/annual-reports/${r.id}`,
      as: rmpoChair,
      payload: { improvementNeeds: 'Kortare ledtider till behandlingsstart.', version: 1 },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const submitted = await t.request({
      method: 'POST',
      url: `/api/v1/annual-reports/${r.id}/transition`,
      as: rmpoChair,
      payload: { to: 'submitted', on: '2026-02-15', version: 2 },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ state: 'submitted', submittedOn: '2026-02-15', locked: true, allowedActions: [] });
    // Locked: the text is what was submitted.
    expect(
      problem(
        await t.request({
          method: 'PATCH',
          url: `/api/v1/annual-reports/${r.id}`,
          as: rmpoChair,
          payload: { summary: 'x', version: 3 },
        }),
      ).status,
    ).toBe(409);
    const byChair = await t.request({
      method: 'POST',
      url: `/api/v1/annual-reports/${r.id}/transition`,
      as: rmpoChair,
      payload: { to: 'noted', on: '2026-03-10', decisionRef: 'KR § 4', version: 3 },
    });
    expect(byChair.statusCode).toBe(403);

    // The council sees the report among those of its RMPOs, with note offered.
    const list = (
      await t.request({ method: 'GET', url: `/api/v1/annual-reports?followedBy=${council}`, as: councilChair })
    ).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([r.id]);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/annual-reports/${r.id}`, as: councilChair })).json().allowedActions,
    ).toEqual(['note']);
    const noDecision = problem(
      await t.request({
        method: 'POST',
        url: `/api/v1/annual-reports/${r.id}/transition`,
        as: councilChair,
        payload: { to: 'noted', on: '2026-03-10', version: 3 },
      }),
    );
    expect(noDecision.status).toBe(422);
    expect(noDecision.body.errors?.[0]?.path).toBe('/decisionRef');
    const noted = await t.request({
      method: 'POST',
      url: `/api/v1/annual-reports/${r.id}/transition`,
      as: councilChair,
      payload: { to: 'noted', on: '2026-03-10', decisionRef: 'KR 2026-03-10 § 4', version: 3 },
    });
    expect(noted.statusCode, noted.body).toBe(200);
    expect(noted.json()).toMatchObject({
      state: 'noted',
      notedOn: '2026-03-10',
      notedByGroupId: council,
      notedRef: 'KR 2026-03-10 § 4',
    });
    expect(await auditOf(r.id)).toEqual(['create', 'update', 'submit', 'note']);
  });
});

describe('seed 001: patient promises → goals per RMPO', () => {
  it('Sydöstra’s promises and the cancer area’s six goals are reference data owned by RMPO Cancersjukdomar', async () => {
    const rmpo = await groupByKey('sydostra:rmpo:cancersjukdomar');
    const tree = (await t.request({ method: 'GET', url: '/api/v1/goals', as: await t.newAdmin() })).json<{
      items: {
        title: string;
        owner: string;
        groupId: string | null;
        children: { title: string; groupId: string | null; groupName: string | null }[];
      }[];
    }>().items;
    const sydostra = tree.filter((p) => p.owner === 'sydostra');
    expect(sydostra.map((p) => p.title)).toEqual(
      expect.arrayContaining([
        'Erbjudas vård som är lätt tillgänglig för kontakt, bedömning och besök',
        'Erbjudas kostnadseffektiv vård',
        'Patientnära forskning prioriteras',
      ]),
    );
    const cancer = sydostra.flatMap((p) => p.children).filter((g) => g.groupId === rmpo);
    expect(cancer.map((g) => g.title).sort()).toEqual(
      [
        'Behandling inom fyra veckor',
        'Best practice',
        'God palliativ vård oavsett bostadsort',
        'Hälsofrämjande insatser/screening',
        'Patientnära forskning',
        'Välinformerade och delaktiga',
      ].sort(),
    );
    expect(cancer[0]!.groupName).toBe('RMPO Cancersjukdomar');
  });

  it('a goal is owned by an RMPO of its own healthcare region; a promise is not', async () => {
    const sydostra = await t.newUser([{ role: 'samordnare', scopeType: 'healthcare-region', scopeId: 'sydostra' }]);
    const rmpo = await groupByKey('sydostra:rmpo:kvinnosjukdomar-och-forlossning');
    const [promise] = await t.db.query<{ id: string }>(
      `SELECT id FROM followup_goals WHERE reference_key = 'sydostra:lofte:delaktig'`,
    );
    const ok = await t.request({
      method: 'POST',
      url: '/api/v1/goals',
      as: sydostra,
      payload: { parentId: promise!.id, owner: 'sydostra', groupId: rmpo, title: 'Delaktighet i förlossningsvården' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ groupId: rmpo, groupName: 'RMPO Kvinnosjukdomar och förlossning', kind: 'goal' });

    const council = await groupByKey('sydostra:kunskapsrad:kirurgi-och-cancer');
    const notPa = problem(
      await t.request({
        method: 'POST',
        url: '/api/v1/goals',
        as: sydostra,
        payload: { parentId: promise!.id, owner: 'sydostra', groupId: council, title: 'Mål' },
      }),
    );
    expect(notPa.status).toBe(422);
    expect(notPa.body.errors?.[0]?.path).toBe('/groupId');
    const asPromise = problem(
      await t.request({
        method: 'POST',
        url: '/api/v1/goals',
        as: sydostra,
        payload: { owner: 'sydostra', groupId: rmpo, title: 'Löfte' },
      }),
    );
    expect(asPromise.status).toBe(422);
    const jonkoping = await groupByKey('06:lpo:akut-vard');
    const otherOwner = problem(
      await t.request({
        method: 'POST',
        url: '/api/v1/goals',
        as: sydostra,
        payload: { parentId: promise!.id, owner: 'sydostra', groupId: jonkoping, title: 'Mål' },
      }),
    );
    expect(otherOwner.status).toBe(422);
    const blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
    expect(
      (
        await t.request({
          method: 'POST',
          url: '/api/v1/goals',
          as: blekinge,
          payload: { parentId: promise!.id, owner: 'sydostra', groupId: rmpo, title: 'Mål' },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('seeds 000 and 002: recurring obligations twice a year, with reminders and a record', () => {
  it('Jönköping’s dialogue with sjukvårdens ledningsgrupp: the first half passed unrecorded is a gap until recorded', async () => {
    const lg = await groupByKey('06:ledningsgrupp:sjukvardens-ledningsgrupp');
    const samordnare = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '06' }]);
    const list = (await t.request({ method: 'GET', url: '/api/v1/obligations?owner=06', as: samordnare })).json();
    const o = list.items.find((i: { groupId: string }) => i.groupId === lg);
    expect(o).toMatchObject({ timesPerYear: 2, sourceId: 'seed-000', year: 2026, gaps: 1, mayRecord: true });
    expect(o.occurrences.map((c: { dueOn: string; status: string }) => [c.dueOn, c.status])).toEqual([
      ['2026-06-30', 'overdue'],
      ['2026-12-31', 'upcoming'],
    ]);

    // A meeting of another forum, or a date in the future, is refused; a reader from another region gets 404.
    const other = await groupByKey('06:ledningsgrupp:reko');
    const [otherMeeting] = await t.db.query<{ id: string }>(
      `INSERT INTO meetings (group_id, meeting_date, start_time, end_time) VALUES ($1, '2026-05-20', '09:00', '12:00') RETURNING id`,
      [other],
    );
    const wrong = problem(
      await t.request({
        method: 'POST',
        url: `/api/v1/obligations/${o.id}/occurrences`,
        as: samordnare,
        payload: { year: 2026, ordinal: 1, meetingId: otherMeeting!.id },
      }),
    );
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors?.[0]?.path).toBe('/meetingId');
    const future = problem(
      await t.request({
        method: 'POST',
        url: `/api/v1/obligations/${o.id}/occurrences`,
        as: samordnare,
        payload: { year: 2026, ordinal: 2, heldOn: '2026-10-01', note: 'Dialog' },
      }),
    );
    expect(future.status).toBe(422);
    const blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
    expect((await t.request({ method: 'GET', url: `/api/v1/obligations/${o.id}`, as: blekinge })).statusCode).toBe(404);
    const reader = await t.newUser([{ role: 'lasare', scopeType: 'region', scopeId: '06' }]);
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/obligations/${o.id}/occurrences`,
          as: reader,
          payload: { year: 2026, ordinal: 1, heldOn: '2026-05-20', note: 'Dialog' },
        })
      ).statusCode,
    ).toBe(403);

    const [meeting] = await t.db.query<{ id: string }>(
      `INSERT INTO meetings (group_id, meeting_date, start_time, end_time, status) VALUES ($1, '2026-05-20', '09:00', '12:00', 'genomfort') RETURNING id`,
      [lg],
    );
    const recorded = await t.request({
      method: 'POST',
      url: `/api/v1/obligations/${o.id}/occurrences`,
      as: samordnare,
      payload: {
        year: 2026,
        ordinal: 1,
        meetingId: meeting!.id,
        note: 'Dialog om måluppfyllelse, förbättringsbehov och prioriteringar.',
      },
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ gaps: 0 });
    expect(recorded.json().occurrences[0]).toMatchObject({ status: 'held', heldOn: '2026-05-20', meetingId: meeting!.id });
    expect(await auditOf(o.id)).toEqual(['create', 'record']);
  });

  it('Blekinge’s kommunikationsplan: the Kunskapsrådet’s chair is reminded once, 30 days before 31 December', async () => {
    const kr = await groupByKey('10:kunskapsrad:kunskapsradet');
    const [o] = await t.db.query<{ id: string }>(
      `SELECT id FROM obligations WHERE reference_key = '10:skyldighet:utvardering-av-kommunikationsplanen'`,
    );
    const chair = await buildDeclaredPerson(t.db, { homeOwner: '10' });
    const admin = await t.newAdmin();
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/groups/${kr}/memberships`,
          as: admin,
          payload: { personId: chair.id, role: 'ordforande', startDate: '2026-01-01' },
        })
      ).statusCode,
    ).toBe(201);
    // Record the first half, so only the second is due.
    const samordnare = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/obligations/${o!.id}/occurrences`,
          as: samordnare,
          payload: { year: 2026, ordinal: 1, heldOn: '2026-06-11', note: 'Kommunikations- och aktivitetsplanen utvärderad.' },
        })
      ).statusCode,
    ).toBe(200);
    expect((await remindObligations(t.db, { today: '2026-11-30' })).reminded).toBe(0);
    const first = await remindObligations(t.db, { today: '2026-12-01' });
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    expect((await remindObligations(t.db, { today: '2026-12-02' })).reminded).toBe(0);
    const jobs = await t.db.query<{ payload: { personIds: string[]; title: string } }>(
      `SELECT payload FROM jobs WHERE queue = 'notifications.deliver' AND payload->>'dedupeKey' = $1`,
      [`obligation:${o!.id}:2026:2`],
    );
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.payload.personIds).toContain(chair.id);
    expect(jobs[0]!.payload.title).toContain('2026-12-31');
  });
});

describe('seed 001: the samverkansnämnd’s four kinds of decision', () => {
  it('a decision of Samverkansnämnden carries its type and the decision log filters by it; another forum’s cannot', async () => {
    const svn = await groupByKey('sydostra:namnd:samverkansnamnden');
    const sydostra = await t.newUser([{ role: 'samordnare', scopeType: 'healthcare-region', scopeId: 'sydostra' }]);
    const [meeting] = await t.db.query<{ id: string }>(
      `INSERT INTO meetings (group_id, meeting_date, start_time, end_time, status) VALUES ($1, '2026-06-12', '09:00', '12:00', 'genomfort') RETURNING id`,
      [svn],
    );
    const write = (payload: Record<string, unknown>) =>
      t.request({ method: 'POST', url: `/api/v1/meetings/${meeting!.id}/paragraphs`, as: sydostra, payload });
    const budget = await write({
      title: 'Fördelning av tilldelad budget från respektive region 2027',
      decisionType: 'budget-split',
      decisionText: 'Budgeten fördelas enligt förslaget.',
    });
    expect(budget.statusCode, budget.body).toBe(201);
    expect((await write({ title: 'Priser för såld vård 2027', decisionType: 'sold-care-prices' })).statusCode).toBe(201);
    const info = problem(await write({ title: 'Information', decisionKind: 'information', decisionType: 'shared-care' }));
    expect(info.status).toBe(422);
    expect((await write({ title: 'Okänd typ', decisionType: 'annat' })).statusCode).toBe(422);

    // The kunskapsråd's decisions are not the samverkansnämnd's.
    const council = await groupByKey('sydostra:kunskapsrad:kirurgi-och-cancer');
    const [krMeeting] = await t.db.query<{ id: string }>(
      `INSERT INTO meetings (group_id, meeting_date, start_time, end_time, status) VALUES ($1, '2026-06-12', '13:00', '15:00', 'genomfort') RETURNING id`,
      [council],
    );
    const refused = problem(
      await t.request({
        method: 'POST',
        url: `/api/v1/meetings/${krMeeting!.id}/paragraphs`,
        as: sydostra,
        payload: { title: 'Vård som inte ska bedrivas', decisionType: 'care-not-provided' },
      }),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.[0]?.path).toBe('decisionType');
    // The meeting says which types its decisions may carry, so the minutes form offers them only there.
    const types = async (id: string) =>
      (await t.request({ method: 'GET', url: `/api/v1/meetings/${id}`, as: sydostra })).json<{ decisionTypes: string[] }>()
        .decisionTypes;
    expect(await types(meeting!.id)).toEqual(['shared-care', 'care-not-provided', 'budget-split', 'sold-care-prices']);
    expect(await types(krMeeting!.id)).toEqual([]);

    await t.db.query(`UPDATE meetings SET minutes_status = 'justerat', minutes_locked_at = now() WHERE id = $1`, [meeting!.id]);
    const log = (
      await t.request({ method: 'GET', url: `/api/v1/decisions?forumId=${svn}&decisionType=budget-split`, as: sydostra })
    ).json<{ items: { title: string; decisionType: string }[] }>();
    expect(log.items.map((d) => [d.title, d.decisionType])).toEqual([
      ['Fördelning av tilldelad budget från respektive region 2027', 'budget-split'],
    ]);
  });
});

describe('seed 002: a consolidated follow-up report for the kunskapsråd, beside the report per LPO', () => {
  it('Blekinge’s Kunskapsrådet gets one document with every LPO that reports to it and its obligations', async () => {
    const kr = await groupByKey('10:kunskapsrad:kunskapsradet');
    const blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
    const docx = await t.request({
      method: 'GET',
      url: `/api/v1/groups/${kr}/consolidated-followup-report?format=docx`,
      as: blekinge,
    });
    expect(docx.statusCode, docx.body).toBe(200);
    const xml = (await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string')).replace(
      /<[^>]+>/g,
      ' ',
    );
    expect(xml).toContain('Sammanhållen uppföljningsrapport – Kunskapsrådet');
    expect(xml).toContain('LPO Cancersjukdomar');
    expect(xml).toContain('LPO Psykisk hälsa');
    expect(xml).toContain('Utvärdering av kommunikations- och aktivitetsplanen i Kunskapsrådet');
    const pdf = await t.request({
      method: 'GET',
      url: `/api/v1/groups/${kr}/consolidated-followup-report?format=pdf`,
      as: blekinge,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const kalmar = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '08' }]);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/groups/${kr}/consolidated-followup-report?format=pdf`, as: kalmar }))
        .statusCode,
    ).toBe(404);
  });
});
