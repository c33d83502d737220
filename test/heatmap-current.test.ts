/**
 * The heatmap's current cells (migration 0018): each support's region-wide status of its newest
 * version that has one, kept by triggers in the same transaction as every status write. After
 * each change the API's cell must be that status, and the flags must agree with the DISTINCT ON
 * sort they replace.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKnowledgeSupport, buildLpo } from '../src/testing/builders.js';
import { useTestApp, type Session } from './helpers/app.js';

const t = useTestApp();
let admin: Session;
let blekinge: Session;
let kalmar: Session;

beforeAll(async () => {
  admin = await t.newAdmin();
  blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
  kalmar = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '08' }]);
});

interface Heatmap {
  total: number;
  regions: { code: string }[];
  supports: { id: string; statuses: (string | null)[]; implementedShare: number | null }[];
  regionShares: { code: string; implemented: number; withStatus: number; share: number | null }[];
}

const heatmap = async (query: string): Promise<Heatmap> => {
  const res = await t.request({ method: 'GET', url: `/api/v1/implementation/heatmap?${query}` });
  expect(res.statusCode).toBe(200);
  return res.json();
};

const cell = async (q: string, region: string, extra = '') => {
  const h = await heatmap(`q=${encodeURIComponent(q)}${extra}`);
  expect(h.supports).toHaveLength(1);
  return h.supports[0]!.statuses[h.regions.findIndex((r) => r.code === region)];
};

async function create(as: Session, payload: Record<string, unknown>) {
  const res = await t.request({ method: 'POST', url: '/api/v1/implementation-statuses', as, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; version: number }>();
}

async function change(as: Session, s: { id: string; version: number }, payload: Record<string, unknown>) {
  const res = await t.request({
    method: 'PATCH',
    url: `/api/v1/implementation-statuses/${s.id}`,
    as,
    payload: { ...payload, version: s.version },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ id: string; version: number }>();
}

const latest = async (id: string) =>
  (await t.request({ method: 'GET', url: `/api/v1/implementation-statuses/${id}`, as: blekinge })).json<{
    id: string;
    version: number;
  }>();

/** The flagged rows must be exactly what the DISTINCT ON sort (the old way) picks. */
async function expectFlagsAgreeWithSort() {
  const sorted = await t.db.query<{ id: string }>(
    `SELECT DISTINCT ON (s.support_id, s.region_code) s.id
     FROM implementation_statuses s JOIN knowledge_support_versions v ON v.id = s.support_version_id
     WHERE s.unit_key = '' ORDER BY s.support_id, s.region_code, v.created_at DESC, v.id DESC`,
  );
  const flagged = await t.db.query<{ id: string }>(`SELECT id FROM implementation_statuses WHERE is_current`);
  expect(flagged.map((r) => r.id).sort()).toEqual(sorted.map((r) => r.id).sort());
  const sortedKind = await t.db.query<{ id: string }>(
    `SELECT DISTINCT ON (s.support_id, s.region_code, s.kind) s.id
     FROM implementation_statuses s JOIN knowledge_support_versions v ON v.id = s.support_version_id
     WHERE s.unit_key = '' ORDER BY s.support_id, s.region_code, s.kind, v.created_at DESC, v.id DESC`,
  );
  const flaggedKind = await t.db.query<{ id: string }>(`SELECT id FROM implementation_statuses WHERE is_current_kind`);
  expect(flaggedKind.map((r) => r.id).sort()).toEqual(sortedKind.map((r) => r.id).sort());
}

