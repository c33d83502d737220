import { can, PERMISSIONS, type TargetScope } from '../../platform/auth/policy.js';
import { ownerScope, requestScope, type Geography } from '../../platform/auth/scope.js';
import type { Actor, Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { allowedActions } from '../../platform/lifecycle/lifecycle.js';
import type { ClaimRow } from './repository.js';
import { claimLifecycle, mayAct, type ClaimAction, type ClaimRoles } from './rules/claim-state.js';

/**
 * Who may do what with compensation: the one answer every use case asks. A user is linked to a
 * person by e-mail address, as in the people module. Amounts and claims are for the person
 * themself, the process support or coordinator of the group's region (approvers) and
 * administrators — nobody else. The geography comes from the request's scope (read once).
 */
export interface CompensationPolicy {
  readonly actor: Actor | undefined;
  /** Whether the caller is this person (by e-mail). */
  isPerson(personEmail: string | null): boolean;
  /** Whether the caller manages (and approves) participants and claims of the group. */
  mayManageGroup(groupId: string, owner: string): boolean;
  /** The rows this caller may see in lists: undefined for administrators with system scope. */
  visibility(): { owners: string[]; groupIds: string[]; email: string | null } | undefined;
  /** Whether the caller sees the claim, and how they stand to it. */
  claim(c: ClaimRow): { visible: boolean; roles: ClaimRoles };
  /** The lifecycle actions the caller is offered on the claim now. */
  claimActions(c: ClaimRow): ClaimAction[];
}

const groupScope = (groupId: string, owner: string, geo: Geography): TargetScope => ({
  type: 'group',
  id: groupId,
  owner: ownerScope(owner, geo),
});

/** Group-scoped roles (a process support of one group) reach that group only: their ids. */
const managedGroupIds = (actor: Actor): string[] =>
  actor.roles
    .filter((r) => r.scopeType === 'group' && (PERMISSIONS['compensation.manage'] as readonly string[]).includes(r.role))
    .map((r) => r.scopeId);

/** Holds the manage permission somewhere (the export and approval queue are for such callers). */
export const mayManageAnywhere = (actor: Actor): boolean =>
  actor.roles.some((r) => (PERMISSIONS['compensation.manage'] as readonly string[]).includes(r.role));

export function policyFor(actor: Actor | undefined, geo: Geography): CompensationPolicy {
  const isPerson = (email: string | null) => Boolean(actor && email && actor.email === email);
  const mayManageGroup = (groupId: string, owner: string) => can(actor, 'compensation.manage', groupScope(groupId, owner, geo));
  const claim = (c: ClaimRow) => {
    const own = isPerson(c.personEmail);
    const manager = mayManageGroup(c.groupId, c.groupOwner);
    return {
      visible: own || manager,
      // the process support may act for the person; the person acts for themself
      roles: { claimant: own || manager, approver: manager, ownClaim: own || (!!actor && c.submittedBy === actor.userId) },
    };
  };
  return {
    actor,
    isPerson,
    mayManageGroup,
    visibility() {
      if (!actor) return { owners: [], groupIds: [], email: null };
      if (can(actor, 'compensation.manage')) return undefined;
      const owners = ['national', ...geo.healthcareRegionIds, ...geo.regionHealthcareRegions.keys()].filter((o) =>
        can(actor, 'compensation.manage', ownerScope(o, geo)),
      );
      return { owners, groupIds: managedGroupIds(actor), email: actor.email };
    },
    claim,
    claimActions(c) {
      const { roles } = claim(c);
      return allowedActions(claimLifecycle, c.status, {}, (a) => mayAct(a, roles).ok);
    },
  };
}

/** The caller's compensation policy for this request (the geography from the request's scope). */
export async function compensationPolicy(ctx: Ctx, db: Queryable): Promise<CompensationPolicy> {
  return policyFor(ctx.actor, await requestScope(ctx, db).geography());
}
