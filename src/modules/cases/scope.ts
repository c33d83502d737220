import { can, type Permission, type TargetScope } from '../../platform/auth/policy.js';
import type { Actor } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { ownerScope } from '../organisation/check-group.js';
import { geography } from '../organisation/repository.js';

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
