import type { Actor } from '../../platform/context.js';
import type { Geography } from '../organisation/rules/structure.js';
import { isPerson, mayManageGroup } from './access.js';
import type { ClaimPermissions } from './presenter.js';
import type { ClaimRow } from './repository.js';
import { transition } from './rules/claim-state.js';

/** How the caller stands to a claim, for the state machine and for what the UI may offer. */
export function claimRoles(actor: Actor | undefined, c: ClaimRow, geo: Geography) {
  const own = isPerson(actor, c.person_email);
  const manager = mayManageGroup(actor, c.group_id, c.group_owner, geo);
  return {
    visible: own || manager,
    // the process support may act for the person; the person acts for themself
    roles: { claimant: own || manager, approver: manager, ownClaim: own || (!!actor && c.submitted_by === actor.userId) },
  };
}

export function claimPermissions(actor: Actor | undefined, c: ClaimRow, geo: Geography): ClaimPermissions {
  const { roles } = claimRoles(actor, c, geo);
  return {
    approve: transition(c.status, 'approve', roles).ok,
    resubmit: transition(c.status, 'resubmit', roles).ok,
    withdraw: transition(c.status, 'withdraw', roles).ok,
  };
}
