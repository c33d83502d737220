/** SQL for operational plans (verksamhetsplaner) and their prioritised items. */
import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { selectRow, selectRows } from '../../platform/db/rows.js';
import type { PlanItem, PlanState } from './rules/plan.js';
import type { PlanSummary } from './schemas.js';

/** A plan as the API lists it, less the end year the presenter counts. */
export type PlanRow = Omit<Static<typeof PlanSummary>, 'endYear'>;

const SELECT = `SELECT p.id, p.group_id, g.name AS group_name, p.region_code, p.start_year, p.title, p.state, p.agreed_with, p.decision_ref,
  p.established_on, p.version FROM operational_plans p JOIN groups g ON g.id = p.group_id`;

export const getPlanRow = (db: Queryable, id: string) => selectRow<PlanRow>(db, `${SELECT} WHERE p.id = $1`, [id]);

export const listPlanRows = (db: Queryable, f: { groupId: string | null; region: string | null }) =>
  selectRows<PlanRow>(
    db,
    `${SELECT} WHERE ($1::uuid IS NULL OR p.group_id = $1) AND ($2::text IS NULL OR p.region_code = $2) ORDER BY p.start_year DESC, sv_key(g.name) COLLATE "C" LIMIT 500`,
    [f.groupId, f.region],
  );

/** A plan's items as the API shows them. */
export const planItems = (db: Queryable, planId: string) =>
  selectRows<PlanItem>(
    db,
    `SELECT priority, title, rationale_kind, rationale, owner_name, support_id, starts_on, ends_on, working_group_starts_on, progress
      FROM operational_plan_items WHERE plan_id = $1 ORDER BY priority, title`,
    [planId],
  );

/** Replaces all items of a plan, in the caller's transaction. */
export async function replacePlanItems(tx: Queryable, planId: string, items: PlanItem[]): Promise<void> {
  await tx.query('DELETE FROM operational_plan_items WHERE plan_id = $1', [planId]);
  for (const i of items) {
    await tx.query(
      `INSERT INTO operational_plan_items (plan_id, priority, title, rationale_kind, rationale, owner_name, support_id, starts_on, ends_on, working_group_starts_on, progress)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        planId,
        i.priority,
        i.title,
        i.rationaleKind,
        i.rationale,
        i.ownerName,
        i.supportId,
        i.startsOn,
        i.endsOn,
        i.workingGroupStartsOn,
        i.progress,
      ],
    );
  }
}

/** Whether the group already has a plan starting that year. */
export const planExistsFor = async (db: Queryable, groupId: string, startYear: number) =>
  (await db.query('SELECT 1 FROM operational_plans WHERE group_id = $1 AND start_year = $2', [groupId, startYear])).length > 0;

export const insertPlan = async (
  db: Queryable,
  p: { groupId: string; regionCode: string; startYear: number; title: string },
): Promise<string> =>
  (
    await db.query<{ id: string }>(
      `INSERT INTO operational_plans (group_id, region_code, start_year, title) VALUES ($1, $2, $3, $4) RETURNING id`,
      [p.groupId, p.regionCode, p.startYear, p.title],
    )
  )[0]!.id;

export async function lockPlanRow(tx: Queryable, id: string): Promise<void> {
  await tx.query('SELECT 1 FROM operational_plans WHERE id = $1 FOR UPDATE', [id]);
}

/** A new title (or the old one when null) and the next version. */
export async function updatePlanTitle(tx: Queryable, id: string, title: string | null): Promise<void> {
  await tx.query(
    'UPDATE operational_plans SET title = COALESCE($2, title), version = version + 1, updated_at = now() WHERE id = $1',
    [id, title],
  );
}

/** Moves the plan to a state; the decision fields keep their value when null. */
export async function setPlanState(
  tx: Queryable,
  id: string,
  s: { state: PlanState; agreedWith: string | null; decisionRef: string | null; establishedOn: string | null },
): Promise<void> {
  await tx.query(
    `UPDATE operational_plans SET state = $2, agreed_with = COALESCE($3, agreed_with), decision_ref = COALESCE($4, decision_ref), established_on = COALESCE($5::date, established_on),
         version = version + 1, updated_at = now() WHERE id = $1`,
    [id, s.state, s.agreedWith, s.decisionRef, s.establishedOn],
  );
}

/** The id of the group's latest plan starting before the given year. */
export const previousPlanId = async (db: Queryable, groupId: string, startYear: number) =>
  (
    await db.query<{ id: string }>(
      `SELECT id FROM operational_plans WHERE group_id = $1 AND start_year < $2 ORDER BY start_year DESC LIMIT 1`,
      [groupId, startYear],
    )
  )[0]?.id;
