/** SQL for PDSA cycles. */
import type { Queryable } from '../../platform/db/index.js';
import type { PdsaPhase } from './rules/pdsa.js';

export interface PdsaRow {
  id: string;
  indicator_id: string;
  region_code: string;
  group_id: string | null;
  title: string;
  phase: PdsaPhase;
  plan_text: string | null;
  do_text: string | null;
  study_text: string | null;
  act_text: string | null;
  started_on: string | null;
  version: number;
}

const PDSA_COLS =
  'id, indicator_id, region_code, group_id, title, phase, plan_text, do_text, study_text, act_text, started_on, version';

export const listPdsaRows = (db: Queryable, f: { indicatorId: string | null; region: string | null }) =>
  db.query<PdsaRow>(
    `SELECT ${PDSA_COLS} FROM pdsa_cycles WHERE ($1::uuid IS NULL OR indicator_id = $1) AND ($2::text IS NULL OR region_code = $2) ORDER BY created_at DESC LIMIT 500`,
    [f.indicatorId, f.region],
  );

export const getPdsaForUpdate = async (db: Queryable, id: string) =>
  (await db.query<PdsaRow>(`SELECT ${PDSA_COLS} FROM pdsa_cycles WHERE id = $1 FOR UPDATE`, [id]))[0];

export async function insertPdsa(
  db: Queryable,
  i: {
    indicatorId: string;
    regionCode: string;
    groupId: string | null;
    title: string;
    plan: string | null;
    startedOn: string | null;
  },
  isDemo: boolean,
): Promise<PdsaRow> {
  const rows = await db.query<PdsaRow>(
    `INSERT INTO pdsa_cycles (indicator_id, region_code, group_id, title, plan_text, started_on, is_demo) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${PDSA_COLS}`,
    [i.indicatorId, i.regionCode, i.groupId, i.title, i.plan, i.startedOn, isDemo],
  );
  return rows[0]!;
}

/** Writes a cycle's title, phase and texts when the version still matches; undefined when it does not. */
export async function updatePdsaRow(
  db: Queryable,
  id: string,
  version: number,
  p: { title: string; phase: PdsaPhase; plan: string | null; do: string | null; study: string | null; act: string | null },
): Promise<PdsaRow | undefined> {
  const rows = await db.query<PdsaRow>(
    `UPDATE pdsa_cycles SET title = $3, phase = $4, plan_text = $5, do_text = $6, study_text = $7, act_text = $8, version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2 RETURNING ${PDSA_COLS}`,
    [id, version, p.title, p.phase, p.plan, p.do, p.study, p.act],
  );
  return rows[0];
}
