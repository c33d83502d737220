import { describe, expect, it } from 'vitest';
import { buildGroup, buildLpo } from '../src/testing/builders.js';
import { problem, useTestApp, type Session } from './helpers/app.js';

const t = useTestApp();
const nationalGroupId = async (area: string) =>
  (await t.db.query<{ id: string }>(`SELECT id FROM groups WHERE reference_key = $1`, [`npo:${area}`]))[0]!.id;
const post = (as: Session | undefined, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: '/api/v1/groups', ...(as ? { as } : {}), payload });

describe('creating groups and mirroring by program area', () => {
  it('an RPO created by a coordinator of its healthcare region mirrors the NPO of its area automatically', async () => {
    const c = await t.newUser([{ role: 'samordnare', scopeType: 'healthcare-region', scopeId: 'norra' }]);
    const res = await post(c, {
      kind: 'program-area',
      level: 'healthcare-region',
      owner: 'norra',
      name: 'RPO Ögonsjukdomar',
      programAreaIds: ['ogonsjukdomar'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const rpo = res.json();
    expect(rpo).toMatchObject({
      owner: 'norra',
      mirrorsGroupId: await nationalGroupId('ogonsjukdomar'),
      status: 'active',
      version: 1,
      permissions: { edit: true },
    });
    const audit = await t.db.query<{ action: string; actor_user_id: string }>(
      `SELECT action, actor_user_id FROM audit_events WHERE entity_id = $1`,
      [rpo.id],
    );
    expect(audit).toEqual([{ action: 'create', actor_user_id: c.userId }]);

    const lpoRes = await post(await t.newAdmin(), {
      kind: 'program-area',
      level: 'region',
      owner: '25',
      name: 'LPO Ögon',
      programAreaIds: ['ogonsjukdomar'],
    });
    expect(lpoRes.json().mirrorsGroupId).toBe(rpo.id);
    const detail = (await t.request({ method: 'GET', url: `/api/v1/groups/${rpo.id}` })).json();
    expect(detail.mirrors).toMatchObject({ id: await nationalGroupId('ogonsjukdomar') });
    expect(detail.mirroredBy.map((g: { name: string }) => g.name)).toEqual(['LPO Ögon']);
  });

  it('refuses a mirror that breaks the rules with 422 naming the rule, and writes nothing', async () => {
    const admin = await t.newAdmin();
    const rpoNorra = (
      await post(admin, {
        kind: 'program-area',
        level: 'healthcare-region',
        owner: 'norra',
        name: 'RPO Tandvård',
        programAreaIds: ['tandvard'],
      })
    ).json();
    const wrongRegion = problem(
      await post(admin, {
        kind: 'program-area',
        level: 'region',
        owner: '05',
        name: 'LPO Tandvård',
        programAreaIds: ['tandvard'],
        mirrorsGroupId: rpoNorra.id,
      }),
    );
    expect(wrongRegion.status).toBe(422);
    expect(wrongRegion.body.errors).toEqual([
      { path: 'mirrorsGroupId', message: expect.stringContaining('egen sjukvårdsregion (sydostra)') },
    ]);
    const skipLevel = problem(
      await post(admin, {
        kind: 'program-area',
        level: 'region',
        owner: '22',
        name: 'LPO Tandvård',
        programAreaIds: ['tandvard'],
        mirrorsGroupId: await nationalGroupId('tandvard'),
      }),
    );
    expect(skipLevel.body.errors?.[0]?.message).toMatch(/sjukvårdsregional nivå/);
    const otherArea = problem(
      await post(admin, {
        kind: 'program-area',
        level: 'region',
        owner: '22',
        name: 'LPO Psyk',
        programAreaIds: ['psykisk-halsa'],
        mirrorsGroupId: rpoNorra.id,
      }),
    );
    expect(otherArea.body.errors?.[0]?.message).toMatch(/samma programområde/);
    expect(
      await t.db.query(`SELECT 1 FROM groups WHERE owner IN ('05', '22') AND name IN ('LPO Tandvård', 'LPO Psyk')`),
    ).toHaveLength(0);
  });

  it('refuses unknown owners and program areas with 422, and an unknown parent with 404 (as its GET)', async () => {
    const admin = await t.newAdmin();
    expect(problem(await post(admin, { kind: 'forum', level: 'region', owner: '99', name: 'X' })).body.errors?.[0]?.path).toBe(
      'owner',
    );
    expect(
      problem(
        await post(admin, { kind: 'program-area', level: 'region', owner: '06', name: 'X', programAreaIds: ['ogonssjukdomar'] }),
      ).body.errors?.[0]?.path,
    ).toBe('programAreaIds.0');
    expect(
      problem(
        await post(admin, {
          kind: 'forum',
          level: 'region',
          owner: '06',
          name: 'X',
          parentGroupId: '00000000-0000-4000-8000-000000000000',
        }),
      ).status,
    ).toBe(404);
    expect(problem(await post(admin, { kind: 'kommitté', level: 'region', owner: '06', name: 'X' })).status).toBe(422);
  });

  it('refuses a second active program-area group for one area at one owner, unless it is a sub-group', async () => {
    const admin = await t.newAdmin();
    await buildLpo(t.db, { region: '20', programAreaId: 'levnadsvanor', name: 'LPO Levnadsvanor' });
    const dup = problem(
      await post(admin, {
        kind: 'program-area',
        level: 'region',
        owner: '20',
        name: 'LPO Levnadsvanor 2',
        programAreaIds: ['levnadsvanor'],
      }),
    );
    expect(dup.status).toBe(422);
    expect(dup.body.detail).toContain('LPO Levnadsvanor');
    const sub = await post(admin, {
      kind: 'program-area',
      level: 'region',
      owner: '20',
      name: 'Delgrupp tobak',
      programAreaIds: ['levnadsvanor'],
      isSubGroup: true,
    });
    expect(sub.statusCode).toBe(201);
  });
});

describe('permissions on the structure', () => {
  it("a coordinator of one region cannot create or edit another region's groups (403), nor national ones", async () => {
    const kalmar = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '08' }]);
    const own = await post(kalmar, { kind: 'forum', level: 'region', owner: '08', name: 'Beredningsforum Kalmar' });
    expect(own.statusCode).toBe(201);
    expect(
      (await post(kalmar, { kind: 'forum', level: 'region', owner: '05', name: 'Beredningsforum Östergötland' })).statusCode,
    ).toBe(403);
    expect(
      (await post(kalmar, { kind: 'forum', level: 'national', owner: 'national', name: 'Nationellt forum' })).statusCode,
    ).toBe(403);
    const other = await buildGroup(t.db, { kind: 'forum', level: 'region', owner: '05', name: 'Forum Östergötland' });
    const patch = await t.request({
      method: 'PATCH',
      url: `/api/v1/groups/${other.id}`,
      as: kalmar,
      headers: { 'if-match': '1' },
      payload: { name: 'Kapat' },
    });
    expect(patch.statusCode).toBe(403);
    const seen = (await t.request({ method: 'GET', url: `/api/v1/groups/${other.id}`, as: kalmar })).json();
    expect(seen.group).toMatchObject({ name: 'Forum Östergötland', permissions: { edit: false } });
    expect((await post(undefined, { kind: 'forum', level: 'region', owner: '08', name: 'Anonym' })).statusCode).toBe(401);
  });

  it('a healthcare-region coordinator may edit groups of its member regions, Halland from either side', async () => {
    const vastra = await t.newUser([{ role: 'samordnare', scopeType: 'healthcare-region', scopeId: 'vastra' }]);
    expect((await post(vastra, { kind: 'forum', level: 'region', owner: '13', name: 'Forum Halland' })).statusCode).toBe(201);
    expect((await post(vastra, { kind: 'forum', level: 'region', owner: '12', name: 'Forum Skåne' })).statusCode).toBe(403);
  });
});

