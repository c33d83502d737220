/**
 * Who may do what with a region's implementation statuses. Reading one in detail (its notes,
 * decisions and who changed it): any role of the policy table held at a scope covering the
 * row — its region, its healthcare region, its group, or system-wide. A signed-in account
 * without such a role (a freshly provisioned user, someone from another region) gets nothing:
 * lists leave the rows out, a single status answers 404. Writing: the region's coordinators
 * (`implementation.write` at the region). The non-personal comparison across regions stays
 * public: the heatmap and the open data.
 *
 * Every use case and route of the module asks this file; the scope comes from `requestScope`,
 * so the geography is read once per request.
 */
import { authorize, can, PERMISSIONS, type Permission, type TargetScope } from '../../platform/auth/policy.js';
import { requestScope } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { unprocessable } from '../../platform/errors.js';

const ANY_ROLE = Object.keys(PERMISSIONS) as Permission[];

/** A row of a region's follow-up work: in a region, perhaps for one of its groups. */
export interface RegionWork {
  regionCode: string;
  groupId: string | null;
}

/** The scope a region's follow-up row is in: its group when it has one, else its region. */
async function workScope(ctx: Ctx, db: Queryable, row: RegionWork): Promise<TargetScope> {
  const region = await requestScope(ctx, db).of(row.regionCode);
  return row.groupId ? { type: 'group', id: row.groupId, owner: region } : region;
}

/** Whether the caller reads the row in detail (any role covering it). */
export async function mayReadRegionWork(ctx: Ctx, db: Queryable, row: RegionWork): Promise<boolean> {
  const target = await workScope(ctx, db, row);
  return ANY_ROLE.some((p) => can(ctx.actor, p, target));
}

/** The regions where the caller writes implementation statuses (what the pages offer to edit). */
export const regionsWritable = (ctx: Ctx, db: Queryable): Promise<string[]> =>
  ctx.actor ? requestScope(ctx, db).regionsWith('implementation.write') : Promise.resolve([]);

/** Whether the caller may write the region's implementation statuses. */
export const mayWriteStatus = (ctx: Ctx, db: Queryable, regionCode: string): Promise<boolean> =>
  requestScope(ctx, db).may('implementation.write', regionCode);

/**
 * The region named in a write, as a policy target: 422 on `field` when there is no such region.
 * Shared with planning (a PDSA cycle belongs to a region too).
 */
export async function regionTarget(ctx: Ctx, db: Queryable, code: string, field = '/regionCode'): Promise<TargetScope> {
  const scope = requestScope(ctx, db);
  if (!(await scope.geography()).regionHealthcareRegions.has(code)) {
    throw unprocessable(`Regionen ${code} finns inte.`, [{ path: field, message: 'Okänd region' }]);
  }
  return scope.of(code);
}

/** 403 unless the caller writes the region's statuses (422 for an unknown region). */
export async function authorizeStatusWrite(ctx: Ctx, db: Queryable, regionCode: string): Promise<void> {
  authorize(ctx.actor, 'implementation.write', await regionTarget(ctx, db, regionCode));
}
