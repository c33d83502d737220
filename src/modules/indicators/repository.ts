/** SQL for goals, indicators, their values and imports, and the controller's comments. */
import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { Filters } from '../../platform/db/sql.js';
import { insertColumns, selectRow, selectRows, setColumns } from '../../platform/db/rows.js';
import type { Periodicity } from './rules/periods.js';
import type { Comment, Goal, Heatmap, Indicator } from './schemas.js';

/** A goal in API shape (every column the API names; the audit trail records it whole). */
export type GoalRecord = Static<typeof Goal> & { kind: 'promise' | 'goal' };

/** An indicator in API shape, and when it last changed (not in the API). */
export type IndicatorRecord = Static<typeof Indicator> & { updatedAt: string };

/** A controller's comment on an indicator's period, as the API shows it (`author_label AS author`). */
export type CommentRecord = Static<typeof Comment>;

/** A region with the healthcare regions it belongs to, as the heatmap shows it. */
export type RegionRecord = Static<typeof Heatmap>['regions'][number];

const GOAL_COLS = `id, parent_id, kind, owner, group_id, (SELECT name FROM groups WHERE id = group_id) AS group_name, title,
  description, source_quote, version`;

const IND_COLS = `id, code, owner, goal_id, name, definition, unit, direction, periodicity, source, source_name, source_ref,
  target_value::float8 AS target_value, alert_value::float8 AS alert_value, program_area_id, version, updated_at`;

export const listGoals = (db: Queryable) =>
  selectRows<GoalRecord>(db, `SELECT ${GOAL_COLS} FROM followup_goals ORDER BY kind DESC, created_at, id`);

export const getGoal = (db: Queryable, id: string) =>
  selectRow<GoalRecord>(db, `SELECT ${GOAL_COLS} FROM followup_goals WHERE id = $1`, [id]);

export async function insertGoal(
  db: Queryable,
  g: {
    parentId: string | null;
    kind: 'promise' | 'goal';
    owner: string;
    groupId: string | null;
    title: string;
    description: string | null;
    sourceQuote?: string | null;
    isDemo?: boolean;
  },
): Promise<GoalRecord> {
  const params: unknown[] = [];
  const c = insertColumns(
    {
      parentId: g.parentId,
      kind: g.kind,
      owner: g.owner,
      groupId: g.groupId,
      title: g.title,
      description: g.description,
      sourceQuote: g.sourceQuote ?? null,
      isDemo: g.isDemo ?? false,
    },
    params,
  );
  return (await selectRow<GoalRecord>(
    db,
    `INSERT INTO followup_goals ${c.columns} VALUES ${c.values} RETURNING ${GOAL_COLS}`,
    params,
  ))!;
}

/** A goal's fields that may change; `kind` follows from having a parent and never changes. */
export async function updateGoalRow(
  db: Queryable,
  id: string,
  version: number,
  g: { parentId: string | null; owner: string; groupId: string | null; title: string; description: string | null },
): Promise<GoalRecord | undefined> {
  const params: unknown[] = [id, version];
  const set = setColumns(
    { parentId: g.parentId, owner: g.owner, groupId: g.groupId, title: g.title, description: g.description },
    params,
  );
  return selectRow<GoalRecord>(
    db,
    `UPDATE followup_goals SET ${set}, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING ${GOAL_COLS}`,
    params,
  );
}