describe('editing, closing and merging keep history', () => {
  it('updates with If-Match; stale → 409 with nothing changed', async () => {
    const admin = await t.newAdmin();
    const g = (await post(admin, { kind: 'council', level: 'region', owner: '03', name: 'Kunskapsråd Uppsala' })).json();
    const ok = await t.request({
      method: 'PATCH',
      url: `/api/v1/groups/${g.id}`,
      as: admin,
      headers: { 'if-match': '"1"' },
      payload: { shortName: 'KR', contactEmail: 'kr@example.se' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ shortName: 'KR', version: 2 });
    const stale = await t.request({
      method: 'PATCH',
      url: `/api/v1/groups/${g.id}`,
      as: admin,
      headers: { 'if-match': '"1"' },
      payload: { name: 'Fel' },
    });
    expect(stale.statusCode).toBe(409);
    expect((await t.db.query<{ name: string }>('SELECT name FROM groups WHERE id = $1', [g.id]))[0]!.name).toBe(
      'Kunskapsråd Uppsala',
    );
  });

  it('closing is refused (409, naming what blocks) while active groups report to it; then closes and stays readable', async () => {
    const admin = await t.newAdmin();
    const lpo = (
      await post(admin, {
        kind: 'program-area',
        level: 'region',
        owner: '04',
        name: 'LPO Hud',
        programAreaIds: ['hud-och-konssjukdomar'],
      })
    ).json();
    const lag = (
      await post(admin, {
        kind: 'working-group',
        level: 'region',
        owner: '04',
        name: 'LAG Psoriasis',
        parentGroupId: lpo.id,
        parentRelation: 'appointed-by',
      })
    ).json();
    const blocked = problem(
      await t.request({
        method: 'POST',
        url: `/api/v1/groups/${lpo.id}/close`,
        as: admin,
        headers: { 'if-match': '1' },
        payload: { endDate: '2026-12-31' },
      }),
    );
    expect(blocked.status).toBe(409);
    expect(blocked.body.detail).toContain('LAG Psoriasis');
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/groups/${lag.id}/close`,
          as: admin,
          headers: { 'if-match': '1' },
          payload: { endDate: '2026-12-31' },
        })
      ).statusCode,
    ).toBe(200);
    const closed = await t.request({
      method: 'POST',
      url: `/api/v1/groups/${lpo.id}/close`,
      as: admin,
      headers: { 'if-match': '1' },
      payload: { endDate: '2026-12-31', reason: 'Ersätts' },
    });
    expect(closed.json()).toMatchObject({
      status: 'closed',
      endDate: '2026-12-31',
      closedReason: 'Ersätts',
      permissions: { edit: false },
    });
    const gaps = (await t.request({ method: 'GET', url: '/api/v1/mirroring/gaps?owner=04' })).json();
    expect(gaps.missing.map((m: { programAreaId: string }) => m.programAreaId)).toContain('hud-och-konssjukdomar');
    expect(
      (
        await t.request({
          method: 'PATCH',
          url: `/api/v1/groups/${lpo.id}`,
          as: admin,
          headers: { 'if-match': '2' },
          payload: { name: 'x' },
        })
      ).statusCode,
    ).toBe(409);
  });

  it('merging ends one group, points it at the survivor and moves its working groups', async () => {
    const admin = await t.newAdmin();
    const a = (await post(admin, { kind: 'forum', level: 'region', owner: '17', name: 'Forum A' })).json();
    const b = (await post(admin, { kind: 'forum', level: 'region', owner: '17', name: 'Forum B' })).json();
    const child = (
      await post(admin, { kind: 'working-group', level: 'region', owner: '17', name: 'Arbetsgrupp', parentGroupId: a.id })
    ).json();
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/groups/${a.id}/merge`,
      as: admin,
      payload: { intoGroupId: b.id, endDate: '2026-11-30', version: 1 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'merged', mergedIntoGroupId: b.id });
    expect((await t.request({ method: 'GET', url: `/api/v1/groups/${child.id}` })).json().group.parentGroupId).toBe(b.id);
    const other = (await post(admin, { kind: 'forum', level: 'region', owner: '18', name: 'Forum C' })).json();
    expect(
      problem(
        await t.request({
          method: 'POST',
          url: `/api/v1/groups/${b.id}/merge`,
          as: admin,
          payload: { intoGroupId: other.id, endDate: '2026-11-30', version: 1 },
        }),
      ).status,
    ).toBe(422);
  });

  it('keeps every revision of the mandate with who changed it', async () => {
    const c = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '21' }]);
    const g = (
      await post(c, {
        kind: 'council',
        level: 'region',
        owner: '21',
        name: 'Kunskapsråd Gävleborg',
        mandate: '# Uppdrag\n\nFörsta.',
      })
    ).json();
    const second = await t.request({
      method: 'PUT',
      url: `/api/v1/groups/${g.id}/mandate`,
      as: c,
      payload: { text: '# Uppdrag\n\nAndra.', basedOnRevision: 1 },
    });
    expect(second.json()).toMatchObject({ revision: 2, changedBy: c.userId });
    expect(
      (
        await t.request({
          method: 'PUT',
          url: `/api/v1/groups/${g.id}/mandate`,
          as: c,
          payload: { text: 'Tappad', basedOnRevision: 1 },
        })
      ).statusCode,
    ).toBe(409);
    const revs = (await t.request({ method: 'GET', url: `/api/v1/groups/${g.id}/mandate/revisions` })).json();
    expect(revs.items.map((r: { revision: number; text: string }) => [r.revision, r.text.split('\n').at(-1)])).toEqual([
      [2, 'Andra.'],
      [1, 'Första.'],
    ]);
  });
});

