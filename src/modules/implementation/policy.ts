/**
 * Who reads a region's follow-up work in detail: plans, implementation statuses (with their
 * notes, decisions and who changed them) and follow-up reports. Any role of the policy table
 * held at a scope covering the object — the region, its healthcare region, the group itself, or
 * system-wide. A signed-in account without such a role (a freshly provisioned user, someone from
 * another region) gets nothing: lists leave the rows out, a single object answers 404. The
 * non-personal comparison across regions stays public: the heatmap and the open data.
 */
import { can, PERMISSIONS, type Permission, type TargetScope } from '../../platform/auth/policy.js';
import type { Actor } from '../../platform/context.js';
import { ownerScope } from '../organisation/check-group.js';
import type { Geography } from '../organisation/rules/structure.js';

const ANY_ROLE = Object.keys(PERMISSIONS) as Permission[];

export function mayReadFollowup(actor: Actor | undefined, target: TargetScope): boolean {
  return ANY_ROLE.some((p) => can(actor, p, target));
}

/** The scope of a region's follow-up row: its group when it has one, else its region. */
export function followupScope(row: { regionCode: string; groupId: string | null }, geo: Geography): TargetScope {
  const region = ownerScope(row.regionCode, geo);
  return row.groupId ? { type: 'group', id: row.groupId, owner: region } : region;
}
