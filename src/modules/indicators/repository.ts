/** SQL for goals, indicators, their values and imports, and the controller's comments. */
import type { Queryable } from '../../platform/db/index.js';
import type { ImportState } from './rules/import.js';
import type { Periodicity } from './rules/periods.js';

export interface GoalRow {
  id: string;
  parent_id: string | null;
  kind: 'promise' | 'goal';
  owner: string;
  title: string;
  description: string | null;
  source_quote: string | null;
  version: number;
}

export interface IndicatorRow {
  id: string;
  code: string;
  goal_id: string | null;
  name: string;
  definition: string;
  unit: string;
  direction: 'higher' | 'lower';
  periodicity: Periodicity;
  source: 'quality-register' | 'waiting-time-database' | 'patient-survey' | 'own-measurement' | 'kolada' | 'quality-indicators';
  source_name: string | null;
  /** The indicator's id at its source (Kolada's KPI id), when it comes from one. */
  source_ref: string | null;
  target_value: number | null;
  alert_value: number | null;
  program_area_id: string | null;
  version: number;
  updated_at: Date;
}

export interface ValueRow {
  area: string;
  sub_area: string;
  period: string;
  value: number;
}

export interface ImportRow {
  id: string;
  indicator_id: string;
  file_name: string;
  status: ImportState;
  mode: 'all-or-nothing' | 'valid-only';
  total_rows: number;
  valid_rows: number;
  processed_rows: number;
  imported_rows: number;
  periods: string[];
  report: { row: number; column: string; value: string; message: string }[];
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
}

const IND_COLS = `id, code, goal_id, name, definition, unit, direction, periodicity, source, source_name, source_ref,
  target_value::float8 AS target_value, alert_value::float8 AS alert_value, program_area_id, version, updated_at`;

export const listGoals = (db: Queryable) =>
  db.query<GoalRow>(
    `SELECT id, parent_id, kind, owner, title, description, source_quote, version FROM followup_goals ORDER BY kind DESC, created_at, id`,
  );

export const getGoal = async (db: Queryable, id: string) =>
  (
    await db.query<GoalRow>(
      `SELECT id, parent_id, kind, owner, title, description, source_quote, version FROM followup_goals WHERE id = $1`,
      [id],
    )
  )[0];

export async function insertGoal(
  db: Queryable,
  g: {
    parentId: string | null;
    kind: 'promise' | 'goal';
    owner: string;
    title: string;
    description: string | null;
    sourceQuote?: string | null;
    isDemo?: boolean;
  },
): Promise<GoalRow> {
  const rows = await db.query<GoalRow>(
    `INSERT INTO followup_goals (parent_id, kind, owner, title, description, source_quote, is_demo) VALUES ($1, $2, $3, $4, $5, $6, $7)
     RETURNING id, parent_id, kind, owner, title, description, source_quote, version`,
    [g.parentId, g.kind, g.owner, g.title, g.description, g.sourceQuote ?? null, g.isDemo ?? false],
  );
  return rows[0]!;
}

/** A goal's fields that may change; `kind` follows from having a parent and never changes. */
export async function updateGoalRow(
  db: Queryable,
  id: string,
  version: number,
  g: { parentId: string | null; owner: string; title: string; description: string | null },
): Promise<GoalRow | undefined> {
  const rows = await db.query<GoalRow>(
    `UPDATE followup_goals SET parent_id = $3, owner = $4, title = $5, description = $6, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING id, parent_id, kind, owner, title, description, source_quote, version`,
    [id, version, g.parentId, g.owner, g.title, g.description],
  );
  return rows[0];
}

/** What hangs under a goal: its sub-goals and the indicators pointing at it. */
export async function goalDependents(db: Queryable, id: string) {
  const rows = await db.query<{ goals: number; indicators: number; indicator_names: string[] }>(
    `SELECT (SELECT count(*)::int FROM followup_goals WHERE parent_id = $1) AS goals,
            (SELECT count(*)::int FROM followup_indicators WHERE goal_id = $1) AS indicators,
            COALESCE((SELECT array_agg(name ORDER BY name) FROM (SELECT name FROM followup_indicators WHERE goal_id = $1 ORDER BY name LIMIT 5) n), '{}') AS indicator_names`,
    [id],
  );
  return rows[0]!;
}