describe('mirroring gaps, matrix, search, hosting', () => {
  it('GET /api/v1/mirroring/gaps lists the national program areas without an active group, and deliberate coverage apart', async () => {
    const admin = await t.newAdmin();
    const all = (await t.request({ method: 'GET', url: '/api/v1/mirroring/gaps?owner=09' })).json();
    expect(all.owner).toBe('09');
    expect(all.missing).toHaveLength(26);
    expect(all.missing[0]).toEqual({ programAreaId: 'akut-vard', name: 'Akut vård' });
    expect(all.missing.at(-1).name).toBe('Öron-, näs- och halssjukdomar');
    await post(admin, {
      kind: 'program-area',
      level: 'region',
      owner: '09',
      name: 'LPO Akut',
      programAreaIds: ['akut-vard', 'kirurgi-och-plastikkirurgi'],
    });
    const council = (await post(admin, { kind: 'council', level: 'region', owner: '09', name: 'Råd' })).json();
    expect(
      (
        await t.request({
          method: 'PUT',
          url: '/api/v1/mirroring/coverage',
          as: admin,
          payload: { owner: '09', programAreaId: 'tandvard', groupId: council.id },
        })
      ).statusCode,
    ).toBe(204);
    const after = (await t.request({ method: 'GET', url: '/api/v1/mirroring/gaps?owner=09' })).json();
    expect(after.missing).toHaveLength(23);
    expect(after.covered).toEqual([{ programAreaId: 'tandvard', name: 'Tandvård', groupId: council.id }]);
    expect(problem(await t.request({ method: 'GET', url: '/api/v1/mirroring/gaps?owner=99' })).status).toBe(422);
    expect(problem(await t.request({ method: 'GET', url: '/api/v1/mirroring/gaps' })).status).toBe(400);
  });

  it('the matrix has 26 rows × 6 healthcare regions, or × the regions of one', async () => {
    const m = (await t.request({ method: 'GET', url: '/api/v1/mirroring/matrix' })).json();
    expect(m.columns).toHaveLength(6);
    expect(m.rows).toHaveLength(26);
    const sodra = (await t.request({ method: 'GET', url: '/api/v1/mirroring/matrix?healthcareRegion=sodra' })).json();
    expect(sodra.columns.map((c: { owner: string }) => c.owner)).toEqual(['07', '10', '12', '13']);
  });

  it('search forgives case and diacritics: "ogon" finds Ögonsjukdomar groups', async () => {
    const { items } = (await t.request({ method: 'GET', url: '/api/v1/groups?q=ogon' })).json();
    expect(items.map((g: { name: string }) => g.name)).toContain('NPO Ögonsjukdomar');
    const byArea = (
      await t.request({ method: 'GET', url: `/api/v1/groups?q=${encodeURIComponent('ÖRON')}&level=national` })
    ).json();
    expect(byArea.items.map((g: { programAreaIds: string[] }) => g.programAreaIds[0])).toContain('oron-nas-och-halssjukdomar');
  });

  it('lists national hosting and local hosts', async () => {
    await buildLpo(t.db, { region: '23', programAreaId: 'akut-vard' });
    await buildGroup(t.db, {
      kind: 'program-area',
      level: 'region',
      owner: '23',
      programAreaIds: ['tandvard'],
      hostDescription: 'Hälso- och sjukvårdsdirektör',
    });
    const h = (await t.request({ method: 'GET', url: '/api/v1/hosting' })).json();
    expect(h.national.find((n: { programAreaId: string }) => n.programAreaId === 'psykisk-halsa')).toMatchObject({
      hostHealthcareRegionId: 'vastra',
    });
    expect(h.local.find((l: { owner: string }) => l.owner === '23')).toMatchObject({
      hostDescription: 'Hälso- och sjukvårdsdirektör',
    });
  });
});
