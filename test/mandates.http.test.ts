import { describe, expect, it } from 'vitest';
import { appointMember } from '../src/modules/people/appoint-member.js';
import { reviewJavDeclaration } from '../src/modules/people/review-jav-declaration.js';
import { submitJavDeclaration } from '../src/modules/people/submit-jav-declaration.js';
import { systemActor, systemCtx } from '../src/platform/context.js';
import { buildDeclaredPerson, buildGroup, buildLpo, buildPerson } from '../src/testing/builders.js';
import { problem, useTestApp, type Session } from './helpers/app.js';

const t = useTestApp();
const ctx = systemCtx('test');
const groupByKey = async (key: string) =>
  (await t.db.query<{ id: string }>('SELECT id FROM groups WHERE reference_key = $1', [key]))[0]!.id;
const appoint = (as: Session, groupId: string, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: `/api/v1/groups/${groupId}/memberships`, as, payload });
const auditOf = (entityId: string) =>
  t.db.query<{ action: string; after: Record<string, unknown> }>(
    'SELECT action, after FROM audit_events WHERE entity_id = $1 ORDER BY id',
    [entityId],
  );

describe('memberships: default period, edits, early ends and the rules', () => {
  it('a Jönköping LPO seat without an end date gets Jönköping’s three-year mandate (seed 000); edits need the version; a stale one is 409', async () => {
    const c = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '06' }]);
    const lpo = { id: await groupByKey('06:lpo:akut-vard') };
    const p = await buildDeclaredPerson(t.db, { homeOwner: '06' });
    const res = await appoint(c, lpo.id, { personId: p.id, role: 'ordforande', startDate: '2027-01-01' });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({ endDate: '2029-12-31', represents: '06', declarationLapsed: false, version: 1 });

    const url = `/api/v1/memberships/${m.id}`;
    expect((await t.request({ method: 'PATCH', url, as: c, payload: { role: 'vice-ordforande' } })).statusCode).toBe(428);
    const edited = await t.request({
      method: 'PATCH',
      url,
      as: c,
      payload: { role: 'vice-ordforande', endDate: '2028-06-30', version: 1 },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ role: 'vice-ordforande', endDate: '2028-06-30', version: 2 });
    const stale = problem(await t.request({ method: 'PATCH', url, as: c, payload: { role: 'ledamot', version: 1 } }));
    expect(stale.status).toBe(409);
    const backwards = problem(await t.request({ method: 'PATCH', url, as: c, payload: { endDate: '2026-12-31', version: 2 } }));
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors?.[0]?.path).toBe('endDate');

    // Ending early: a reason, a day within the period.
    const end = (payload: Record<string, unknown>) => t.request({ method: 'POST', url: `${url}/end`, as: c, payload });
    expect(problem(await end({ endDate: '2026-12-31', reason: 'Flyttar', version: 2 })).status).toBe(422);
    expect(problem(await end({ endDate: '2029-01-01', reason: 'Flyttar', version: 2 })).body.errors?.[0]?.path).toBe('endDate');
    const ended = await end({ endDate: '2027-09-30', reason: 'Ny tjänst utanför regionen', version: 2 });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ endDate: '2027-09-30', endedEarlyReason: 'Ny tjänst utanför regionen', version: 3 });
    expect((await auditOf(m.id)).map((a) => a.action)).toEqual(['create', 'update', 'end']);

    // Someone else's region: 403; unknown seat: 404.
    const other = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '07' }]);
    expect((await t.request({ method: 'PATCH', url, as: other, payload: { role: 'ledamot', version: 3 } })).statusCode).toBe(403);
    expect(
      (
        await t.request({
          method: 'PATCH',
          url: '/api/v1/memberships/00000000-0000-4000-8000-000000000000',
          as: c,
          payload: { role: 'ledamot', version: 1 },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('refuses overlapping seats, periods ending before they start and unknown regions with 422, writing nothing', async () => {
    const admin = await t.newAdmin();
    const g = await buildGroup(t.db, { kind: 'working-group', level: 'region', owner: '10' });
    const p = await buildDeclaredPerson(t.db, { homeOwner: '10' });
    expect(
      (await appoint(admin, g.id, { personId: p.id, role: 'ledamot', startDate: '2027-01-01', endDate: '2027-12-31' }))
        .statusCode,
    ).toBe(201);
    const overlap = problem(
      await appoint(admin, g.id, { personId: p.id, role: 'ledamot', startDate: '2027-06-01', endDate: null }),
    );
    expect(overlap.status).toBe(422);
    expect(overlap.body.detail).toContain('överlappande');
    const backwards = problem(
      await appoint(admin, g.id, { personId: p.id, role: 'deltagare', startDate: '2027-06-01', endDate: '2027-05-31' }),
    );
    expect(backwards.body.errors?.[0]).toMatchObject({ path: 'endDate' });
    expect(
      problem(await appoint(admin, g.id, { personId: p.id, role: 'deltagare', startDate: '2027-06-01', represents: 'atlantis' }))
        .status,
    ).toBe(422);
    expect(
      problem(
        await appoint(admin, g.id, {
          personId: '00000000-0000-4000-8000-000000000000',
          role: 'deltagare',
          startDate: '2027-06-01',
        }),
      ).status,
      'an unknown person answers as its GET does',
    ).toBe(404);
    const members = (await t.request({ method: 'GET', url: `/api/v1/groups/${g.id}/memberships`, as: admin })).json();
    expect(members.items).toHaveLength(1);
  });

  it('a third Kronoberg member of Södra regionvårdsnämnden breaks the composition rule: 422, or 201 with an audited override reason', async () => {
    const admin = await t.newAdmin();
    const namnd = await groupByKey('sodra:namnd:sodra-regionvardsnamnden');
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await buildDeclaredPerson(t.db, { homeOwner: '07' })).id);
    for (const id of ids.slice(0, 2)) {
      expect(
        (await appoint(admin, namnd, { personId: id, role: 'ledamot', startDate: '2027-01-01', endDate: '2030-12-31' }))
          .statusCode,
      ).toBe(201);
    }
    const third = problem(
      await appoint(admin, namnd, { personId: ids[2], role: 'ledamot', startDate: '2027-01-01', endDate: '2030-12-31' }),
    );
    expect(third.status).toBe(422);
    expect(third.body.detail).toContain('Region Kronoberg har 3 ledamöter, men regeln tillåter högst 2.');
    expect(third.body.errors?.map((e) => e.path)).toEqual(['represents', 'overrideReason']);
    const forced = await appoint(admin, namnd, {
      personId: ids[2],
      role: 'ledamot',
      startDate: '2027-01-01',
      endDate: '2030-12-31',
      overrideReason: 'Tillfällig förstärkning under omorganisation, beslut RS 2026/88',
    });
    expect(forced.statusCode, forced.body).toBe(201);
    expect(forced.json().overrideReason).toContain('Tillfällig förstärkning');
    const audit = await auditOf(forced.json().id);
    expect(audit[0]?.after).toMatchObject({
      overrideReason: expect.stringContaining('RS 2026/88'),
      overriddenRules: [expect.stringContaining('Kronoberg')],
    });
  });

  it('an expired declaration flags every seat of the person in the lists', async () => {
    const person = await buildPerson(t.db, { homeOwner: '10' });
    const d = await submitJavDeclaration(t.db, ctx, person.id, { nothingToDeclare: true, interests: [] });
    const reviewer = {
      ...ctx,
      actor: { ...systemActor, userId: '00000000-0000-0000-0000-000000000002', email: 'g@navet.local' },
    };
    await reviewJavDeclaration(t.db, reviewer, d.id, { decision: 'approved' }, { today: '2022-06-01' }); // valid until 2025-06-01
    const a = await buildGroup(t.db, { kind: 'forum', level: 'region', owner: '10' });
    const b = await buildGroup(t.db, { kind: 'council', level: 'region', owner: '10' });
    for (const g of [a, b]) {
      await appointMember(
        t.db,
        ctx,
        g.id,
        { personId: person.id, role: 'ledamot', startDate: '2024-01-01', endDate: null },
        { today: '2024-01-01' },
      );
    }
    const admin = await t.newAdmin();
    const detail = (await t.request({ method: 'GET', url: `/api/v1/people/${person.id}`, as: admin })).json();
    expect(detail.memberships.map((m: { declarationLapsed: boolean }) => m.declarationLapsed)).toEqual([true, true]);
    const list = (await t.request({ method: 'GET', url: `/api/v1/groups/${a.id}/memberships`, as: admin })).json();
    expect(list.items[0]).toMatchObject({ personId: person.id, declarationLapsed: true });
    // And a new appointment is refused with the reason.
    expect(
      problem(await appoint(admin, a.id, { personId: person.id, role: 'deltagare', startDate: '2027-01-01' })).body.detail,
    ).toContain('gällde till 2025-06-01');
  });
});

