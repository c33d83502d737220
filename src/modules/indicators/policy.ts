/**
 * Who may do what with goals, indicators, their values, comments and the follow-up report.
 * - Goals: `followup.goals.write` on the goal's owner (national, a healthcare region or a region).
 * - Indicators are national: `followup.indicators.manage` (administrators).
 * - Values: whoever may import somewhere validates a file; writing needs
 *   `followup.values.import` at each area in it (the nation's values: system-wide).
 * - A controller's comment: `followup.comment` at the group.
 * - The group's follow-up report holds its plan, statuses and comments: the same readers as
 *   those (implementation's rule for a region's follow-up work); others get 404.
 * The national views (goal tree, indicators, series, heatmap) are read by everyone signed in,
 * and by anyone when the public view (insyn) is on: the routes say so.
 * The scope comes from `requestScope`, so the geography is read once per request.
 */
import { authorize, can, PERMISSIONS, requireActor, type TargetScope } from '../../platform/auth/policy.js';
import { requestScope } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { forbidden, notFound, unprocessable } from '../../platform/errors.js';
import { mayReadRegionWork } from '../implementation/index.js';
import { getGroup } from '../organisation/index.js';
import { ownerExists } from './repository.js';

/** 403 unless the caller writes the owner's goals. */
export async function authorizeGoalWrite(ctx: Ctx, db: Queryable, owner: string): Promise<void> {
  authorize(ctx.actor, 'followup.goals.write', await requestScope(ctx, db).of(owner));
}

/** As authorizeGoalWrite, for an owner named in the body: 422 when there is no such owner. */
export async function authorizeGoalWriteForNewOwner(ctx: Ctx, db: Queryable, owner: string): Promise<void> {
  if (owner !== 'national' && !(await ownerExists(db, owner))) {
    throw unprocessable('Ägaren finns inte.', [
      { path: '/owner', message: 'Ange national, en sjukvårdsregion eller en regionkod.' },
    ]);
  }
  await authorizeGoalWrite(ctx, db, owner);
}

/** Whether the caller writes the owner's goals (for the goal tree's offers). */
export const mayWriteGoals = (ctx: Ctx, db: Queryable, owner: string): Promise<boolean> =>
  requestScope(ctx, db).may('followup.goals.write', owner);

/** The owners (national, healthcare regions, regions) whose goals the caller writes: what the goal tree offers. */
export async function goalOwnersWritable(ctx: Ctx, db: Queryable): Promise<string[]> {
  if (!ctx.actor) return [];
  const scope = requestScope(ctx, db);
  const geo = await scope.geography();
  const owners = ['national', ...geo.healthcareRegionIds, ...geo.regionHealthcareRegions.keys()];
  const out: string[] = [];
  for (const o of owners) if (await scope.may('followup.goals.write', o)) out.push(o);
  return out;
}

/** 403 unless the caller defines national indicators. */
export function authorizeIndicatorManage(ctx: Ctx): void {
  authorize(ctx.actor, 'followup.indicators.manage');
}

/** 403 unless the caller may import values somewhere (to validate a file). */
export function authorizeSomeImport(ctx: Ctx): void {
  requireActor(ctx.actor);
  const importers: readonly string[] = PERMISSIONS['followup.values.import'];
  if (!ctx.actor.roles.some((r) => importers.includes(r.role)))
    throw forbidden('Du har inte behörighet att läsa in indikatorvärden.');
}

/** The areas of a file (region codes, SE for the nation) the caller may not write. */
export async function deniedAreas(ctx: Ctx, db: Queryable, areas: string[]): Promise<string[]> {
  const scope = requestScope(ctx, db);
  const denied: string[] = [];
  for (const a of [...new Set(areas)]) {
    const target: TargetScope = a === 'SE' ? { type: 'system' } : await scope.of(a);
    if (!can(ctx.actor, 'followup.values.import', target)) denied.push(a);
  }
  return denied.sort();
}

/** 403 unless the caller comments the group's follow-up (404 for an unknown group). */
export async function authorizeComment(ctx: Ctx, db: Queryable, groupId: string): Promise<void> {
  const group = await getGroup(db, groupId);
  if (!group) throw notFound('Gruppen');
  authorize(ctx.actor, 'followup.comment', { type: 'group', id: group.id, owner: await requestScope(ctx, db).of(group.owner) });
}

/** 404 unless the caller reads the group's follow-up report. */
export async function assertMayReadReport(ctx: Ctx, db: Queryable, groupId: string): Promise<void> {
  const group = await getGroup(db, groupId);
  if (!group || !(await mayReadRegionWork(ctx, db, { regionCode: group.owner, groupId: group.id }))) throw notFound('Gruppen');
}

/**
 * 403 unless the caller may cancel the import: the person who started it, or an indicator
 * administrator (who answers for every import of the national indicators).
 */
export function authorizeImportCancel(ctx: Ctx, imp: { createdBy: string | null }): void {
  requireActor(ctx.actor);
  if (ctx.actor.via !== 'system' && imp.createdBy !== null && imp.createdBy === ctx.actor.userId) return;
  if (can(ctx.actor, 'followup.indicators.manage', { type: 'system' })) return;
  throw forbidden('Bara den som startade inläsningen, eller en indikatoradministratör, kan avbryta den.');
}
