import { describe, expect, it } from 'vitest';
import { buildDeclaredPerson } from '../src/testing/builders.js';
import { problem, useTestApp, type Session } from './helpers/app.js';
import { useClock } from './helpers/clock.js';

/**
 * Issue 21 items 4–8 on the seeds' real bodies (docs/seed-rules.md): Sydöstra's kunskapsråd and
 * RSL (seed 001), SKS (seed 002), representation upward (seed 004). Both databases.
 */
useClock('2026-11-26');
const t = useTestApp();
const TODAY = '2026-11-26';
const groupByKey = async (key: string) =>
  (await t.db.query<{ id: string }>('SELECT id FROM groups WHERE reference_key = $1', [key]))[0]!.id;
const appoint = (as: Session, groupId: string, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: `/api/v1/groups/${groupId}/memberships`, as, payload });
type Gap = { kind: string; roles: string[]; region: string | null; message: string };
const gapsOf = async (groupId: string, date = TODAY) =>
  (await t.request({ method: 'GET', url: `/api/v1/groups/${groupId}/composition?date=${date}` })).json<{ gaps: Gap[] }>().gaps;
const rotationRule = async (key: string) =>
  (
    await t.db.query<{ id: string; version: number }>(
      `SELECT id, version FROM composition_rules WHERE group_key = $1 AND rule_type = 'rotation'`,
      [key],
    )
  )[0]!;
const RSL = 'sydostra:ledningsgrupp:regionsjukvardsledningen';
const HALSA = 'sydostra:kunskapsrad:halsa-och-rehabilitering';

describe('seed 001: the rotation of RSL is data the healthcare region sets, never invented', () => {
  it('RSL’s rotation is unset (a gap) until Sydöstra’s coordinator sets it; others are refused', async () => {
    const rsl = await groupByKey(RSL);
    const gaps = await gapsOf(rsl);
    expect(gaps.filter((g) => g.kind === 'rotation-unset')).toHaveLength(1);
    const rot = (await t.request({ method: 'GET', url: `/api/v1/groups/${rsl}/rotation` })).json();
    expect(rot.schedules[0]).toMatchObject({ ordered: false, regionOrder: [], anchorDate: null, mayEdit: false, periods: [] });
    expect(rot.schedules[0].regionsToOrder.map((r: { code: string }) => r.code)).toEqual(['05', '06', '08']);

    const rule = await rotationRule(RSL);
    const url = `/api/v1/composition-rules/${rule.id}/rotation-order`;
    const body = { regionOrder: ['06', '08', '05'], anchorDate: '2025-01-01', version: rule.version };
    const kronoberg = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '07' }]);
    expect((await t.request({ method: 'PUT', url, as: kronoberg, payload: body })).statusCode).toBe(403);
    expect((await t.request({ method: 'PUT', url, payload: body })).statusCode).toBe(401);
    const sydostra = await t.newUser([{ role: 'samordnare', scopeType: 'healthcare-region', scopeId: 'sydostra' }]);
    const partial = problem(
      await t.request({ method: 'PUT', url, as: sydostra, payload: { ...body, regionOrder: ['06', '08'] } }),
    );
    expect(partial.status).toBe(422);
    expect(partial.body.errors?.[0]?.path).toBe('regionOrder');
    const foreign = problem(
      await t.request({ method: 'PUT', url, as: sydostra, payload: { ...body, regionOrder: ['06', '08', '07'] } }),
    );
    expect(foreign.status).toBe(422);
    expect((await t.request({ method: 'PUT', url, as: sydostra, payload: { ...body, version: 99 } })).statusCode).toBe(409);
    const set = await t.request({ method: 'PUT', url, as: sydostra, payload: body });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ regionOrder: ['06', '08', '05'], anchorDate: '2025-01-01' });
    const [audit] = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_type = 'composition-rule' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [rule.id],
    );
    expect(audit?.action).toBe('update');

    const after = (
      await t.request({ method: 'GET', url: `/api/v1/groups/${rsl}/rotation?from=2025-01-01&to=2030-12-31`, as: sydostra })
    ).json();
    expect(after.schedules[0].mayEdit).toBe(true);
    expect(after.schedules[0].periods.map((p: { startDate: string; region: string }) => [p.startDate, p.region])).toEqual([
      ['2025-01-01', '06'],
      ['2027-01-01', '08'],
      ['2029-01-01', '05'],
    ]);
    expect((await gapsOf(rsl)).filter((g) => g.kind === 'rotation-unset')).toEqual([]);
  });

  it('RSL and its stab are staffed by the three regions: a region without a seat is a gap', async () => {
    const admin = await t.newAdmin();
    const stab = await groupByKey('sydostra:stab:regionsjukvardsledningens-stab');
    const before = (await gapsOf(stab)).filter((g) => g.kind === 'region-missing').map((g) => g.region);
    expect(before).toEqual(['05', '06', '08']);
    const kalmar = await buildDeclaredPerson(t.db, { homeOwner: '08' });
    expect((await appoint(admin, stab, { personId: kalmar.id, role: 'samordnare', startDate: '2026-01-01' })).statusCode).toBe(
      201,
    );
    expect((await gapsOf(stab)).filter((g) => g.kind === 'region-missing').map((g) => g.region)).toEqual(['05', '06']);
    const rsl = await groupByKey(RSL);
    expect((await gapsOf(rsl)).filter((g) => g.kind === 'region-missing').map((g) => g.message)).toContain(
      'Region Kalmar län har 0 av minst 1 ledamot.',
    );
  });
});

