/**
 * Who may do what with plans and PDSA cycles. A plan belongs to a regional group: its writers
 * hold `plans.write` at the group (or a scope covering it); its readers hold any role covering
 * it (implementation's rule for a region's follow-up work) — others get 404. A PDSA cycle
 * belongs to a region: its writers hold `pdsa.write` there; every signed-in user reads cycles.
 * The scope comes from `requestScope`, so the geography is read once per request.
 */
import { authorize, can, type TargetScope } from '../../platform/auth/policy.js';
import { requestScope } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { mayReadRegionWork, regionTarget } from '../implementation/index.js';
import { getGroup, groupsAt, isGroupActive, type GroupRow } from '../organisation/index.js';
import { makesPlans } from './rules/plan.js';

/** A group that still works (a closed group makes no new plans). */
const isOpen = (g: GroupRow) => isGroupActive(g.status);

/** A group and the scope that covers it; 404 when unknown. */
export async function groupTarget(
  ctx: Ctx,
  db: Queryable,
  id: string,
  what = 'Gruppen',
): Promise<{ group: GroupRow; scope: TargetScope }> {
  const group = await getGroup(db, id);
  if (!group) throw notFound(what);
  return { group, scope: { type: 'group', id: group.id, owner: await requestScope(ctx, db).of(group.owner) } };
}

/** Whether the caller reads the plan (any role covering its group). */
export const mayReadPlan = (ctx: Ctx, db: Queryable, p: { regionCode: string; groupId: string }) => mayReadRegionWork(ctx, db, p);

/** Whether the caller may write the group's plans. */
export async function mayWritePlans(ctx: Ctx, db: Queryable, groupId: string, owner: string): Promise<boolean> {
  return can(ctx.actor, 'plans.write', { type: 'group', id: groupId, owner: await requestScope(ctx, db).of(owner) });
}

/** 403 unless the caller writes the group's plans (404 for an unknown group). */
export async function authorizePlanWrite(ctx: Ctx, db: Queryable, groupId: string): Promise<GroupRow> {
  const { group, scope } = await groupTarget(ctx, db, groupId);
  authorize(ctx.actor, 'plans.write', scope);
  return group;
}

/** The regional groups whose plans the caller writes, and the regions whose PDSA cycles (what the pages offer). */
export async function planningWritable(ctx: Ctx, db: Queryable): Promise<{ planGroupIds: string[]; pdsaRegions: string[] }> {
  if (!ctx.actor) return { planGroupIds: [], pdsaRegions: [] };
  const scope = requestScope(ctx, db);
  const geo = await scope.geography();
  const regions = [...geo.regionHealthcareRegions.keys()];
  const planGroupIds: string[] = [];
  for (const g of await groupsAt(db, [...regions, ...geo.healthcareRegionIds])) {
    if (makesPlans(g) && isOpen(g) && (await mayWritePlans(ctx, db, g.id, g.owner))) planGroupIds.push(g.id);
  }
  return { planGroupIds, pdsaRegions: await scope.regionsWith('pdsa.write') };
}

/** Whether the caller may write the region's PDSA cycles. */
export const mayWritePdsa = (ctx: Ctx, db: Queryable, regionCode: string) => requestScope(ctx, db).may('pdsa.write', regionCode);

/** 403 unless the caller writes the region's PDSA cycles (422 for an unknown region). */
export async function authorizePdsaWrite(ctx: Ctx, db: Queryable, regionCode: string): Promise<void> {
  authorize(ctx.actor, 'pdsa.write', await regionTarget(ctx, db, regionCode));
}