describe('nominations', () => {
  const nominate = (as: Session, groupId: string, o: Record<string, unknown>) =>
    t.request({
      method: 'POST',
      url: `/api/v1/groups/${groupId}/nominations`,
      as,
      payload: {
        nominatingOrganisation: 'Region Kronoberg',
        nominatingOrganisationType: 'region',
        nominatedBy: 'Hälso- och sjukvårdsdirektören',
        motivation: 'Lång erfarenhet av regional samverkan.',
        role: 'ersattare',
        startDate: '2027-01-01',
        endDate: '2030-12-31',
        ...o,
      },
    });
  const decide = (as: Session, id: string, payload: Record<string, unknown>) =>
    t.request({ method: 'POST', url: `/api/v1/nominations/${id}/decision`, as, payload });

  it('a Kronoberg coordinator nominates to Södra regionvårdsnämnden; Södra decides; approval creates the seat', async () => {
    const kronoberg = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '07' }]);
    const sodra = await t.newUser([{ role: 'samordnare', scopeType: 'healthcare-region', scopeId: 'sodra' }]);
    const outsider = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '01' }]);
    const namnd = await groupByKey('sodra:namnd:sodra-regionvardsnamnden');
    const p = await buildDeclaredPerson(t.db, { homeOwner: '07' });

    expect((await nominate(outsider, namnd, { personId: p.id })).statusCode).toBe(403);
    const created = await nominate(kronoberg, namnd, { personId: p.id });
    expect(created.statusCode, created.body).toBe(201);
    const n = created.json();
    expect(n).toMatchObject({ status: 'open', role: 'ersattare', nominatingOrganisation: 'Region Kronoberg', version: 1 });
    expect((await nominate(kronoberg, namnd, { personId: p.id })).statusCode).toBe(409);

    const perGroup = (
      await t.request({ method: 'GET', url: `/api/v1/nominations?groupId=${namnd}&status=open`, as: sodra })
    ).json();
    expect(perGroup.items.map((x: { id: string }) => x.id)).toContain(n.id);
    const perOrg = (
      await t.request({ method: 'GET', url: `/api/v1/nominations?organisation=region%20kronoberg`, as: kronoberg })
    ).json();
    expect(perOrg.items.map((x: { id: string }) => x.id)).toContain(n.id);
    expect((await t.request({ method: 'GET', url: `/api/v1/nominations/${n.id}`, as: outsider })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/nominations`, as: outsider })).json().items).toEqual([]);

    // The nominating side cannot decide.
    expect(
      (await decide(kronoberg, n.id, { decision: 'approved', decisionDate: '2026-11-20', reference: 'RVN §12', version: 1 }))
        .statusCode,
    ).toBe(403);
    expect(
      problem(await decide(sodra, n.id, { decision: 'approved', decisionDate: '2026-11-20', reference: '', version: 1 })).body
        .errors?.[0]?.path,
    ).toBe('reference');
    const approved = await decide(sodra, n.id, {
      decision: 'approved',
      decisionDate: '2026-11-20',
      reference: 'RVN 2026 § 12',
      version: 1,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      decisionReference: 'RVN 2026 § 12',
      membershipId: expect.any(String),
    });
    const members = (await t.request({ method: 'GET', url: `/api/v1/groups/${namnd}/memberships`, as: sodra })).json();
    expect(members.items.find((m: { id: string }) => m.id === approved.json().membershipId)).toMatchObject({
      personId: p.id,
      role: 'ersattare',
      represents: '07',
      nominationId: n.id,
      endDate: '2030-12-31',
    });
    // Decided is final.
    expect(
      (await decide(sodra, n.id, { decision: 'refused', decisionDate: '2026-11-20', reference: 'x', reason: 'y', version: 2 }))
        .statusCode,
    ).toBe(409);
    expect(
      (await t.request({ method: 'POST', url: `/api/v1/nominations/${n.id}/withdraw`, as: kronoberg, payload: { version: 2 } }))
        .statusCode,
    ).toBe(409);
  });

  it('approval of a person without a current declaration is refused with 422 and the nomination stays open; refusal and withdrawal', async () => {
    const admin = await t.newAdmin();
    const lpo = await buildLpo(t.db, { region: '10', programAreaId: 'tandvard' });
    const undeclared = await buildPerson(t.db, { homeOwner: '10' });
    const n = (
      await nominate(admin, lpo.id, {
        personId: undeclared.id,
        role: 'ledamot',
        nominatingOrganisationType: 'line-organisation',
        nominatingOrganisation: 'Område specialistvård',
      })
    ).json();
    const refused = problem(
      await decide(admin, n.id, { decision: 'approved', decisionDate: '2026-11-20', reference: 'LG 2026/3', version: 1 }),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('ingen jävsdeklaration');
    expect((await t.request({ method: 'GET', url: `/api/v1/nominations/${n.id}`, as: admin })).json()).toMatchObject({
      status: 'open',
      version: 1,
    });

    expect(
      problem(await decide(admin, n.id, { decision: 'refused', decisionDate: '2026-11-20', reference: 'LG 2026/3', version: 1 }))
        .body.errors?.[0]?.path,
    ).toBe('reason');
    const no = await decide(admin, n.id, {
      decision: 'refused',
      decisionDate: '2026-11-20',
      reference: 'LG 2026/3',
      reason: 'Jävsdeklaration saknas.',
      version: 1,
    });
    expect(no.json()).toMatchObject({ status: 'refused', decisionReason: 'Jävsdeklaration saknas.', membershipId: null });

    const other = await buildDeclaredPerson(t.db, { homeOwner: '10' });
    const n2 = (
      await nominate(admin, lpo.id, {
        personId: other.id,
        role: 'controller',
        nominatingOrganisation: 'Område specialistvård',
        nominatingOrganisationType: 'line-organisation',
      })
    ).json();
    expect(
      (await t.request({ method: 'POST', url: `/api/v1/nominations/${n2.id}/withdraw`, as: admin, payload: {} })).statusCode,
    ).toBe(428);
    const w = await t.request({
      method: 'POST',
      url: `/api/v1/nominations/${n2.id}/withdraw`,
      as: admin,
      payload: { reason: 'Annan kandidat', version: 1 },
    });
    expect(w.json()).toMatchObject({ status: 'withdrawn', decisionReason: 'Annan kandidat' });
    const all = (await t.request({ method: 'GET', url: `/api/v1/nominations?groupId=${lpo.id}`, as: admin })).json();
    expect(all.items.map((x: { status: string }) => x.status).sort()).toEqual(['refused', 'withdrawn']);
    expect((await auditOf(n.id)).map((a) => a.action)).toEqual(['create', 'refuse']);
    const reader = await t.newUser([{ role: 'lasare', scopeType: 'region', scopeId: '10' }]);
    expect((await nominate(reader, lpo.id, { personId: other.id })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/v1/nominations' })).statusCode).toBe(401);
  });
});

describe('composition rules and checks', () => {
  it('the seeded rules are listed; administrators edit them (version, 409) and nobody else can', async () => {
    const admin = await t.newAdmin();
    const c = await t.newUser([{ role: 'samordnare', scopeType: 'system', scopeId: '' }]);
    const rules = (await t.request({ method: 'GET', url: '/api/v1/composition-rules' })).json().items;
    expect(
      rules.find(
        (r: { groupKey: string | null; ruleType: string; roles: string[] }) =>
          r.groupKey === 'sodra:namnd:sodra-regionvardsnamnden' && r.roles.includes('ersattare'),
      ),
    ).toMatchObject({
      minCount: 2,
      maxCount: 2,
      regionCounts: { '12': 6 },
    });
    // SVN's and RSL's (seed 001), and the kunskapsråd's that follows RSL's (migration 0046).
    expect(rules.filter((r: { ruleType: string }) => r.ruleType === 'rotation')).toHaveLength(3);
    const body = {
      groupKind: 'working-group',
      groupLevel: 'region',
      groupOwner: '10',
      ruleType: 'role-count',
      roles: ['sekreterare'],
      minCount: 1,
      maxCount: 1,
      description: 'En sekreterare.',
    };
    expect((await t.request({ method: 'POST', url: '/api/v1/composition-rules', as: c, payload: body })).statusCode).toBe(403);
    expect(
      problem(await t.request({ method: 'POST', url: '/api/v1/composition-rules', as: admin, payload: { ...body, minCount: 3 } }))
        .body.errors?.[0]?.path,
    ).toBe('maxCount');
    expect(
      problem(
        await t.request({
          method: 'POST',
          url: '/api/v1/composition-rules',
          as: admin,
          payload: { ...body, groupKind: null, groupLevel: null, groupOwner: null },
        }),
      ).status,
    ).toBe(422);
    expect(
      problem(
        await t.request({
          method: 'POST',
          url: '/api/v1/composition-rules',
          as: admin,
          payload: { ...body, ruleType: 'rotation', years: 2, regionOrder: ['07', '99'], anchorDate: '2027-01-01' },
        }),
      ).status,
    ).toBe(422);
    const created = await t.request({ method: 'POST', url: '/api/v1/composition-rules', as: admin, payload: body });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const patched = await t.request({
      method: 'PATCH',
      url: `/api/v1/composition-rules/${id}`,
      as: admin,
      payload: { ...body, maxCount: 2, version: 1 },
    });
    expect(patched.json()).toMatchObject({ maxCount: 2, version: 2 });
    expect(
      (await t.request({ method: 'PATCH', url: `/api/v1/composition-rules/${id}`, as: admin, payload: { ...body, version: 1 } }))
        .statusCode,
    ).toBe(409);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/composition-rules/${id}?version=1`, as: admin })).statusCode).toBe(
      409,
    );
    expect((await t.request({ method: 'DELETE', url: `/api/v1/composition-rules/${id}?version=2`, as: admin })).statusCode).toBe(
      204,
    );
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('finds the gaps of an LPO and of Södra regionvårdsnämnden, and lists them in the overview', async () => {
    const admin = await t.newAdmin();
    // Seed 000's grundbemanning is Jönköping’s (06): its LPOs are measured against it.
    const lpo = { id: await groupByKey('06:lpo:hjart-och-karlsjukdomar') };
    const chair = await buildDeclaredPerson(t.db, { homeOwner: '06' });
    expect((await appoint(admin, lpo.id, { personId: chair.id, role: 'ordforande', startDate: '2026-01-01' })).statusCode).toBe(
      201,
    );
    const check = (await t.request({ method: 'GET', url: `/api/v1/groups/${lpo.id}/composition?date=2026-11-26` })).json();
    expect(check).toMatchObject({ ok: false, memberCount: 1 });
    expect(check.gaps.map((g: { roles: string[] }) => g.roles[0])).toEqual([
      'processtod',
      'controller',
      'administrativt-stod',
      'patientforetradare',
    ]);
    expect(check.gaps.find((g: { roles: string[] }) => g.roles[0] === 'patientforetradare').message).toContain(
      'Person med patienterfarenhet saknas',
    );

    const overview = (
      await t.request({ method: 'GET', url: '/api/v1/composition/gaps?owner=06&date=2026-11-26&staffedOnly=true', as: admin })
    ).json();
    expect(overview.items.map((i: { groupId: string }) => i.groupId)).toEqual([lpo.id]);
    const sodra = (
      await t.request({ method: 'GET', url: '/api/v1/composition/gaps?owner=sodra&date=2027-02-01', as: admin })
    ).json();
    const namnd = sodra.items.find((i: { groupName: string }) => i.groupName === 'Södra regionvårdsnämnden');
    // Earlier test: three Kronoberg ledamöter (one by override) and one Kronoberg ersättare from the nomination.
    expect(namnd.gaps.map((g: { message: string }) => g.message)).toEqual(
      expect.arrayContaining([
        'Region Kronoberg har 3 ledamöter, men regeln tillåter högst 2.',
        'Region Skåne har 0 av 6 ledamöter.',
        'Region Kronoberg har 1 av 2 ersättare.',
      ]),
    );
    expect((await t.request({ method: 'GET', url: '/api/v1/composition/gaps' })).statusCode).toBe(401);
  });
});