describe('seed 001: Sydöstra’s kunskapsråd', () => {
  it('two ledningspersoner per region, a secretary, RMPO primärvård’s representative and its RMPOs’ chairs', async () => {
    const admin = await t.newAdmin();
    const council = await groupByKey(HALSA);
    const empty = await gapsOf(council);
    expect(empty.filter((g) => g.kind === 'region-missing').map((g) => g.message)).toEqual([
      'Region Östergötland har 0 av 2 ledningspersoner.',
      'Region Jönköpings län har 0 av 2 ledningspersoner.',
      'Region Kalmar län har 0 av 2 ledningspersoner.',
    ]);
    expect(empty.map((g) => g.message)).toContain('Sekreterare saknas (regeln kräver 1).');
    expect(empty.map((g) => g.kind)).toContain('representative-missing');

    // The chair and secretary rotate as in RSL: 2025–2026 is Jönköping's turn (set above).
    const rot = (
      await t.request({ method: 'GET', url: `/api/v1/groups/${council}/rotation?from=2025-01-01&to=2026-12-31` })
    ).json();
    expect(rot.schedules[0]).toMatchObject({ ordered: true, regionOrder: ['06', '08', '05'] });
    expect(rot.schedules[0].orderRuleId).toBe((await rotationRule(RSL)).id);
    expect(rot.schedules[0].periods.map((p: { region: string }) => p.region)).toEqual(['06']);
    const kalmarChair = await buildDeclaredPerson(t.db, { homeOwner: '08' });
    const wrongTurn = problem(
      await appoint(admin, council, { personId: kalmarChair.id, role: 'ordforande', startDate: '2025-01-01' }),
    );
    expect(wrongTurn.status).toBe(422);
    expect(wrongTurn.body.detail).toContain('Region Jönköpings läns tur');

    const people: Record<string, string[]> = {};
    for (const region of ['05', '06', '08']) {
      people[region] = [];
      for (const role of region === '06' ? ['ordforande', 'ledningsperson'] : ['ledningsperson', 'ledningsperson']) {
        const p = await buildDeclaredPerson(t.db, { homeOwner: region });
        const res = await appoint(admin, council, { personId: p.id, role, startDate: '2025-01-01' });
        expect(res.statusCode, res.body).toBe(201);
        people[region].push(p.id);
      }
    }
    const third = await buildDeclaredPerson(t.db, { homeOwner: '05' });
    const excess = problem(
      await appoint(admin, council, { personId: third.id, role: 'ledningsperson', startDate: '2025-01-01' }),
    );
    expect(excess.status).toBe(422);
    const secretary = await buildDeclaredPerson(t.db, { homeOwner: '06' });
    expect(
      (await appoint(admin, council, { personId: secretary.id, role: 'sekreterare', startDate: '2025-01-01' })).json().endDate,
    ).toBe('2026-12-31');
    const staffed = await gapsOf(council);
    expect(staffed.filter((g) => ['region-missing', 'role-missing'].includes(g.kind))).toEqual([]);

    // The kunskapsråd appoints RMPO Primärvård's chair: a nomination it decides.
    const rmpo = await groupByKey('sydostra:rmpo:primarvard');
    const chair = await buildDeclaredPerson(t.db, { homeOwner: '05' });
    const sydostra = await t.newUser([{ role: 'samordnare', scopeType: 'healthcare-region', scopeId: 'sydostra' }]);
    const nominated = await t.request({
      method: 'POST',
      url: `/api/v1/groups/${rmpo}/nominations`,
      as: sydostra,
      payload: {
        personId: chair.id,
        nominatingOrganisation: 'Region Östergötland',
        nominatingOrganisationType: 'region',
        nominatedBy: 'Hälso- och sjukvårdsdirektören',
        role: 'ordforande',
        startDate: '2026-01-01',
      },
    });
    expect(nominated.statusCode, nominated.body).toBe(201);
    expect(nominated.json().appointingGroup).toMatchObject({
      groupId: council,
      groupName: 'Kunskapsråd Hälsa och rehabilitering',
    });
    const decided = await t.request({
      method: 'POST',
      url: `/api/v1/nominations/${nominated.json().id}/decision`,
      as: sydostra,
      payload: { decision: 'approved', decisionDate: '2025-12-10', reference: 'Kunskapsrådet 2025-12-10 § 4', version: 1 },
    });
    expect(decided.statusCode, decided.body).toBe(200);

    // Its chair is not in the kunskapsråd yet: both the chairs rule and the primärvård representative say so.
    const withChair = await gapsOf(council);
    expect(withChair.find((g) => g.kind === 'child-chair-missing')?.message).toBe(
      'Ordförande i RMPO Primärvård ingår inte i gruppen.',
    );
    expect(withChair.map((g) => g.kind)).toContain('representative-missing');
    expect((await appoint(admin, council, { personId: chair.id, role: 'deltagare', startDate: '2026-01-01' })).statusCode).toBe(
      201,
    );
    const joined = await gapsOf(council);
    expect(
      joined.filter((g) => ['child-chair-missing', 'representative-missing', 'chair-not-appointed'].includes(g.kind)),
    ).toEqual([]);

    // A chair appointed without the kunskapsråd's decision is reported.
    const psych = await groupByKey('sydostra:rmpo:psykisk-halsa');
    const direct = await buildDeclaredPerson(t.db, { homeOwner: '06' });
    expect((await appoint(admin, psych, { personId: direct.id, role: 'ordforande', startDate: '2026-01-01' })).statusCode).toBe(
      201,
    );
    const flagged = (await gapsOf(council)).map((g) => g.message);
    expect(flagged).toContain('Ordförande i RMPO Psykisk hälsa är inte utsedd genom en nominering som gruppen har beslutat.');
    expect(flagged).toContain('Ordförande i RMPO Psykisk hälsa ingår inte i gruppen.');
  });

  it('an RMPO in no kunskapsråd is a gap: Reumatiska sjukdomar, which the seed’s table leaves out', async () => {
    const admin = await t.newAdmin();
    const reuma = await groupByKey('sydostra:rmpo:reumatiska-sjukdomar');
    expect((await gapsOf(reuma)).find((g) => g.kind === 'no-council')?.message).toBe(
      'Gruppen ingår inte i något kunskapsråd (ange kunskapsrådet som överordnad grupp).',
    );
    const report = (
      await t.request({ method: 'GET', url: `/api/v1/composition/gaps?owner=sydostra&date=${TODAY}`, as: admin })
    ).json();
    const noCouncil = report.items
      .filter((i: { gaps: Gap[] }) => i.gaps.some((g) => g.kind === 'no-council'))
      .map((i: { groupName: string }) => i.groupName);
    expect(noCouncil).toEqual(['RMPO Reumatiska sjukdomar']);
    expect((await gapsOf(await groupByKey('sydostra:rmpo:akut-vard'))).map((g) => g.kind)).not.toContain('no-council');
  });
});

