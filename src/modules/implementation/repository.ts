/** SQL for implementation statuses and the national heatmap. */
import type { Queryable } from '../../platform/db/index.js';
import type { ImplementationState } from './rules/implementation.js';

export interface StatusRow {
  id: string;
  support_id: string;
  support_version_id: string;
  version_label: string;
  support_title: string;
  region_code: string;
  group_id: string | null;
  kind: 'implement' | 'phase-out';
  status: ImplementationState;
  not_applicable_reason: string | null;
  decision_date: string | null;
  decision_forum: string | null;
  decision_case_ref: string | null;
  responsible_group_id: string | null;
  planned_start: string | null;
  planned_done: string | null;
  actual_start: string | null;
  actual_done: string | null;
  notes: string | null;
  version: number;
  updated_at: Date;
  updated_by: string | null;
}

const SELECT = `SELECT s.id, s.support_id, s.support_version_id, v.label AS version_label, k.title AS support_title, s.region_code, s.group_id,
  s.kind, s.status, s.not_applicable_reason, s.decision_date, s.decision_forum, s.decision_case_ref, s.responsible_group_id,
  s.planned_start, s.planned_done, s.actual_start, s.actual_done, s.notes, s.version, s.updated_at, s.updated_by
  FROM implementation_statuses s JOIN knowledge_support_versions v ON v.id = s.support_version_id JOIN knowledge_supports k ON k.id = s.support_id`;

export const getStatus = async (db: Queryable, id: string, opts: { forUpdate?: boolean } = {}) =>
  (await db.query<StatusRow>(`${SELECT} WHERE s.id = $1${opts.forUpdate ? ' FOR UPDATE OF s' : ''}`, [id]))[0];

export function listStatuses(
  db: Queryable,
  f: { region?: string | undefined; supportId?: string | undefined; groupId?: string | undefined; limit: number },
) {
  return db.query<StatusRow>(
    `${SELECT} WHERE ($1::text IS NULL OR s.region_code = $1) AND ($2::uuid IS NULL OR s.support_id = $2) AND ($3::uuid IS NULL OR s.group_id = $3 OR s.responsible_group_id = $3)
     ORDER BY sv_key(k.title) COLLATE "C", s.region_code, s.unit_key LIMIT $4`,
    [f.region ?? null, f.supportId ?? null, f.groupId ?? null, f.limit],
  );
}

export const supportVersion = async (db: Queryable, versionId: string) =>
  (
    await db.query<{ id: string; support_id: string; label: string; title: string }>(
      `SELECT v.id, v.support_id, v.label, k.title FROM knowledge_support_versions v JOIN knowledge_supports k ON k.id = v.support_id WHERE v.id = $1`,
      [versionId],
    )
  )[0];

export interface StatusWrite {
  kind: 'implement' | 'phase-out';
  status: ImplementationState;
  notApplicableReason: string | null;
  decisionDate: string | null;
  decisionForum: string | null;
  decisionCaseRef: string | null;
  responsibleGroupId: string | null;
  plannedStart: string | null;
  plannedDone: string | null;
  actualStart: string | null;
  actualDone: string | null;
  notes: string | null;
}

export async function insertStatus(
  db: Queryable,
  key: { supportId: string; supportVersionId: string; regionCode: string; groupId: string | null },
  w: StatusWrite,
  by: string,
  isDemo = false,
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO implementation_statuses (support_id, support_version_id, region_code, group_id, unit_key, kind, status, not_applicable_reason,
       decision_date, decision_forum, decision_case_ref, responsible_group_id, planned_start, planned_done, actual_start, actual_done, notes, updated_by, is_demo)
     VALUES ($1, $2, $3, $4, $19, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
     ON CONFLICT (support_version_id, region_code, unit_key) DO NOTHING RETURNING id`,
    [
      key.supportId,
      key.supportVersionId,
      key.regionCode,
      key.groupId,
      w.kind,
      w.status,
      w.notApplicableReason,
      w.decisionDate,
      w.decisionForum,
      w.decisionCaseRef,
      w.responsibleGroupId,
      w.plannedStart,
      w.plannedDone,
      w.actualStart,
      w.actualDone,
      w.notes,
      by,
      isDemo,
      key.groupId ?? '',
    ],
  );
  return rows[0]?.id ?? '';
}

export async function updateStatusRow(db: Queryable, id: string, version: number, w: StatusWrite, by: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE implementation_statuses SET kind = $3, status = $4, not_applicable_reason = $5, decision_date = $6, decision_forum = $7, decision_case_ref = $8,
       responsible_group_id = $9, planned_start = $10, planned_done = $11, actual_start = $12, actual_done = $13, notes = $14, updated_by = $15,
       version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING id`,
    [
      id,
      version,
      w.kind,
      w.status,
      w.notApplicableReason,
      w.decisionDate,
      w.decisionForum,
      w.decisionCaseRef,
      w.responsibleGroupId,
      w.plannedStart,
      w.plannedDone,
      w.actualStart,
      w.actualDone,
      w.notes,
      by,
    ],
  );
  return rows.length > 0;
}

