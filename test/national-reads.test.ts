/**
 * The national read paths of issue 20, for correctness on both databases (never timed; the
 * bench measures): the cases list paged newest first through its index, the heatmap's region
 * shares from the summary the triggers keep, and the knowledge supports' search through the
 * stored folded text. Each answer is compared with the plain definition of what it should be.
 */
import { describe, expect, it } from 'vitest';
import { repository as cases } from '../src/modules/cases/index.js';
import { heatmapQueries } from '../src/modules/implementation/index.js';
import { listSupports } from '../src/modules/knowledge/search-supports.js';
import { useTestDb } from './helpers/db.js';

const t = useTestDb();

describe('cases list, newest first by (year, sequence, region)', () => {
  it('pages through every visible case once, in order, with ties in sequence across regions', async () => {
    const db = t.db;
    // Three regions, two years, the same sequence numbers in each: the region breaks the tie.
    await db.query(
      `INSERT INTO cases (region_code, year, sequence, case_number, subject, origin, sender, received_date)
       SELECT r, y, s, 'T-' || r || '-' || y || '/' || s, 'Ärende ' || s, 'national', 'Avsändare', make_date(y, 3, 1)
       FROM unnest(ARRAY['01', '03', '14']) r, unnest(ARRAY[2025, 2026]) y, generate_series(1, 23) s`,
    );
    const key = (c: { year: number; sequence: number; region: string }) => [c.year, c.sequence, c.region] as const;
    const all = await db.query<{ year: number; sequence: number; region: string }>(
      `SELECT year, sequence, region_code AS region FROM cases WHERE case_number LIKE 'T-%'`,
    );
    const expected = (regions: string[]) =>
      all
        .filter((c) => regions.includes(c.region))
        .map(key)
        .sort((a, b) => b[0] - a[0] || b[1] - a[1] || (a[2] < b[2] ? 1 : a[2] > b[2] ? -1 : 0));

    for (const regionCodes of [['01', '03', '14'], ['03', '14'], ['14']]) {
      const seen: (readonly [number, number, string])[] = [];
      let after: [number, number, string] | undefined;
      for (let page = 0; page < 100; page++) {
        const rows = await cases.listCases(db, { regionCodes, limit: 10, ...(after ? { after } : {}) });
        const items = rows.slice(0, 10);
        seen.push(...items.map(key));
        if (rows.length <= 10) break;
        const last = items[items.length - 1]!;
        after = [last.year, last.sequence, last.region];
      }
      expect(seen).toEqual(expected(regionCodes));
    }

    // One region by the region filter, and one year.
    const one = await cases.listCases(db, { regionCodes: ['01', '03', '14'], region: '03', year: 2025, limit: 100 });
    expect(one.map(key)).toEqual(expected(['03']).filter((k) => k[0] === 2025));
  });
});

/** The region shares as the heatmap computed them before the summary: an aggregate over the current cells. */
async function sharesByAggregate(db: typeof t.db, f: { programArea?: string; type?: string; kind?: string }) {
  const rows = await db.query<{ region_code: string; implemented: number; with_status: number }>(
    `SELECT s.region_code, count(*) FILTER (WHERE s.status IN ('inford', 'uppfoljd'))::int AS implemented, count(*)::int AS with_status
     FROM implementation_statuses s JOIN knowledge_supports k ON k.id = s.support_id
     WHERE ${f.kind ? 's.is_current_kind AND s.kind = $3' : 's.is_current AND $3::text IS NULL'}
       AND k.status NOT IN ('under-framtagande', 'pa-remiss')
       AND ($1::text IS NULL OR EXISTS (SELECT 1 FROM knowledge_support_program_areas pa WHERE pa.support_id = k.id AND pa.program_area_id = $1))
       AND ($2::text IS NULL OR k.type = $2)
     GROUP BY s.region_code`,
    [f.programArea ?? null, f.type ?? null, f.kind ?? null],
  );
  return sorted(rows);
}
const sorted = (rows: { region_code: string; implemented: number; with_status: number }[]) =>
  rows
    .map((r) => ({ region: r.region_code, implemented: Number(r.implemented), withStatus: Number(r.with_status) }))
    .sort((a, b) => (a.region < b.region ? -1 : 1));

