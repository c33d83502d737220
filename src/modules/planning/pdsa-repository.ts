/** SQL for PDSA cycles. */
import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { selectRow, selectRows } from '../../platform/db/rows.js';
import type { PdsaPhase } from './rules/pdsa.js';
import type { Pdsa } from './schemas.js';

/** A cycle as the API shows it, less the caller's permissions; its texts are named by their phase. */
export type PdsaRow = Omit<Static<typeof Pdsa>, 'mayEdit' | 'allowedActions'>;

const PDSA_COLS =
  'id, indicator_id, region_code, group_id, title, phase, plan_text AS plan, do_text AS "do", study_text AS study, act_text AS act, started_on, version';

export const listPdsaRows = (db: Queryable, f: { indicatorId: string | null; region: string | null }) =>
  selectRows<PdsaRow>(
    db,
    `SELECT ${PDSA_COLS} FROM pdsa_cycles WHERE ($1::uuid IS NULL OR indicator_id = $1) AND ($2::text IS NULL OR region_code = $2) ORDER BY created_at DESC LIMIT 500`,
    [f.indicatorId, f.region],
  );

export const getPdsaForUpdate = (db: Queryable, id: string) =>
  selectRow<PdsaRow>(db, `SELECT ${PDSA_COLS} FROM pdsa_cycles WHERE id = $1 FOR UPDATE`, [id]);

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
  const row = await selectRow<PdsaRow>(
    db,
    `INSERT INTO pdsa_cycles (indicator_id, region_code, group_id, title, plan_text, started_on, is_demo) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${PDSA_COLS}`,
    [i.indicatorId, i.regionCode, i.groupId, i.title, i.plan, i.startedOn, isDemo],
  );
  return row!;
}

/** Writes a cycle's title, phase and texts when the version still matches; undefined when it does not. */
export async function updatePdsaRow(
  db: Queryable,
  id: string,
  version: number,
  p: { title: string; phase: PdsaPhase; plan: string | null; do: string | null; study: string | null; act: string | null },
): Promise<PdsaRow | undefined> {
  return selectRow<PdsaRow>(
    db,
    `UPDATE pdsa_cycles SET title = $3, phase = $4, plan_text = $5, do_text = $6, study_text = $7, act_text = $8, version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2 RETURNING ${PDSA_COLS}`,
    [id, version, p.title, p.phase, p.plan, p.do, p.study, p.act],
  );
}