describe('seed 002: SKS', () => {
  it('two from the regiondirektörsnätverk, four from the HoS-direktörsnätverk, one from SKR, all six healthcare regions, the adjungerade', async () => {
    const admin = await t.newAdmin();
    const sks = await groupByKey('national:styrgrupp:sks');
    const gaps = await gapsOf(sks);
    const messages = gaps.map((g) => g.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Regiondirektörsnätverket: 0 av 2 ledamöter.',
        'Hälso- och sjukvårdsdirektörsnätverket: 0 av 4 ledamöter.',
        'Sveriges Kommuner och Regioner (SKR): 0 av 1 ledamot.',
        'Ekonomidirektörsnätverket: 0 av 1 adjungerad.',
        'SKR, sektionschef Data och analys: 0 av 1 adjungerad.',
      ]),
    );
    expect(gaps.filter((g) => g.roles[0] === 'adjungerad')).toHaveLength(7);
    expect(
      gaps
        .filter((g) => g.kind === 'region-missing' && /sjukvårdsregion/i.test(g.message))
        .map((g) => g.region)
        .sort(),
    ).toEqual(['mellansverige', 'norra', 'sodra', 'stockholm-gotland', 'sydostra', 'vastra']);

    // The bodies a seat can be held for are listed for the appoint form.
    const bodies = (await t.request({ method: 'GET', url: '/api/v1/represented-bodies', as: admin })).json().items;
    expect(bodies).toHaveLength(10);
    expect(bodies).toContainEqual({ id: 'skr', name: 'Sveriges Kommuner och Regioner (SKR)' });
    const skr = await buildDeclaredPerson(t.db, { homeOwner: 'national' });
    const seat = await appoint(admin, sks, { personId: skr.id, role: 'ledamot', startDate: '2026-01-01', represents: 'skr' });
    expect(seat.statusCode, seat.body).toBe(201);
    const after = await gapsOf(sks);
    expect(after.map((g) => g.message)).not.toContain('Sveriges Kommuner och Regioner (SKR): 0 av 1 ledamot.');
    expect(after.map((g) => g.kind)).not.toContain('region-unknown'); // SKR's seat needs no region

    const second = await buildDeclaredPerson(t.db, { homeOwner: 'national' });
    const refused = problem(
      await appoint(admin, sks, { personId: second.id, role: 'ledamot', startDate: '2026-01-01', represents: 'skr' }),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('SKR');
    const unknown = problem(
      await appoint(admin, sks, { personId: second.id, role: 'ledamot', startDate: '2026-01-01', represents: 'inget-natverk' }),
    );
    expect(unknown.status).toBe(422);

    const vast = await buildDeclaredPerson(t.db, { homeOwner: '14' });
    expect(
      (await appoint(admin, sks, { personId: vast.id, role: 'ledamot', startDate: '2026-01-01', represents: 'vastra' }))
        .statusCode,
    ).toBe(201);
    expect((await gapsOf(sks)).filter((g) => g.region === 'vastra')).toEqual([]);
  });
});