/** The ids of a goal and every goal below it (to refuse moving a goal under itself). */
export async function goalSubtree(db: Queryable, id: string): Promise<Set<string>> {
  const rows = await db.query<{ id: string }>(
    `WITH RECURSIVE t(id) AS (SELECT id FROM followup_goals WHERE id = $1
       UNION ALL SELECT g.id FROM followup_goals g JOIN t ON g.parent_id = t.id)
     SELECT id FROM t`,
    [id],
  );
  return new Set(rows.map((r) => r.id));
}

export async function deleteGoalRow(db: Queryable, id: string, version: number): Promise<boolean> {
  return (await db.query('DELETE FROM followup_goals WHERE id = $1 AND version = $2 RETURNING id', [id, version])).length > 0;
}

export const getGoalForUpdate = async (db: Queryable, id: string) =>
  (
    await db.query<GoalRow>(
      `SELECT id, parent_id, kind, owner, title, description, source_quote, version FROM followup_goals WHERE id = $1 FOR UPDATE`,
      [id],
    )
  )[0];

export const listIndicators = (db: Queryable) =>
  db.query<IndicatorRow>(`SELECT ${IND_COLS} FROM followup_indicators ORDER BY sv_key(name) COLLATE "C", id`);

export const getIndicator = async (db: Queryable, id: string, opts: { forUpdate?: boolean } = {}) =>
  (
    await db.query<IndicatorRow>(
      `SELECT ${IND_COLS} FROM followup_indicators WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    )
  )[0];

export const getIndicatorBySource = async (db: Queryable, source: IndicatorRow['source'], ref: string) =>
  (
    await db.query<IndicatorRow>(`SELECT ${IND_COLS} FROM followup_indicators WHERE source = $1 AND source_ref = $2`, [
      source,
      ref,
    ])
  )[0];

export const getIndicatorByCode = async (db: Queryable, code: string) =>
  (await db.query<IndicatorRow>(`SELECT ${IND_COLS} FROM followup_indicators WHERE code = $1`, [code]))[0];

export interface IndicatorWrite {
  code: string;
  goalId: string | null;
  name: string;
  definition: string;
  unit: string;
  direction: 'higher' | 'lower';
  periodicity: Periodicity;
  source: IndicatorRow['source'];
  sourceName: string | null;
  targetValue: number | null;
  alertValue: number | null;
  programAreaId: string | null;
  sourceRef?: string | null;
}

export async function insertIndicator(db: Queryable, i: IndicatorWrite, isDemo = false): Promise<IndicatorRow> {
  const rows = await db.query<IndicatorRow>(
    `INSERT INTO followup_indicators (code, goal_id, name, definition, unit, direction, periodicity, source, source_name, target_value, alert_value, program_area_id, is_demo, source_ref)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING ${IND_COLS}`,
    [
      i.code,
      i.goalId,
      i.name,
      i.definition,
      i.unit,
      i.direction,
      i.periodicity,
      i.source,
      i.sourceName,
      i.targetValue,
      i.alertValue,
      i.programAreaId,
      isDemo,
      i.sourceRef ?? null,
    ],
  );
  return rows[0]!;
}

export async function updateIndicatorRow(
  db: Queryable,
  id: string,
  version: number,
  i: Omit<IndicatorWrite, 'code' | 'periodicity'>,
) {
  const rows = await db.query<IndicatorRow>(
    `UPDATE followup_indicators SET goal_id = $3, name = $4, definition = $5, unit = $6, direction = $7, source = $8, source_name = $9,
       target_value = $10, alert_value = $11, program_area_id = $12, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING ${IND_COLS}`,
    [
      id,
      version,
      i.goalId,
      i.name,
      i.definition,
      i.unit,
      i.direction,
      i.source,
      i.sourceName,
      i.targetValue,
      i.alertValue,
      i.programAreaId,
    ],
  );
  return rows[0];
}

export * from './repository-values.js';

export interface RegionRef {
  code: string;
  name: string;
  short_name: string;
  healthcare_region_ids: string[];
}

export const regionsWithHealthcareRegions = (db: Queryable) =>
  db.query<RegionRef>(
    `SELECT r.code, r.name, r.short_name,
       COALESCE(array_agg(m.healthcare_region_id ORDER BY m.healthcare_region_id) FILTER (WHERE m.healthcare_region_id IS NOT NULL), '{}') AS healthcare_region_ids
     FROM regions r LEFT JOIN healthcare_region_members m ON m.region_code = r.code GROUP BY r.code ORDER BY r.code`,
  );

/** Every municipality with its region: kommunkod → region (Kolada's municipality ids are kommunkoder). */
export const municipalities = (db: Queryable) =>
  db.query<{ code: string; name: string; region_code: string }>(
    `SELECT code, name, region_code FROM municipalities ORDER BY code`,
  );

export const healthcareRegions = (db: Queryable) =>
  db.query<{ id: string; name: string }>(`SELECT id, name FROM healthcare_regions ORDER BY sv_key(name) COLLATE "C"`);

export interface CommentRow {
  group_id: string;
  indicator_id: string;
  period: string;
  text: string;
  author_label: string;
  updated_at: Date;
}

export async function upsertComment(
  db: Queryable,
  c: { groupId: string; indicatorId: string; period: string; text: string; author: string },
) {
  const rows = await db.query<CommentRow>(
    `INSERT INTO followup_comments (group_id, indicator_id, period, text, author_label) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (group_id, indicator_id, period) DO UPDATE SET text = EXCLUDED.text, author_label = EXCLUDED.author_label, updated_at = now()
     RETURNING group_id, indicator_id, period, text, author_label, updated_at`,
    [c.groupId, c.indicatorId, c.period, c.text, c.author],
  );
  return rows[0]!;
}

export const commentsOf = (db: Queryable, groupId: string) =>
  db.query<CommentRow>(
    `SELECT group_id, indicator_id, period, text, author_label, updated_at FROM followup_comments WHERE group_id = $1 ORDER BY indicator_id, period`,
    [groupId],
  );

/** Open data: indicator values per area and period, for one indicator code or all. */
/** A page of open data, in the order of the values' key (indicator, area, sub-area, period), after a key. */
export function openIndicatorValues(
  db: Queryable,
  indicatorCode: string | null,
  page: { after?: [string, string, string, string] | undefined; limit: number },
) {
  const a = page.after;
  return db.query<{
    indicator_id: string;
    code: string;
    name: string;
    unit: string;
    area: string;
    sub_area: string;
    period: string;
    value: number;
  }>(
    `SELECT v.indicator_id, i.code, i.name, i.unit, v.area, v.sub_area, v.period, v.value
     FROM followup_indicator_values v JOIN followup_indicators i ON i.id = v.indicator_id
     WHERE ($1::text IS NULL OR i.code = $1)
       AND ($2::uuid IS NULL OR (v.indicator_id, v.area, v.sub_area, v.period) > ($2::uuid, $3::text, $4::text, $5::text))
     ORDER BY v.indicator_id, v.area, v.sub_area, v.period LIMIT $6`,
    [indicatorCode, a?.[0] ?? null, a?.[1] ?? null, a?.[2] ?? null, a?.[3] ?? null, page.limit + 1],
  );
}

/** Whether an owner names a healthcare region (by id) or a region (by code); `national` is the caller's to check. */
export const ownerExists = async (db: Queryable, owner: string) =>
  (await db.query('SELECT 1 FROM healthcare_regions WHERE id = $1 UNION ALL SELECT 1 FROM regions WHERE code = $1', [owner]))
    .length > 0;
