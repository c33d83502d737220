import type { Static } from 'typebox';
import type { Queryable } from '../../../platform/db/index.js';
import { selectRow } from '../../../platform/db/rows.js';
import type { Offsets } from '../rules/milestones.js';
import type { Settings } from '../schemas.js';

/** A region's settings as the API shows them (whether the caller may edit them is asked apart). */
export type SettingsRow = Omit<Static<typeof Settings>, 'mayEdit'>;

/** Every column, camelCased, and the region under its API name. */
const SETTINGS = '*, region_code AS region';

export async function getSettings(db: Queryable, region: string): Promise<SettingsRow | undefined> {
  return selectRow<SettingsRow>(db, `SELECT ${SETTINGS} FROM consultation_settings WHERE region_code = $1`, [region]);
}

export const offsetsOf = (s: SettingsRow): Offsets => ({
  surveyClosesDays: s.surveyClosesDays,
  draftReadyDays: s.draftReadyDays,
  beredningDays: s.beredningDays,
  decisionDays: s.decisionDays,
});

export async function upsertSettings(
  db: Queryable,
  region: string,
  o: Offsets & { beredningGroupId: string | null; decisionGroupId: string | null },
  expectedVersion: number | null,
): Promise<SettingsRow | undefined> {
  const params = [
    region,
    o.surveyClosesDays,
    o.draftReadyDays,
    o.beredningDays,
    o.decisionDays,
    o.beredningGroupId,
    o.decisionGroupId,
  ];
  if (expectedVersion === null) {
    return selectRow<SettingsRow>(
      db,
      `INSERT INTO consultation_settings (region_code, survey_closes_days, draft_ready_days, beredning_days, decision_days,
         beredning_group_id, decision_group_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (region_code) DO NOTHING RETURNING ${SETTINGS}`,
      params,
    );
  }
  return selectRow<SettingsRow>(
    db,
    `UPDATE consultation_settings SET survey_closes_days = $2, draft_ready_days = $3, beredning_days = $4, decision_days = $5,
       beredning_group_id = $6, decision_group_id = $7, version = version + 1, updated_at = now()
     WHERE region_code = $1 AND version = $8 RETURNING ${SETTINGS}`,
    [...params, expectedVersion],
  );
}