describe('heatmap region shares from the summary (migration 0032)', () => {
  it('equal the aggregate over the current cells after every kind of write', async () => {
    const db = t.db;
    const areas = (await db.query<{ id: string }>('SELECT id FROM program_areas ORDER BY id LIMIT 3')).map((r) => r.id);
    const filters = [
      {},
      { type: 'vardprogram' },
      { programArea: areas[0]! },
      { programArea: areas[1]!, type: 'vardforlopp' },
      { kind: 'implement' },
      { kind: 'phase-out', programArea: areas[2]! },
    ];
    const check = async (step: string) => {
      for (const f of filters) {
        const summary = sorted(await heatmapQueries.regionShares(db, f as Parameters<typeof heatmapQueries.regionShares>[1]));
        expect(summary, `${step}: ${JSON.stringify(f)}`).toEqual(await sharesByAggregate(db, f));
      }
    };
    // Supports of two types in three program areas, one or two versions, statuses in bulk.
    await db.query(
      `INSERT INTO knowledge_supports (type, title, status, producer_name)
       SELECT (ARRAY['vardprogram', 'vardforlopp'])[1 + g % 2], 'Andelsstöd ' || g, 'publicerad', 'Test'
       FROM generate_series(1, 12) g`,
    );
    await db.query(
      `INSERT INTO knowledge_support_program_areas (support_id, program_area_id)
       SELECT k.id, a FROM knowledge_supports k, unnest($1::text[]) WITH ORDINALITY AS x(a, i)
       WHERE k.title LIKE 'Andelsstöd %' AND (abs(hashtext(k.title)) + i) % 2 = 0`,
      [areas],
    );
    await db.query(
      `INSERT INTO knowledge_support_versions (support_id, label, status, created_at)
       SELECT id, '1.0', 'publicerad', now() - interval '1 day' FROM knowledge_supports WHERE title LIKE 'Andelsstöd %'`,
    );
    const states = ['ej-paborjad', 'planerad', 'pagaende', 'inford', 'uppfoljd'];
    await db.query(
      `INSERT INTO implementation_statuses (support_id, support_version_id, region_code, unit_key, kind, status, updated_by)
       SELECT v.support_id, v.id, r, '', (ARRAY['implement', 'phase-out'])[1 + abs(hashtext(v.id::text || r)) % 2],
              ($1::text[])[1 + abs(hashtext(r || v.id::text)) % 5], 'test'
       FROM knowledge_support_versions v JOIN knowledge_supports k ON k.id = v.support_id AND k.title LIKE 'Andelsstöd %'
       CROSS JOIN unnest(ARRAY['01', '03', '14', '25']) r`,
      [states],
    );
    expect(await sharesByAggregate(db, {})).toHaveLength(4);
    await check('bulk insert');

    // A newer version of two supports gets a status in one region: its cell replaces the old one.
    await db.query(
      `INSERT INTO knowledge_support_versions (support_id, label, status)
       SELECT id, '2.0', 'publicerad' FROM knowledge_supports WHERE title IN ('Andelsstöd 1', 'Andelsstöd 2')`,
    );
    await db.query(
      `INSERT INTO implementation_statuses (support_id, support_version_id, region_code, unit_key, kind, status, updated_by)
       SELECT v.support_id, v.id, '14', '', 'implement', 'inford', 'test'
       FROM knowledge_support_versions v WHERE v.label = '2.0'`,
    );
    await check('newer version');

    await db.query(`UPDATE implementation_statuses SET status = 'uppfoljd' WHERE region_code = '03' AND status = 'planerad'`);
    await db.query(`UPDATE implementation_statuses SET notes = 'bara en anteckning' WHERE region_code = '01'`);
    await check('status and notes changed');

    await db.query(`UPDATE knowledge_supports SET type = 'vardforlopp' WHERE title = 'Andelsstöd 4'`);
    await db.query(`UPDATE knowledge_supports SET status = 'under-framtagande' WHERE title = 'Andelsstöd 5'`);
    await check('support type and status changed');

    await db.query(
      `DELETE FROM knowledge_support_program_areas WHERE support_id IN (SELECT id FROM knowledge_supports WHERE title = 'Andelsstöd 6')`,
    );
    await db.query(
      `INSERT INTO knowledge_support_program_areas (support_id, program_area_id)
       SELECT id, $1 FROM knowledge_supports WHERE title = 'Andelsstöd 7' ON CONFLICT DO NOTHING`,
      [areas[2]],
    );
    await check('program areas changed');

    await db.query(
      `DELETE FROM implementation_statuses WHERE support_version_id IN (SELECT id FROM knowledge_support_versions WHERE label = '2.0')`,
    );
    await db.query(`DELETE FROM implementation_statuses WHERE region_code = '25'`);
    await check('statuses deleted');
  });
});

describe('knowledge support search through the stored folded text (migration 0031)', () => {
  it('finds words through full text, folded substrings, common endings and the producer group; stop words match all', async () => {
    const db = t.db;
    await db.query(
      `INSERT INTO knowledge_supports (type, title, status, producer_name, summary) VALUES
         ('vardprogram', 'Vårdprogram för astma hos barn', 'publicerad', 'NPO lung', 'Om astman och dess behandling.'),
         ('vardforlopp', 'Standardiserat vårdförlopp för ögonsjukdomar', 'publicerad', 'RCC', NULL),
         ('vardprogram', 'Kunskapsstöd om hjärtsvikt', 'publicerad', NULL, 'Sammanfattning om ÖGON och hjärta')`,
    );
    const titles = async (q: string) =>
      (await listSupports(db, { q, limit: 50 }))
        .map((r) => r.title)
        .filter((x) => /astma|ögon|hjärtsvikt/i.test(x))
        .sort();
    expect(await titles('astman')).toEqual(['Vårdprogram för astma hos barn']);
    expect(await titles('ogon')).toEqual(['Kunskapsstöd om hjärtsvikt', 'Standardiserat vårdförlopp för ögonsjukdomar']);
    expect(await titles('vårdförl')).toEqual(['Standardiserat vårdförlopp för ögonsjukdomar']);
    expect(await titles('HJÄRTSVIKT')).toEqual(['Kunskapsstöd om hjärtsvikt']);
    expect(await titles('om hjärtsvikt')).toEqual(['Kunskapsstöd om hjärtsvikt']);
    expect(await titles('astma barn')).toEqual(['Vårdprogram för astma hos barn']);
    expect(await titles('astma ögon')).toEqual([]);
    expect(await titles('npo')).toEqual(['Vårdprogram för astma hos barn']);
  });
});