describe('seed 004: one or two RPO members sit in the NPO; who represents whom', () => {
  it('RMPO Akut vård’s members in NPO Akut vård, shown from both levels; none and three are gaps', async () => {
    const admin = await t.newAdmin();
    const rmpo = await groupByKey('sydostra:rmpo:akut-vard');
    const npo = await groupByKey('npo:akut-vard');
    const above = (gaps: Gap[]) => gaps.filter((g) => g.kind === 'above-missing' || g.kind === 'above-excess');
    expect(above(await gapsOf(rmpo)).map((g) => g.message)).toEqual([
      'Ingen av gruppens ledamöter sitter i NPO Akut vård (regeln kräver 1–2).',
    ]);
    const members = [];
    for (const region of ['05', '06', '08']) {
      const p = await buildDeclaredPerson(t.db, { homeOwner: region });
      expect((await appoint(admin, rmpo, { personId: p.id, role: 'ledamot', startDate: '2026-01-01' })).statusCode).toBe(201);
      members.push(p);
    }
    const rep = members[0]!;
    const seat = await appoint(admin, npo, {
      personId: rep.id,
      role: 'ledamot',
      startDate: '2026-01-01',
      represents: 'sydostra',
    });
    expect(seat.statusCode, seat.body).toBe(201);
    expect(above(await gapsOf(rmpo))).toEqual([]);

    const up = (await t.request({ method: 'GET', url: `/api/v1/groups/${rmpo}/representation`, as: admin })).json();
    expect(up.up).toMatchObject({ groupId: npo, groupName: 'NPO Akut vård', level: 'national' });
    expect(up.up.people).toEqual([
      { personId: rep.id, personName: rep.name, roleBelow: 'ledamot', roleAbove: 'ledamot', represents: 'sydostra' },
    ]);
    const down = (await t.request({ method: 'GET', url: `/api/v1/groups/${npo}/representation`, as: admin })).json();
    const fromSydostra = down.down.find((d: { groupId: string }) => d.groupId === rmpo);
    expect(fromSydostra).toMatchObject({ owner: 'sydostra', ownerName: 'Sydöstra sjukvårdsregionen' });
    expect(fromSydostra.people.map((p: { personId: string }) => p.personId)).toEqual([rep.id]);
    // Before the seat began, nobody represented anybody.
    const earlier = (
      await t.request({ method: 'GET', url: `/api/v1/groups/${rmpo}/representation?date=2025-06-01`, as: admin })
    ).json();
    expect(earlier.up.people).toEqual([]);

    for (const p of members.slice(1)) {
      await appoint(admin, npo, {
        personId: p.id,
        role: 'adjungerad',
        startDate: '2026-01-01',
        represents: 'sydostra',
      });
    }
    expect(above(await gapsOf(rmpo)).map((g) => g.message)).toEqual([
      '3 av gruppens ledamöter sitter i NPO Akut vård, men regeln tillåter högst 2.',
    ]);
  });

  it('hides the names from anonymous readers when the public register is off; 404 for an unknown group', async () => {
    const rmpo = await groupByKey('sydostra:rmpo:akut-vard');
    const anon = await t.request({ method: 'GET', url: `/api/v1/groups/${rmpo}/representation` });
    if (anon.statusCode === 200) expect(anon.json().up.people).toEqual(t.config.publicRegister ? expect.anything() : []);
    else expect(anon.statusCode).toBe(401);
    const missing = await t.request({
      method: 'GET',
      url: '/api/v1/groups/00000000-0000-4000-8000-000000000000/representation',
      as: await t.newAdmin(),
    });
    expect(missing.statusCode).toBe(404);
  });
});
