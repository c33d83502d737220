/** SQL for the national heatmap over implementation statuses: supports, cells, shares and a region's LPO rows. */
import type { Queryable } from '../../platform/db/index.js';
import type { ImplementationState } from './rules/implementation.js';

export interface HeatmapFilter {
  programArea?: string | undefined;
  type?: string | undefined;
  healthcareRegion?: string | undefined;
  kind?: 'implement' | 'phase-out' | undefined;
  /** Status as of the end of this date (from the history); current status when absent. */
  date?: string | undefined;
  q?: string | undefined;
}

export interface HeatCell {
  support_id: string;
  region_code: string;
  status: ImplementationState;
}

/** The filter on knowledge supports (k) shared by the page, its count and the region shares. */
const SUPPORT_FILTER = `k.status NOT IN ('under-framtagande', 'pa-remiss')
       AND ($1::text IS NULL OR EXISTS (SELECT 1 FROM knowledge_support_program_areas pa WHERE pa.support_id = k.id AND pa.program_area_id = $1))
       AND ($2::text IS NULL OR k.type = $2)`;

/**
 * A page of the supports in the heatmap, in Swedish order. The order comes from the index on
 * sv_key(title) and the count from its own query: a window count over the sorted set would
 * compute every title's sort key on every request.
 */
export async function heatmapSupports(db: Queryable, f: HeatmapFilter, limit: number, offset: number) {
  const params = [f.programArea ?? null, f.type ?? null, f.q ?? null];
  const where = `${SUPPORT_FILTER} AND ($3::text IS NULL OR sv_fold(k.title) LIKE '%' || sv_fold($3) || '%')`;
  const [page, [count]] = await Promise.all([
    db.query<{ id: string; title: string; type: string; program_area_ids: string[] }>(
      `SELECT k.id, k.title, k.type,
         COALESCE((SELECT array_agg(pa.program_area_id ORDER BY pa.program_area_id) FROM knowledge_support_program_areas pa WHERE pa.support_id = k.id), '{}') AS program_area_ids
       FROM knowledge_supports k WHERE ${where}
       ORDER BY sv_key(k.title) COLLATE "C", k.id
       LIMIT $4 OFFSET $5`,
      [...params, limit, offset],
    ),
    db.query<{ total: number }>(`SELECT count(*)::int AS total FROM knowledge_supports k WHERE ${where}`, params),
  ]);
  return { page, total: count?.total ?? 0 };
}

/**
 * A page of supports' status in each region as of the end of a date ($2, from the history):
 * the region-wide row of the newest version that had a status then.
 */
const CELLS_AS_OF = `SELECT DISTINCT ON (s.support_id, s.region_code) s.support_id, s.region_code, h.status
       FROM implementation_statuses s
       JOIN knowledge_support_versions v ON v.id = s.support_version_id
       JOIN LATERAL (SELECT status FROM implementation_status_history h WHERE h.status_id = s.id AND h.valid_from <= $2::date
                     ORDER BY h.valid_from DESC, h.recorded_at DESC LIMIT 1) h ON true`;
const CELLS_AS_OF_ORDER = `ORDER BY s.support_id, s.region_code, v.created_at DESC, v.id DESC`;

/**
 * One status per support and region: the region-wide row of the newest version that has one
 * (LPO rows are the drill-down). With a date, each row's status as it was then.
 */
export async function heatmapCells(db: Queryable, supportIds: string[], f: HeatmapFilter): Promise<HeatCell[]> {
  if (supportIds.length === 0) return [];
  if (f.date) {
    return db.query<HeatCell>(
      `${CELLS_AS_OF}
       WHERE s.support_id = ANY($1::uuid[]) AND s.unit_key = '' AND ($3::text IS NULL OR s.kind = $3)
       ${CELLS_AS_OF_ORDER}`,
      [supportIds, f.date, f.kind ?? null],
    );
  }
  // Two plans rather than one CASE, so each uses its partial index. One row per support (its
  // cells as "region=status,…"): a tenth of the rows to hand over and parse.
  const rows = await db.query<{ support_id: string; cells: string }>(
    `SELECT s.support_id, string_agg(s.region_code || '=' || s.status, ',') AS cells FROM implementation_statuses s
     WHERE s.support_id = ANY($1::uuid[]) AND ${f.kind ? 's.is_current_kind AND s.kind = $2' : 's.is_current'}
     GROUP BY s.support_id`,
    f.kind ? [supportIds, f.kind] : [supportIds],
  );
  return rows.flatMap((r) =>
    r.cells.split(',').map((c) => {
      const [region_code, status] = c.split('=') as [string, ImplementationState];
      return { support_id: r.support_id, region_code, status };
    }),
  );
}