describe('rotation', () => {
  it('shows the two-year schedule of Sydöstra’s samverkansnämnd and refuses a chair from the wrong region unless overridden', async () => {
    const admin = await t.newAdmin();
    const svn = await groupByKey('sydostra:namnd:samverkansnamnden');
    // Seed 001 leaves the order open: the healthcare region sets it (here the administrator).
    const [rule] = await t.db.query<{ id: string; version: number }>(
      `SELECT id, version FROM composition_rules WHERE group_key = 'sydostra:namnd:samverkansnamnden' AND rule_type = 'rotation'`,
    );
    const set = await t.request({
      method: 'PUT',
      url: `/api/v1/composition-rules/${rule!.id}/rotation-order`,
      as: admin,
      payload: { regionOrder: ['06', '08', '05'], anchorDate: '2025-01-01', version: rule!.version },
    });
    expect(set.statusCode, set.body).toBe(200);
    const rot = (await t.request({ method: 'GET', url: `/api/v1/groups/${svn}/rotation?from=2025-01-01&to=2030-12-31` })).json();
    expect(
      rot.schedules[0].periods.map((p: { startDate: string; region: string; regionName: string }) => [p.startDate, p.region]),
    ).toEqual([
      ['2025-01-01', '06'],
      ['2027-01-01', '08'],
      ['2029-01-01', '05'],
    ]);
    const kalmar = await buildDeclaredPerson(t.db, { homeOwner: '08' });
    const ostergotland = await buildDeclaredPerson(t.db, { homeOwner: '05' });
    const wrong = problem(await appoint(admin, svn, { personId: ostergotland.id, role: 'ordforande', startDate: '2027-01-01' }));
    expect(wrong.status).toBe(422);
    expect(wrong.body.detail).toContain('Region Kalmar läns tur');
    const right = await appoint(admin, svn, { personId: kalmar.id, role: 'ordforande', startDate: '2027-01-01' });
    expect(right.statusCode, right.body).toBe(201);
    expect(right.json().endDate).toBe('2028-12-31'); // the end of Kalmar's turn
    const forced = await appoint(admin, svn, {
      personId: ostergotland.id,
      role: 'sekreterare',
      startDate: '2027-01-01',
      endDate: '2028-12-31',
      overrideReason: 'Kalmar avstår sekreterarskapet 2027–2028 enligt nämndens beslut',
    });
    expect(forced.statusCode, forced.body).toBe(201);
    const after = (
      await t.request({ method: 'GET', url: `/api/v1/groups/${svn}/rotation?from=2027-01-01&to=2028-12-31` })
    ).json();
    expect(after.schedules[0].periods[0].holders.map((h: { personName: string }) => h.personName).sort()).toEqual(
      [kalmar.name, ostergotland.name].sort(),
    );
  });
});

describe('the public register (insyn)', () => {
  it('shows name, role, group, employer and period of current seats, and nothing else', async () => {
    const g = await buildGroup(t.db, { kind: 'forum', level: 'region', owner: '10', name: 'Insynsforumet' });
    const p = await buildDeclaredPerson(t.db, { homeOwner: '10', employer: 'Region Blekinge', name: 'Öppen Person' });
    await appointMember(t.db, ctx, g.id, { personId: p.id, role: 'ledamot', startDate: '2025-01-01', endDate: null });
    const res = await t.request({ method: 'GET', url: `/api/v1/public/register?groupId=${g.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      {
        name: 'Öppen Person',
        role: 'ledamot',
        groupId: g.id,
        groupName: 'Insynsforumet',
        employer: 'Region Blekinge',
        startDate: '2025-01-01',
        endDate: null,
      },
    ]);
    expect(res.body).not.toContain('@');
    const search = (await t.request({ method: 'GET', url: '/api/v1/public/register?q=oppen' })).json();
    expect(search.items.map((i: { name: string }) => i.name)).toContain('Öppen Person');
  });
});