/** What hangs under a goal: its sub-goals and the indicators pointing at it. */
export async function goalDependents(db: Queryable, id: string) {
  return (await selectRow<{ goals: number; indicators: number; indicatorNames: string[] }>(
    db,
    `SELECT (SELECT count(*)::int FROM followup_goals WHERE parent_id = $1) AS goals,
            (SELECT count(*)::int FROM followup_indicators WHERE goal_id = $1) AS indicators,
            COALESCE((SELECT array_agg(name ORDER BY name) FROM (SELECT name FROM followup_indicators WHERE goal_id = $1 ORDER BY name LIMIT 5) n), '{}') AS indicator_names`,
    [id],
  ))!;
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

export const getGoalForUpdate = (db: Queryable, id: string) =>
  selectRow<GoalRecord>(db, `SELECT ${GOAL_COLS} FROM followup_goals WHERE id = $1 FOR UPDATE`, [id]);

export const listIndicators = (db: Queryable) =>
  selectRows<IndicatorRecord>(db, `SELECT ${IND_COLS} FROM followup_indicators ORDER BY sv_key(name) COLLATE "C", id`);

export const getIndicator = (db: Queryable, id: string, opts: { forUpdate?: boolean } = {}) =>
  selectRow<IndicatorRecord>(
    db,
    `SELECT ${IND_COLS} FROM followup_indicators WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );

export const getIndicatorBySource = (db: Queryable, source: IndicatorRecord['source'], ref: string) =>
  selectRow<IndicatorRecord>(db, `SELECT ${IND_COLS} FROM followup_indicators WHERE source = $1 AND source_ref = $2`, [
    source,
    ref,
  ]);

export const getIndicatorByCode = (db: Queryable, code: string) =>
  selectRow<IndicatorRecord>(db, `SELECT ${IND_COLS} FROM followup_indicators WHERE code = $1`, [code]);

export interface IndicatorWrite {
  code: string;
  /** 'national' (the default), a healthcare region's id, a länskod or a kommunkod; fixed once created. */
  owner?: string;
  goalId: string | null;
  name: string;
  definition: string;
  unit: string;
  direction: 'higher' | 'lower';
  periodicity: Periodicity;
  source: IndicatorRecord['source'];
  sourceName: string | null;
  targetValue: number | null;
  alertValue: number | null;
  programAreaId: string | null;
  sourceRef?: string | null;
}

/** The columns an indicator's definition writes (named here: a caller's record may carry more). */
const definitionColumns = (i: Omit<IndicatorWrite, 'code' | 'periodicity'>) => ({
  goalId: i.goalId,
  name: i.name,
  definition: i.definition,
  unit: i.unit,
  direction: i.direction,
  source: i.source,
  sourceName: i.sourceName,
  targetValue: i.targetValue,
  alertValue: i.alertValue,
  programAreaId: i.programAreaId,
});

export async function insertIndicator(db: Queryable, i: IndicatorWrite, isDemo = false): Promise<IndicatorRecord> {
  const params: unknown[] = [];
  const c = insertColumns(
    {
      code: i.code,
      owner: i.owner ?? 'national',
      periodicity: i.periodicity,
      ...definitionColumns(i),
      isDemo,
      sourceRef: i.sourceRef ?? null,
    },
    params,
  );
  return (await selectRow<IndicatorRecord>(
    db,
    `INSERT INTO followup_indicators ${c.columns} VALUES ${c.values} RETURNING ${IND_COLS}`,
    params,
  ))!;
}

export async function updateIndicatorRow(
  db: Queryable,
  id: string,
  version: number,
  i: Omit<IndicatorWrite, 'code' | 'periodicity'>,
): Promise<IndicatorRecord | undefined> {
  const params: unknown[] = [id, version];
  const set = setColumns(definitionColumns(i), params);
  return selectRow<IndicatorRecord>(
    db,
    `UPDATE followup_indicators SET ${set}, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING ${IND_COLS}`,
    params,
  );
}

export * from './repository-values.js';

export const regionsWithHealthcareRegions = (db: Queryable) =>
  selectRows<RegionRecord>(
    db,
    `SELECT r.code, r.name, r.short_name,
       COALESCE(array_agg(m.healthcare_region_id ORDER BY m.healthcare_region_id) FILTER (WHERE m.healthcare_region_id IS NOT NULL), '{}') AS healthcare_region_ids
     FROM regions r LEFT JOIN healthcare_region_members m ON m.region_code = r.code GROUP BY r.code ORDER BY r.code`,
  );

/** Every municipality with its region: kommunkod → region (Kolada's municipality ids are kommunkoder). */
export const municipalities = (db: Queryable) =>
  selectRows<{ code: string; name: string; regionCode: string }>(
    db,
    `SELECT code, name, region_code FROM municipalities ORDER BY code`,
  );

export const healthcareRegions = (db: Queryable) =>
  selectRows<{ id: string; name: string }>(db, `SELECT id, name FROM healthcare_regions ORDER BY sv_key(name) COLLATE "C"`);

const COMMENT_COLS = `group_id, indicator_id, period, text, author_label AS author, updated_at`;

export async function upsertComment(
  db: Queryable,
  c: { groupId: string; indicatorId: string; period: string; text: string; author: string },
): Promise<CommentRecord> {
  return (await selectRow<CommentRecord>(
    db,
    `INSERT INTO followup_comments (group_id, indicator_id, period, text, author_label) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (group_id, indicator_id, period) DO UPDATE SET text = EXCLUDED.text, author_label = EXCLUDED.author_label, updated_at = now()
     RETURNING ${COMMENT_COLS}`,
    [c.groupId, c.indicatorId, c.period, c.text, c.author],
  ))!;
}

export const commentsOf = (db: Queryable, groupId: string) =>
  selectRows<CommentRecord>(
    db,
    `SELECT ${COMMENT_COLS} FROM followup_comments WHERE group_id = $1 ORDER BY indicator_id, period`,
    [groupId],
  );

/** Open data: indicator values per area, period and gender, for one indicator or all. */
/** The open data's page key: the values' primary key (indicator, area, sub-area, period, gender). */
export type OpenValueKey = [string, string, string, string, string];

const VALUE_KEY = '(v.indicator_id, v.area, v.sub_area, v.period, v.gender)';

/** The indicator and keyset conditions, written only when given, so each query's shape lets the primary key serve it. */
function valueKeyset(indicatorId: string | null, after: OpenValueKey | undefined, until?: OpenValueKey): Filters {
  const w = new Filters();
  if (indicatorId) w.add('v.indicator_id = ?::uuid', indicatorId);
  if (after) w.add(`${VALUE_KEY} > (?::uuid, ?::text, ?::text, ?::text, ?::text)`, ...after);
  if (until) w.add(`${VALUE_KEY} <= (?::uuid, ?::text, ?::text, ?::text, ?::text)`, ...until);
  return w;
}

/** A batch of open data after one key and not past another, in the order of the primary key. */
export function openIndicatorValues(
  db: Queryable,
  indicatorId: string | null,
  page: { after?: OpenValueKey | undefined; until?: OpenValueKey | undefined; limit: number },
) {
  const w = valueKeyset(indicatorId, page.after, page.until);
  const limit = w.param(page.limit);
  return selectRows<{
    indicatorId: string;
    code: string;
    name: string;
    unit: string;
    area: string;
    subArea: string;
    period: string;
    gender: string;
    value: number;
  }>(
    db,
    `SELECT v.indicator_id, i.code, i.name, i.unit, v.area, v.sub_area, v.period, v.gender, v.value
     FROM followup_indicator_values v JOIN followup_indicators i ON i.id = v.indicator_id
     ${w.where}
     ORDER BY v.indicator_id, v.area, v.sub_area, v.period, v.gender LIMIT ${limit}`,
    w.params,
  );
}

/** The keys of the `limit`-th value after `after` and of the one following it (the page's end and the next page's start). */
export async function openIndicatorValuePageEnd(
  db: Queryable,
  indicatorId: string | null,
  after: OpenValueKey | undefined,
  limit: number,
): Promise<OpenValueKey[]> {
  const w = valueKeyset(indicatorId, after);
  const offset = w.param(limit - 1);
  const rows = await db.query<{ indicator_id: string; area: string; sub_area: string; period: string; gender: string }>(
    `SELECT v.indicator_id, v.area, v.sub_area, v.period, v.gender FROM followup_indicator_values v ${w.where}
     ORDER BY v.indicator_id, v.area, v.sub_area, v.period, v.gender OFFSET ${offset} LIMIT 2`,
    w.params,
  );
  return rows.map((r) => [r.indicator_id, r.area, r.sub_area, r.period, r.gender]);
}

/** The program area a goal may be owned by: its kind, level and owner (404-free: the caller checked visibility). */
export const goalGroupFacts = (db: Queryable, id: string) =>
  selectRow<{ kind: string; level: string; owner: string; name: string }>(
    db,
    'SELECT kind, level, owner, name FROM groups WHERE id = $1',
    [id],
  );

/**
 * Upserts a reference goal (a patient promise or a program area's goal named by a seed) by its
 * natural key; a row changes (and its version moves) only when its values do.
 */
export async function upsertReferenceGoal(
  tx: Queryable,
  g: { key: string; parentId: string | null; owner: string; groupId: string | null; title: string; sourceQuote: string },
): Promise<string> {
  return (
    await tx.query<{ id: string }>(
      `WITH up AS (
         INSERT INTO followup_goals (reference_key, parent_id, kind, owner, group_id, title, source_quote)
         VALUES ($1, $2, CASE WHEN $2::uuid IS NULL THEN 'promise' ELSE 'goal' END, $3, $4, $5, $6)
         ON CONFLICT (reference_key) WHERE reference_key IS NOT NULL DO UPDATE
           SET parent_id = EXCLUDED.parent_id, owner = EXCLUDED.owner, group_id = EXCLUDED.group_id, title = EXCLUDED.title,
               source_quote = EXCLUDED.source_quote, version = followup_goals.version + 1, updated_at = now()
           WHERE (followup_goals.parent_id, followup_goals.owner, followup_goals.group_id, followup_goals.title, followup_goals.source_quote)
             IS DISTINCT FROM (EXCLUDED.parent_id, EXCLUDED.owner, EXCLUDED.group_id, EXCLUDED.title, EXCLUDED.source_quote)
         RETURNING id)
       SELECT id FROM up UNION ALL SELECT id FROM followup_goals WHERE reference_key = $1 LIMIT 1`,
      [g.key, g.parentId, g.owner, g.groupId, g.title, g.sourceQuote],
    )
  )[0]!.id;
}
