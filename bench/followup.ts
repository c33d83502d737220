/**
 * The follow-up scenario of `npm run bench`: thousands of knowledge supports with an
 * implementation status in most regions (the national heatmap), and one monthly indicator
 * with ten years of values for all 21 regions and the nation (the series endpoint with its
 * run and control chart analysis). Rows are written in bulk with the same columns and rules
 * as the use cases; generating them one use case at a time would only measure the generator.
 */
import type { Db } from '../src/platform/db/index.js';

export interface FollowupSize {
  supports: number;
  /** Share of regions with a status per support, in tenths (8 = 80 %; 10 = every region). */
  regionTenths?: number;
}
export const FOLLOWUP_FULL: FollowupSize = { supports: 3000 };
export const FOLLOWUP_QUICK: FollowupSize = { supports: 600 };
/** A fixed id, so the endpoint list can name it before the data exists. */
export const BENCH_INDICATOR_ID = '00000000-0000-4000-8000-0000000000b1';

const STATES = ['ej-paborjad', 'gap-analys', 'planerad', 'pagaende', 'inford', 'uppfoljd'];
const TYPES = ['vardforlopp', 'vardprogram', 'kliniskt-kunskapsstod', 'nationella-riktlinjer', 'standardiserat-vardforlopp'];

export async function generateFollowupDataset(db: Db, size: FollowupSize, log: (msg: string) => void): Promise<void> {
  const t = Date.now();
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO knowledge_supports (type, title, status, producer_name)
       SELECT ($2::text[])[1 + g % array_length($2::text[], 1)], 'Bänkstöd ' || g || ' för vård vid åkomma ' || (g % 97) || ' – Örebro/Växjö', 'publicerad', 'NPO (bänk)'
       FROM generate_series(1, $1::int) g`,
      [size.supports, TYPES],
    );
    await tx.query(
      `INSERT INTO knowledge_support_versions (support_id, label, status) SELECT id, '1.0', 'publicerad' FROM knowledge_supports WHERE producer_name = 'NPO (bänk)'`,
    );
    await tx.query(
      `INSERT INTO knowledge_support_program_areas (support_id, program_area_id)
       SELECT k.id, (SELECT id FROM program_areas ORDER BY id OFFSET (abs(hashtext(k.id::text)) % 20) LIMIT 1) FROM knowledge_supports k WHERE k.producer_name = 'NPO (bänk)'`,
    );
    await tx.query(
      `WITH ins AS (
         INSERT INTO implementation_statuses (support_id, support_version_id, region_code, unit_key, status, actual_done, updated_by)
         SELECT v.support_id, v.id, r.code, '', s.status, CASE WHEN s.status IN ('inford', 'uppfoljd') THEN date '2026-06-30' END, 'bänk'
         FROM knowledge_support_versions v JOIN knowledge_supports k ON k.id = v.support_id AND k.producer_name = 'NPO (bänk)'
         CROSS JOIN regions r
         CROSS JOIN LATERAL (SELECT ($1::text[])[1 + abs(hashtext(v.id::text || r.code)) % 6] AS status) s
         WHERE abs(hashtext(r.code || v.id::text)) % 10 < $2
         RETURNING id, status)
       INSERT INTO implementation_status_history (status_id, status, valid_from) SELECT id, status, date '2026-01-01' FROM ins`,
      [STATES, size.regionTenths ?? 8],
    );
    await tx.query(
      `INSERT INTO followup_indicators (id, code, name, definition, unit, direction, periodicity, source, target_value)
       VALUES ($1, 'BENCH-4V', 'Behandling inom fyra veckor (bänk)', 'Bänkindikator', '%', 'higher', 'month', 'waiting-time-database', 80)`,
      [BENCH_INDICATOR_ID],
    );
    await tx.query(
      `INSERT INTO followup_indicator_values (indicator_id, area, level, period, value)
       SELECT $1, a.area, CASE WHEN a.area = 'SE' THEN 'country' ELSE 'region' END, to_char(date '2017-01-01' + make_interval(months => m), 'YYYY-MM'), 60 + (abs(hashtext(a.area || m)) % 300) / 10.0
       FROM (SELECT code AS area FROM regions UNION ALL SELECT 'SE') a, generate_series(0, 119) m`,
      [BENCH_INDICATOR_ID],
    );
  });
  // The statuses' heatmap flags were set by a second write (migration 0018's triggers); vacuum
  // as autovacuum would on PostgreSQL (PGlite has none), so the figures show a settled table.
  await db.exec('VACUUM ANALYZE');
  log(`${size.supports} knowledge supports with implementation statuses, and an indicator series: ${Date.now() - t} ms`);
}

export const followupEndpoints = <E>(make: (path: string, expect: (b: Record<string, unknown>) => boolean) => E): E[] => [
  make(
    '/api/v1/implementation/heatmap?limit=100',
    (b) => Array.isArray(b.supports) && b.supports.length === 100 && Array.isArray(b.regions),
  ),
  make(`/api/v1/indicators/${BENCH_INDICATOR_ID}/series`, (b) => Array.isArray(b.series) && b.series.length === 22),
];
