import type { Queryable } from '../../../platform/db/index.js';
import type { Offsets } from '../rules/milestones.js';

export interface SettingsRow {
  region_code: string;
  survey_closes_days: number;
  draft_ready_days: number;
  beredning_days: number;
  decision_days: number;
  beredning_group_id: string | null;
  decision_group_id: string | null;
  version: number;
}

export async function getSettings(db: Queryable, region: string): Promise<SettingsRow | undefined> {
  return (await db.query<SettingsRow>('SELECT * FROM consultation_settings WHERE region_code = $1', [region]))[0];
}

export const offsetsOf = (s: SettingsRow): Offsets => ({
  surveyClosesDays: s.survey_closes_days,
  draftReadyDays: s.draft_ready_days,
  beredningDays: s.beredning_days,
  decisionDays: s.decision_days,
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
    return (
      await db.query<SettingsRow>(
        `INSERT INTO consultation_settings (region_code, survey_closes_days, draft_ready_days, beredning_days, decision_days,
           beredning_group_id, decision_group_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (region_code) DO NOTHING RETURNING *`,
        params,
      )
    )[0];
  }
  return (
    await db.query<SettingsRow>(
      `UPDATE consultation_settings SET survey_closes_days = $2, draft_ready_days = $3, beredning_days = $4, decision_days = $5,
         beredning_group_id = $6, decision_group_id = $7, version = version + 1, updated_at = now()
       WHERE region_code = $1 AND version = $8 RETURNING *`,
      [...params, expectedVersion],
    )
  )[0];
}
