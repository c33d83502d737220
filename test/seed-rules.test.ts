import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDeclaredPerson, buildIndicator, buildLpo } from '../src/testing/builders.js';
import { problem, useTestApp, type Session } from './helpers/app.js';
import { useClock } from './helpers/clock.js';

/**
 * The seeds' rules, rule by rule (docs/seed-rules.md says which seed each comes from), through
 * the API on the seeds' real bodies and dates.
 */
useClock('2026-11-26');
const t = useTestApp();
const groupByKey = async (key: string) =>
  (await t.db.query<{ id: string }>('SELECT id FROM groups WHERE reference_key = $1', [key]))[0]!.id;
const appoint = (as: Session, groupId: string, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: `/api/v1/groups/${groupId}/memberships`, as, payload });
const composition = async (groupId: string, date = '2026-11-26') =>
  (await t.request({ method: 'GET', url: `/api/v1/groups/${groupId}/composition?date=${date}` })).json<{
    gaps: { roles: string[]; message: string }[];
    rules: { groupOwner: string | null; sourceId: string | null }[];
  }>();

describe('seed 000: grundbemanning is Region Jönköpings län’s rule, for its own LPOs', () => {
  it('a Kronoberg LPO is not flagged for a controller; a Jönköping LPO is', async () => {
    const admin = await t.newAdmin();
    const kronoberg = await buildLpo(t.db, { region: '07', programAreaId: 'akut-vard', name: 'LPO Akut vård Kronoberg' });
    const chair = await buildDeclaredPerson(t.db, { homeOwner: '07' });
    expect(
      (await appoint(admin, kronoberg.id, { personId: chair.id, role: 'ordforande', startDate: '2026-01-01' })).statusCode,
    ).toBe(201);
    const k = await composition(kronoberg.id);
    expect(k.gaps.map((g) => g.roles[0])).not.toContain('controller');
    expect(k.rules.filter((r) => r.sourceId === 'seed-000')).toEqual([]);

    const jonkoping = await groupByKey('06:lpo:akut-vard');
    const j = await composition(jonkoping);
    expect(j.gaps.map((g) => g.message)).toContain('Controller saknas (regeln kräver minst 1).');
    expect(j.rules.filter((r) => r.sourceId === 'seed-000').every((r) => r.groupOwner === '06')).toBe(true);
  });

  it('a rule for regional groups names the region that set it (422 without an owner)', async () => {
    const admin = await t.newAdmin();
    const body = {
      groupKind: 'program-area',
      groupLevel: 'region',
      ruleType: 'role-count',
      roles: ['controller'],
      minCount: 1,
      description: 'Grundbemanning: controller.',
      sourceId: 'seed-000',
    };
    const refused = problem(await t.request({ method: 'POST', url: '/api/v1/composition-rules', as: admin, payload: body }));
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.[0]?.path).toBe('groupOwner');
  });
});

describe('one definition of "mirrored" (the matrix and the group page agree)', () => {
  it('a Kronoberg LPO with no mirror link covers its area but mirrors nothing: "unlinked" in the matrix and on its page', async () => {
    const lpo = await buildLpo(t.db, { region: '07', programAreaId: 'hjart-och-karlsjukdomar', name: 'LPO Hjärta Kronoberg' });
    const detail = (await t.request({ method: 'GET', url: `/api/v1/groups/${lpo.id}` })).json();
    // One definition (docs/organisation.md): a group mirrors only through its explicit link to a group above.
    expect(detail.mirroredProgramAreaIds).toEqual([]);
    expect(detail.mirrors).toBeNull();
    const matrix = (await t.request({ method: 'GET', url: '/api/v1/mirroring/matrix?healthcareRegion=sodra' })).json();
    const row = matrix.rows.find((r: { programAreaId: string }) => r.programAreaId === 'hjart-och-karlsjukdomar');
    const cell = row.cells.find((c: { owner: string }) => c.owner === '07');
    expect(cell).toMatchObject({ state: 'unlinked', groupIds: [lpo.id] });

    // Jönköping (seed 000) mirrors Sydöstra's RMPO (seed 001) by the same area: both say so.
    const jonkoping = (await t.request({ method: 'GET', url: `/api/v1/groups/${await groupByKey('06:lpo:akut-vard')}` })).json();
    expect(jonkoping.mirroredProgramAreaIds).toEqual(['akut-vard']);
    expect(jonkoping.mirrors).toMatchObject({ owner: 'sydostra', programAreaIds: ['akut-vard'] });
  });

  it('a closed group mirrors nothing, on its page and in the matrix', async () => {
    const admin = await t.newAdmin();
    const lpo = await buildLpo(t.db, { region: '07', programAreaId: 'tandvard', name: 'LPO Tandvård Kronoberg' });
    const closed = await t.request({
      method: 'POST',
      url: `/api/v1/groups/${lpo.id}/close`,
      as: admin,
      payload: { endDate: '2026-11-01', reason: 'Ersatt', version: 1 },
    });
    expect(closed.statusCode, closed.body).toBeLessThan(300);
    const detail = (await t.request({ method: 'GET', url: `/api/v1/groups/${lpo.id}` })).json();
    expect(detail.mirroredProgramAreaIds).toEqual([]);
    const matrix = (await t.request({ method: 'GET', url: '/api/v1/mirroring/matrix?healthcareRegion=sodra' })).json();
    const row = matrix.rows.find((r: { programAreaId: string }) => r.programAreaId === 'tandvard');
    expect(row.cells.find((c: { owner: string }) => c.owner === '07').state).toBe('missing');
  });
});