describe('the heatmap cell of a support and region', () => {
  it('follows status changes, a newer version getting a status, "ej aktuell" and LPO rows', async () => {
    const title = 'Vård vid förmaksflimmer (aktuell cell)';
    const support = await buildKnowledgeSupport(t.db, {
      status: 'publicerad',
      title,
      programAreaIds: ['hjart-och-karlsjukdomar'],
    });
    const v1 = support.firstVersionId!;

    let old = await create(blekinge, { supportVersionId: v1, regionCode: '10', status: 'planerad' });
    expect(await cell(title, '10')).toBe('planerad');
    old = await change(blekinge, old, { status: 'pagaende' });
    expect(await cell(title, '10')).toBe('pagaende');
    // Notes only: the cell stays.
    old = await change(blekinge, old, { notes: 'Utbildning av personalen pågår.' });
    expect(await cell(title, '10')).toBe('pagaende');

    // A newer version without a status of its own: the older version's status still shows.
    const v2res = await t.request({
      method: 'POST',
      url: `/api/v1/knowledge-supports/${support.id}/versions`,
      as: admin,
      payload: { label: '2.0' },
    });
    expect(v2res.statusCode, v2res.body).toBe(201);
    const v2 = v2res.json<{ id: string }>().id;
    expect(await cell(title, '10')).toBe('pagaende');
    await expectFlagsAgreeWithSort();

    // The newer version gets a status: it takes the cell.
    let neu = await create(blekinge, { supportVersionId: v2, regionCode: '10', status: 'gap-analys' });
    expect(await cell(title, '10')).toBe('gap-analys');
    // The older version moves on: the cell stays with the newer version.
    await change(blekinge, old, { status: 'inford', actualDone: '2026-10-01' });
    expect(await cell(title, '10')).toBe('gap-analys');
    // An LPO's own row never becomes the region's cell.
    const lpo = await buildLpo(t.db, { region: '10', programAreaId: 'hjart-och-karlsjukdomar' });
    await create(blekinge, {
      supportVersionId: v2,
      regionCode: '10',
      groupId: lpo.id,
      status: 'uppfoljd',
      actualDone: '2026-09-01',
    });
    expect(await cell(title, '10')).toBe('gap-analys');
    await expectFlagsAgreeWithSort();

    // "Ej aktuell" on the newer version: shown, and left out of the support's share.
    neu = await change(blekinge, neu, { status: 'ej-aktuell', notApplicableReason: 'Ingen sådan vård i regionen' });
    expect(await cell(title, '10')).toBe('ej-aktuell');
    let h = await heatmap(`q=${encodeURIComponent(title)}`);
    expect(h.supports[0]!.implementedShare).toBeNull();
    // …and back.
    await change(blekinge, neu, { status: 'gap-analys' });
    expect(await cell(title, '10')).toBe('gap-analys');

    // Kalmar: the older version records phasing out, the newer one implementing. Without a kind
    // the newest version shows; with a kind, that kind's newest version.
    await create(kalmar, { supportVersionId: v1, regionCode: '08', kind: 'phase-out', status: 'planerad' });
    expect(await cell(title, '08')).toBe('planerad');
    expect(await cell(title, '08', '&kind=implement')).toBeNull();
    await create(kalmar, { supportVersionId: v2, regionCode: '08', status: 'inford', actualDone: '2026-11-01' });
    expect(await cell(title, '08')).toBe('inford');
    expect(await cell(title, '08', '&kind=phase-out')).toBe('planerad');
    expect(await cell(title, '08', '&kind=implement')).toBe('inford');
    await expectFlagsAgreeWithSort();

    // The region shares come from the same cells: Kalmar has one implemented, Blekinge none.
    h = await heatmap(`q=${encodeURIComponent(title)}`);
    const share = (code: string) => h.regionShares.find((r) => r.code === code)!;
    expect(share('08')).toMatchObject({ implemented: 1, withStatus: 1, share: 1 });
    expect(share('10')).toMatchObject({ implemented: 0, withStatus: 1, share: 0 });
  });

  it('is right after bulk writes and deletes, which go past the use cases', async () => {
    const title = 'Bulkstöd (aktuell cell)';
    const support = await buildKnowledgeSupport(t.db, { status: 'publicerad', title });
    const bulk = (versionId: string, status: string) =>
      t.db.query(
        `INSERT INTO implementation_statuses (support_id, support_version_id, region_code, unit_key, status)
         SELECT $1, $2, code, '', $3 FROM regions`,
        [support.id, versionId, status],
      );
    await bulk(support.firstVersionId!, 'planerad');
    const v2 = await t.request({
      method: 'POST',
      url: `/api/v1/knowledge-supports/${support.id}/versions`,
      as: admin,
      payload: { label: '2.0' },
    });
    expect(v2.statusCode, v2.body).toBe(201);
    await bulk(v2.json<{ id: string }>().id, 'gap-analys');
    let h = await heatmap(`q=${encodeURIComponent(title)}`);
    expect(h.supports[0]!.statuses).toEqual(Array(21).fill('gap-analys'));
    await expectFlagsAgreeWithSort();

    // Removing the newer version's row in one region gives the cell back to the older one.
    await t.db.query(`DELETE FROM implementation_statuses WHERE support_version_id = $1 AND region_code = '10'`, [
      v2.json<{ id: string }>().id,
    ]);
    expect(await cell(title, '10')).toBe('planerad');
    h = await heatmap(`q=${encodeURIComponent(title)}`);
    expect(h.supports[0]!.statuses.filter((x) => x === 'gap-analys')).toHaveLength(20);
    await expectFlagsAgreeWithSort();
  });

  it('stays right when writers of one cell run at once (PostgreSQL runs them concurrently)', async () => {
    const title = 'Samtidiga skrivningar (aktuell cell)';
    const support = await buildKnowledgeSupport(t.db, { status: 'publicerad', title });
    const v2 = await t.request({
      method: 'POST',
      url: `/api/v1/knowledge-supports/${support.id}/versions`,
      as: admin,
      payload: { label: '2.0' },
    });
    const v2id = v2.json<{ id: string }>().id;
    // The first registrations of both versions at once, then changes to both rows at once.
    const [a, b] = await Promise.all([
      create(blekinge, { supportVersionId: support.firstVersionId, regionCode: '10', status: 'planerad' }),
      create(blekinge, { supportVersionId: v2id, regionCode: '10', status: 'gap-analys' }),
    ]);
    await expectFlagsAgreeWithSort();
    for (let i = 0; i < 3; i++) {
      const [x, y] = await Promise.all([
        change(blekinge, await latest(a.id), { status: i % 2 ? 'planerad' : 'pagaende' }),
        change(blekinge, await latest(b.id), { status: i % 2 ? 'gap-analys' : 'planerad' }),
      ]);
      expect([x.id, y.id]).toEqual([a.id, b.id]);
      await expectFlagsAgreeWithSort();
    }
    expect(await cell(title, '10')).toBe('planerad');
  });

  it('computes region shares as of a date over all matching supports, not the page shown', async () => {
    const a = await buildKnowledgeSupport(t.db, { status: 'publicerad', title: 'Datumstöd A', programAreaIds: ['akut-vard'] });
    const b = await buildKnowledgeSupport(t.db, { status: 'publicerad', title: 'Datumstöd B', programAreaIds: ['akut-vard'] });
    await create(kalmar, { supportVersionId: a.firstVersionId, regionCode: '08', status: 'inford', actualDone: '2026-01-10' });
    await create(kalmar, { supportVersionId: b.firstVersionId, regionCode: '08', status: 'planerad' });
    const current = await heatmap('programArea=akut-vard&limit=1');
    const asOf = await heatmap('programArea=akut-vard&limit=1&date=2100-01-01');
    expect(asOf.supports).toHaveLength(1);
    const kalmarShare = (h: Heatmap) => h.regionShares.find((r) => r.code === '08');
    expect(kalmarShare(asOf)).toEqual({ code: '08', implemented: 1, withStatus: 2, share: 0.5 });
    expect(asOf.regionShares).toEqual(current.regionShares);
    // Before any status existed: nothing.
    const before = await heatmap('programArea=akut-vard&limit=1&date=2000-01-01');
    expect(kalmarShare(before)).toEqual({ code: '08', implemented: 0, withStatus: 0, share: null });
  });
});
