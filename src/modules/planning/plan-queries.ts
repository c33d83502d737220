/** Reading plans: one with its items, a group's or region's list, the comparison with last year's plan. */
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { allowedActions, isLocked } from '../../platform/lifecycle/index.js';
import { mayWritePlans } from './policy.js';
import * as repo from './repository.js';
import type { PlanRow } from './repository.js';
import { planLifecycle, type PlanItem } from './rules/plan.js';

/** A plan with the year its two-year period ends. */
const present = (p: PlanRow) => ({ ...p, endYear: p.startYear + 1 });

export async function getPlan(db: Queryable, id: string) {
  const p = await repo.getPlanRow(db, id);
  if (!p) return undefined;
  return { ...present(p), items: await repo.planItems(db, id) };
}
export type PlanAudit = NonNullable<Awaited<ReturnType<typeof getPlan>>>;

export const listPlans = async (db: Queryable, f: { groupId?: string | undefined; region?: string | undefined }) =>
  (await repo.listPlanRows(db, { groupId: f.groupId ?? null, region: f.region ?? null })).map(present);

/** The group's previous plan (the latest starting before this one) and what changed. */
export async function compareWithPrevious(db: Queryable, plan: PlanAudit) {
  const prevId = await repo.previousPlanId(db, plan.groupId, plan.startYear);
  if (!prevId) return null;
  const old = (await getPlan(db, prevId))!;
  const key = (i: PlanItem) => i.title.trim().toLowerCase();
  const oldBy = new Map(old.items.map((i) => [key(i), i]));
  const newBy = new Map(plan.items.map((i) => [key(i), i]));
  return {
    previousPlanId: old.id,
    previousStartYear: old.startYear,
    added: plan.items.filter((i) => !oldBy.has(key(i))).map((i) => i.title),
    removed: old.items.filter((i) => !newBy.has(key(i))).map((i) => ({ title: i.title, progress: i.progress })),
    reprioritised: plan.items
      .filter((i) => oldBy.has(key(i)) && oldBy.get(key(i))!.priority !== i.priority)
      .map((i) => ({ title: i.title, from: oldBy.get(key(i))!.priority, to: i.priority })),
  };
}

/** A plan for the caller: the comparison, whether they may edit it and the steps they may take. */
export async function presentPlan(db: Queryable, ctx: Ctx, p: PlanAudit) {
  const owner = p.regionCode;
  const mayEdit = await mayWritePlans(ctx, db, p.groupId, owner);
  return {
    ...p,
    comparison: await compareWithPrevious(db, p),
    mayEdit,
    locked: isLocked(planLifecycle, p.state),
    allowedActions: allowedActions(planLifecycle, p.state, {}, () => mayEdit),
  };
}
