import { can, PERMISSIONS, type TargetScope } from '../../platform/auth/policy.js';
import type { Actor } from '../../platform/context.js';
import { ownerScope } from '../organisation/check-group.js';
import type { Geography } from '../organisation/rules/structure.js';

/**
 * Who sees what here. A user is linked to a person by e-mail address, as in the people module.
 * Amounts and claims are for the person themself, the process support or coordinator of the
 * group's region (approvers) and administrators — nobody else.
 */
export const groupScope = (groupId: string, owner: string, geo: Geography): TargetScope => ({
  type: 'group',
  id: groupId,
  owner: ownerScope(owner, geo),
});

export const isPerson = (actor: Actor | undefined, personEmail: string | null): boolean =>
  Boolean(actor && personEmail && actor.email === personEmail);

export const mayManageGroup = (actor: Actor | undefined, groupId: string, owner: string, geo: Geography) =>
  can(actor, 'compensation.manage', groupScope(groupId, owner, geo));

/** The group owners whose claims and participants this caller manages; undefined = all of them. */
export function managedOwners(actor: Actor, geo: Geography): string[] | undefined {
  if (can(actor, 'compensation.manage')) return undefined;
  const owners = ['national', ...geo.healthcareRegionIds, ...geo.regionHealthcareRegions.keys()];
  return owners.filter((o) => can(actor, 'compensation.manage', ownerScope(o, geo)));
}

/** Group-scoped roles (a process support of one group) reach that group only: their ids. */
export function managedGroupIds(actor: Actor): string[] {
  return actor.roles
    .filter((r) => r.scopeType === 'group' && ['processtod', 'samordnare', 'admin'].includes(r.role))
    .map((r) => r.scopeId);
}

/** The rows this caller may see in lists: undefined for administrators with system scope. */
export function visibility(
  actor: Actor,
  geo: Geography,
): { owners: string[]; groupIds: string[]; email: string | null } | undefined {
  const owners = managedOwners(actor, geo);
  if (!owners) return undefined;
  return { owners, groupIds: managedGroupIds(actor), email: actor.email };
}

/** Holds the manage permission somewhere (the export and approval queue are for such callers). */
export const mayManageAnywhere = (actor: Actor): boolean =>
  actor.roles.some((r) => (PERMISSIONS['compensation.manage'] as readonly string[]).includes(r.role));
