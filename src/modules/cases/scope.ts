import { can, type Permission, type TargetScope } from '../../platform/auth/policy.js';
import type { Actor } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { ownerScope } from '../organisation/check-group.js';
import { geography } from '../organisation/repository.js';
import { maskCase } from './presenter.js';

/** The policy scope of a case: its region (covered by roles in the region, its healthcare region or system-wide). */
export async function caseScope(db: Queryable, regionCode: string): Promise<TargetScope> {
  return ownerScope(regionCode, await geography(db));
}

/** 404 (not 403) for a case the caller cannot read, so its existence does not leak. */
export async function assertCanRead(db: Queryable, actor: Actor | undefined, regionCode: string): Promise<TargetScope> {
  const scope = await caseScope(db, regionCode);
  if (!can(actor, 'cases.read', scope)) throw notFound('Ärendet');
  return scope;
}

/**
 * Secret-marked material is for those who read cases in the region itself: a role held in the
 * region (or system-wide), not one inherited from the healthcare region.
 */
export function canReadSecret(actor: Actor | undefined, regionCode: string, permission: Permission = 'cases.read'): boolean {
  if (!actor) return false;
  return can(
    {
      ...actor,
      roles: actor.roles.filter((r) => r.scopeType === 'system' || (r.scopeType === 'region' && r.scopeId === regionCode)),
    },
    permission,
    { type: 'region', code: regionCode, healthcareRegionIds: [] },
  );
}

/** A secret case's particulars are shown only to those who read secret material in its region. */
export const showsSecret = (c: { secret: boolean; region_code: string }, actor: Actor | undefined): boolean =>
  !c.secret || canReadSecret(actor, c.region_code);

/** A case row with its subject and sender masked for a caller who may not see them. */
export const masked = <T extends { subject: string; sender: string }>(
  row: T & { secret: boolean; region_code: string },
  actor: Actor | undefined,
) => maskCase(row, showsSecret(row, actor));

/** Regions where the actor holds a permission (for the lists). */
export async function regionsWith(db: Queryable, actor: Actor, permission: 'cases.read' | 'cases.triage') {
  const geo = await geography(db);
  return [...geo.regionHealthcareRegions.keys()].filter((r) => can(actor, permission, ownerScope(r, geo)));
}