/**
 * Writers of one heatmap cell (a support's region-wide rows in one region) take turns, before
 * they touch a status row: the triggers of migration 0018 then update the cell's other rows,
 * and two writers each holding one of them would deadlock.
 */
export async function lockCell(db: Queryable, supportId: string, regionCode: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('implementation-cell:' || $1 || '/' || $2, 0))`, [
    supportId,
    regionCode,
  ]);
}

export async function recordHistory(db: Queryable, statusId: string, status: string, validFrom: string): Promise<void> {
  await db.query(`INSERT INTO implementation_status_history (status_id, status, valid_from) VALUES ($1, $2, $3)`, [
    statusId,
    status,
    validFrom,
  ]);
}

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
 * shown; the title search narrows the rows, not the shares): one aggregate over the current
 * cells, or with a date over the cells as of that day.
 */
export function regionShares(db: Queryable, f: HeatmapFilter) {
  // As of a date: each row's last status by then from one pass over the history (a lookup per
  // row would cost one index search per status), then the newest version's row per cell.
  const cells = f.date
    ? `SELECT DISTINCT ON (s.support_id, s.region_code) s.region_code, h.status
       FROM (SELECT DISTINCT ON (h.status_id) h.status_id, h.status FROM implementation_status_history h
             WHERE h.valid_from <= $4::date ORDER BY h.status_id, h.valid_from DESC, h.recorded_at DESC) h
       JOIN implementation_statuses s ON s.id = h.status_id
       JOIN knowledge_support_versions v ON v.id = s.support_version_id
       JOIN knowledge_supports k ON k.id = s.support_id
       WHERE s.unit_key = '' AND ($3::text IS NULL OR s.kind = $3) AND ${SUPPORT_FILTER}
       ${CELLS_AS_OF_ORDER}`
    : `SELECT s.region_code, s.status FROM implementation_statuses s JOIN knowledge_supports k ON k.id = s.support_id
       WHERE ${f.kind ? 's.is_current_kind AND s.kind = $3' : 's.is_current'} AND ${SUPPORT_FILTER}`;
  return db.query<{ region_code: string; implemented: number; with_status: number }>(
    `SELECT c.region_code, count(*) FILTER (WHERE c.status IN ('inford', 'uppfoljd'))::int AS implemented, count(*)::int AS with_status
     FROM (${cells}) c
     GROUP BY c.region_code`,
    f.date
      ? [f.programArea ?? null, f.type ?? null, f.kind ?? null, f.date]
      : [f.programArea ?? null, f.type ?? null, ...(f.kind ? [f.kind] : [])],
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

/** Open data: every region's status per support (non-personal: no names of who changed it). */
export function openImplementationStatuses(db: Queryable) {
  return db.query<{
    support_id: string;
    support_title: string;
    version_label: string;
    region_code: string;
    lpo: string | null;
    kind: string;
    status: string;
    decision_date: string | null;
    actual_done: string | null;
  }>(
    `SELECT s.support_id, k.title AS support_title, v.label AS version_label, s.region_code, g.name AS lpo, s.kind, s.status, s.decision_date, s.actual_done
     FROM implementation_statuses s JOIN knowledge_supports k ON k.id = s.support_id JOIN knowledge_support_versions v ON v.id = s.support_version_id
     LEFT JOIN groups g ON g.id = s.group_id ORDER BY sv_key(k.title) COLLATE "C", s.region_code, s.unit_key LIMIT 100000`,
  );
}