/**
 * Share implemented per region over all supports matching the filter (not just the page
 * shown; the title search narrows the rows, not the shares): the current shares from the
 * summary the triggers keep (migration 0032), or with a date from the same counts through
 * time (migration 0055).
 */
export function regionShares(db: Queryable, f: HeatmapFilter) {
  type Share = { region_code: string; implemented: number; with_status: number };
  if (!f.date) {
    return db.query<Share>(
      `SELECT c.region_code, sum(c.implemented)::int AS implemented, sum(c.with_status)::int AS with_status
       FROM heatmap_region_counts c
       WHERE c.kind = $1 AND c.program_area_id = $2 AND ($3::text IS NULL OR c.support_type = $3)
       GROUP BY c.region_code`,
      [f.kind ?? '', f.programArea ?? '', f.type ?? null],
    );
  }
  // As of a date: for each key of today's summary, its last row on or before the date in the
  // summary through time (migration 0055): an index probe per key, about a hundred.
  return db.query<Share>(
    `SELECT c.region_code, sum(h.implemented)::int AS implemented, sum(h.with_status)::int AS with_status
     FROM heatmap_region_counts c
     CROSS JOIN LATERAL (SELECT h.implemented, h.with_status FROM heatmap_region_counts_history h
                         WHERE h.kind = c.kind AND h.program_area_id = c.program_area_id AND h.support_type = c.support_type
                           AND h.region_code = c.region_code AND h.valid_from <= $4::date
                         ORDER BY h.valid_from DESC LIMIT 1) h
     WHERE c.kind = $1 AND c.program_area_id = $2 AND ($3::text IS NULL OR c.support_type = $3)
     GROUP BY c.region_code`,
    [f.kind ?? '', f.programArea ?? '', f.type ?? null, f.date],
  );
}

/**
 * The region shares as of a date aggregated from the status history itself: what the summary
 * of migration 0055 must always equal (its tests compare the two). Not on any request path.
 */
export function regionSharesFromHistory(db: Queryable, f: HeatmapFilter & { date: string }) {
  const cells = `SELECT DISTINCT ON (s.support_id, s.region_code) s.region_code, h.status
       FROM (SELECT DISTINCT ON (h.status_id) h.status_id, h.status FROM implementation_status_history h
             WHERE h.valid_from <= $4::date ORDER BY h.status_id, h.valid_from DESC, h.recorded_at DESC) h
       JOIN implementation_statuses s ON s.id = h.status_id
       JOIN knowledge_support_versions v ON v.id = s.support_version_id
       JOIN knowledge_supports k ON k.id = s.support_id
       WHERE s.unit_key = '' AND ($3::text IS NULL OR s.kind = $3) AND ${SUPPORT_FILTER}
       ${CELLS_AS_OF_ORDER}`;
  return db.query<{ region_code: string; implemented: number; with_status: number }>(
    `SELECT c.region_code, count(*) FILTER (WHERE c.status IN ('inford', 'uppfoljd'))::int AS implemented, count(*)::int AS with_status
     FROM (${cells}) c
     GROUP BY c.region_code ORDER BY c.region_code`,
    [f.programArea ?? null, f.type ?? null, f.kind ?? null, f.date],
  );
}

/** Drill-down into one region: its LPO-level rows for the given supports. */
export function lpoCells(db: Queryable, region: string, supportIds: string[]) {
  if (!supportIds.length) return Promise.resolve([]);
  return db.query<{ support_id: string; group_id: string; group_name: string; status: ImplementationState }>(
    `SELECT DISTINCT ON (s.support_id, s.group_id) s.support_id, s.group_id, g.name AS group_name, s.status
     FROM implementation_statuses s JOIN knowledge_support_versions v ON v.id = s.support_version_id JOIN groups g ON g.id = s.group_id
     WHERE s.region_code = $1 AND s.support_id = ANY($2::uuid[]) AND s.group_id IS NOT NULL
     ORDER BY s.support_id, s.group_id, v.created_at DESC`,
    [region, supportIds],
  );
}