describe('the NSG list: no placeholder names, historical groups marked', () => {
  it('leaves out the placeholder row (its area is NSG stöd för utveckling, listed once), and marks the historical ones', async () => {
    const nsg = (
      await t.request({ method: 'GET', url: '/api/v1/groups?level=national&kind=collaboration-group&limit=100' })
    ).json().items as { name: string; historical: boolean }[];
    expect(nsg.filter((g) => /exact name not found|namnet inte belagt|^\(/i.test(g.name))).toEqual([]);
    expect(nsg.filter((g) => /utveckling/i.test(g.name)).map((g) => g.name)).toEqual([
      'Nationell samverkansgrupp stöd för utveckling',
    ]);
    const historical = nsg
      .filter((g) => g.historical)
      .map((g) => g.name)
      .sort();
    expect(historical).toEqual([
      'Nationell samverkansgrupp kvalitetsregister',
      'Nationell samverkansgrupp uppföljning och analys',
    ]);
    expect(nsg.find((g) => g.name === 'Nationell samverkansgrupp patientsäkerhet')?.historical).toBe(false);
  });

  it('migration 0041 removes the group an earlier load made of the placeholder, or marks it merged when referred to', async () => {
    const sql = readFileSync(new URL('../migrations/0041_no_placeholder_nsg.sql', import.meta.url), 'utf8');
    const made = async () =>
      (
        await t.db.query<{ id: string }>(
          `INSERT INTO groups (reference_key, kind, level, owner, name) VALUES ('nsg:utveckling', 'collaboration-group', 'national',
             'national', 'Nationell samverkansgrupp inom området utveckling (namnet inte belagt)') RETURNING id`,
        )
      )[0]!.id;
    await made();
    await t.db.exec(sql);
    expect(await t.db.query("SELECT id FROM groups WHERE reference_key = 'nsg:utveckling'")).toEqual([]);

    const id = await made();
    const referring = await buildLpo(t.db, { region: '07', programAreaId: 'ogonsjukdomar', name: 'LPO Ögon Kronoberg' });
    await t.db.query('UPDATE groups SET parent_group_id = $1 WHERE id = $2', [id, referring.id]);
    await t.db.exec(sql);
    const [row] = await t.db.query<{ status: string; historical: boolean; merged: string | null }>(
      `SELECT g.status, g.historical, m.reference_key AS merged FROM groups g LEFT JOIN groups m ON m.id = g.merged_into_group_id
        WHERE g.id = $1`,
      [id],
    );
    expect(row).toEqual({ status: 'merged', historical: true, merged: 'nsg:stod-for-utveckling' });
  });
});

describe('seed 002’s roles and the controller of seed 000', () => {
  it('the support roles and the cancer area’s roles can be held in a Blekinge LPO', async () => {
    const admin = await t.newAdmin();
    // Region Blekinge's LPO Cancersjukdomar (seed 002), where these roles give input to remisses.
    const group = await groupByKey('10:lpo:cancersjukdomar');
    for (const role of [
      'superkodare',
      'superanvandare',
      'kvalitetssamordnare',
      'lokal-patientprocessledare',
      'kontaktsjukskoterska',
      'svf-koordinator',
      'webbredaktor',
    ]) {
      const p = await buildDeclaredPerson(t.db, { homeOwner: '10' });
      const res = await appoint(admin, group, { personId: p.id, role, startDate: '2026-01-01', endDate: '2027-12-31' });
      expect(res.statusCode, `${role}: ${res.body}`).toBe(201);
    }
    const unknown = await appoint(admin, group, {
      personId: (await buildDeclaredPerson(t.db, { homeOwner: '10' })).id,
      role: 'hemlig-roll',
      startDate: '2026-01-01',
    });
    expect(unknown.statusCode).toBe(422);
  });

  it('a controller at an LPO comments its follow-up (analyses) and reads its report; a reader does not comment', async () => {
    const indicator = await buildIndicator(t.db);
    const lpo = await groupByKey('06:lpo:endokrina-sjukdomar');
    const controller = await t.newUser([{ role: 'controller', scopeType: 'group', scopeId: lpo }]);
    const reader = await t.newUser([{ role: 'lasare', scopeType: 'group', scopeId: lpo }]);
    const payload = { indicatorId: indicator.id, period: '2026-10', text: 'Andelen ökar efter införandet av rutinen.' };
    const url = `/api/v1/groups/${lpo}/followup-comments`;
    expect((await t.request({ method: 'PUT', url, as: reader, payload })).statusCode).toBe(403);
    const ok = await t.request({ method: 'PUT', url, as: controller, payload });
    expect(ok.statusCode, ok.body).toBeLessThan(300);
    const report = await t.request({ method: 'GET', url: `/api/v1/groups/${lpo}/followup-report?format=docx`, as: controller });
    expect(report.statusCode, report.body).toBe(200);
  });
});

describe('seed 000: the chair may be shared between primary care and specialised care', () => {
  it('each chair’s seat records its sector; two chairs from the same sector are a gap; a ledamot has no sector', async () => {
    const admin = await t.newAdmin();
    const lpo = await groupByKey('06:lpo:lung-och-allergisjukdomar');
    const [a, b] = [await buildDeclaredPerson(t.db, { homeOwner: '06' }), await buildDeclaredPerson(t.db, { homeOwner: '06' })];
    const first = await appoint(admin, lpo, {
      personId: a.id,
      role: 'ordforande',
      careSector: 'primarvard',
      startDate: '2026-01-01',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ careSector: 'primarvard', endDate: '2028-12-31' });
    const audit = await t.db.query<{ after: { careSector?: string } }>(
      `SELECT after FROM audit_events WHERE entity_id = $1 AND action = 'create'`,
      [first.json().id],
    );
    expect(audit[0]!.after.careSector).toBe('primarvard');
    const second = await appoint(admin, lpo, {
      personId: b.id,
      role: 'ordforande',
      careSector: 'primarvard',
      startDate: '2026-01-01',
    });
    expect(second.statusCode, second.body).toBe(201);
    const chairGap = (await composition(lpo)).gaps.find((g) => g.roles[0] === 'ordforande');
    expect(chairGap?.message).toBe(
      'Båda ordförandena kommer från primärvård; ett delat ordförandeskap har en från primärvård och en från specialiserad vård.',
    );
    const fixed = await t.request({
      method: 'PATCH',
      url: `/api/v1/memberships/${second.json().id}`,
      as: admin,
      payload: { careSector: 'specialiserad-vard', version: 1 },
    });
    expect(fixed.json()).toMatchObject({ careSector: 'specialiserad-vard', version: 2 });
    expect((await composition(lpo)).gaps.filter((g) => g.roles[0] === 'ordforande')).toEqual([]);

    const member = await appoint(admin, lpo, {
      personId: (await buildDeclaredPerson(t.db, { homeOwner: '06' })).id,
      role: 'ledamot',
      careSector: 'primarvard',
      startDate: '2026-01-01',
    });
    expect(problem(member).status).toBe(422);
    expect(problem(member).body.errors?.[0]?.path).toBe('careSector');
  });
});

describe('seed 004: municipal representatives where municipalities have a mandate', () => {
  it('NPO Psykisk hälsa lacks a kommunrepresentant (a gap in the report); NPO Hjärt- och kärl is not asked for one', async () => {
    const admin = await t.newAdmin();
    const psych = await groupByKey('npo:psykisk-halsa');
    const heart = await groupByKey('npo:hjart-och-karlsjukdomar');
    const missing = 'Kommunrepresentant saknas (regeln kräver minst 1).';
    expect((await composition(psych)).gaps.map((g) => g.message)).toContain(missing);
    expect((await composition(heart)).gaps.map((g) => g.message)).not.toContain(missing);
    const report = (
      await t.request({ method: 'GET', url: '/api/v1/composition/gaps?owner=national&date=2026-11-26', as: admin })
    ).json();
    const withMunicipalGap = report.items
      .filter((i: { gaps: { roles: string[] }[] }) => i.gaps.some((g) => g.roles.includes('kommunrepresentant')))
      .map((i: { groupName: string }) => i.groupName)
      .sort();
    expect(withMunicipalGap).toEqual([
      'NPO Barn och ungdomars hälsa',
      'NPO Levnadsvanor',
      'NPO Psykisk hälsa',
      'NPO Äldres hälsa och palliativ vård',
      'Nationellt primärvårdsråd',
    ]);
    const p = await buildDeclaredPerson(t.db, { homeOwner: '10', employer: 'Karlskrona kommun', employerType: 'municipality' });
    const seat = await appoint(admin, psych, {
      personId: p.id,
      role: 'kommunrepresentant',
      startDate: '2026-01-01',
      endDate: '2027-12-31',
    });
    expect(seat.statusCode, seat.body).toBe(201);
    expect((await composition(psych)).gaps.map((g) => g.message)).not.toContain(missing);
  });

  it('the list of program areas is data: an unknown area is refused', async () => {
    const admin = await t.newAdmin();
    const rules = (await t.request({ method: 'GET', url: '/api/v1/composition-rules', as: admin })).json().items as {
      programAreaIds: string[];
      sourceId: string | null;
    }[];
    expect(rules.find((r) => r.sourceId === 'seed-004' && r.programAreaIds.length > 0)?.programAreaIds).toHaveLength(5);
    const bad = await t.request({
      method: 'POST',
      url: '/api/v1/composition-rules',
      as: admin,
      payload: {
        groupKind: 'program-area',
        groupLevel: 'national',
        ruleType: 'role-count',
        roles: ['kommunrepresentant'],
        minCount: 1,
        programAreaIds: ['inget-sadant'],
        description: 'Prov',
      },
    });
    expect(problem(bad).status).toBe(422);
    expect(problem(bad).body.errors?.[0]?.path).toBe('programAreaIds');
  });
});

describe('seed 001: the RMPOs’ verksamhetsplan', () => {
  it('Sydöstra’s coordinator drafts a plan for RMPO Akut vård; a kunskapsråd makes none', async () => {
    const sydostra = await t.newUser([{ role: 'samordnare', scopeType: 'healthcare-region', scopeId: 'sydostra' }]);
    const rmpo = await groupByKey('sydostra:rmpo:akut-vard');
    const access = (await t.request({ method: 'GET', url: '/api/v1/planning/permissions', as: sydostra })).json();
    expect(access.planGroupIds).toContain(rmpo);
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/plans',
      as: sydostra,
      payload: { groupId: rmpo, startYear: 2027, title: 'Verksamhetsplan RMPO Akut vård 2027–2028', items: [] },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ groupId: rmpo, state: 'drafted' });
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_events WHERE entity_id = $1`, [
      created.json().id,
    ]);
    expect(audit.map((a) => a.action)).toEqual(['create']);
    const council = await t.db.query<{ id: string }>(
      `SELECT id FROM groups WHERE owner = 'sydostra' AND kind = 'council' ORDER BY reference_key LIMIT 1`,
    );
    const refused = await t.request({
      method: 'POST',
      url: '/api/v1/plans',
      as: sydostra,
      payload: { groupId: council[0]!.id, startYear: 2027, title: 'Plan', items: [] },
    });
    expect(problem(refused).status).toBe(422);
  });
});
