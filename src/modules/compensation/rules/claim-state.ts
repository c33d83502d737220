/**
 * The lifecycle of a compensation claim, declared once (platform/lifecycle):
 *
 *   submitted ──approve──▶ approved
 *   submitted ──return───▶ returned ──resubmit──▶ submitted
 *   submitted | returned ──withdraw──▶ withdrawn
 *
 * Who may act: the claimant (the person, or the process support submitting on their behalf)
 * resubmits and withdraws; an approver of the group's region approves and returns, never their
 * own claim. A claim is returned with a comment saying what to correct (the action's reason).
 */
import { defineLifecycle } from '../../../platform/lifecycle/lifecycle.js';

export type ClaimStatus = 'submitted' | 'returned' | 'approved' | 'withdrawn';
export type ClaimAction = 'approve' | 'return' | 'resubmit' | 'withdraw';
export type ClaimActor = 'claimant' | 'approver';

export const claimLifecycle = defineLifecycle<ClaimStatus, ClaimAction>({
  entity: 'compensation-claim',
  noun: 'Anspråket',
  statuses: ['submitted', 'returned', 'approved', 'withdrawn'],
  labels: { submitted: 'inskickat', returned: 'återskickat', approved: 'godkänt', withdrawn: 'återtaget' },
  actions: {
    approve: { label: 'godkänna anspråket', from: ['submitted'], to: 'approved', audit: 'approve' },
    return: { label: 'skicka tillbaka anspråket', from: ['submitted'], to: 'returned', audit: 'return', reason: true },
    resubmit: { label: 'skicka in anspråket igen', from: ['returned'], to: 'submitted', audit: 'resubmit' },
    withdraw: { label: 'ta tillbaka anspråket', from: ['submitted', 'returned'], to: 'withdrawn', audit: 'withdraw' },
  },
  locked: ['approved', 'withdrawn'],
  final: ['approved', 'withdrawn'],
});

/** Who takes each action: the claimant's side or the approver's. */
export const CLAIM_ACTOR: Readonly<Record<ClaimAction, ClaimActor>> = {
  approve: 'approver',
  return: 'approver',
  resubmit: 'claimant',
  withdraw: 'claimant',
};

/** Actions that are decisions: they stamp who decided, when, and the decision's comment. */
export const DECISIONS: readonly ClaimAction[] = ['approve', 'return'];

/** How a caller stands to one claim (from the module's policy). */
export interface ClaimRoles {
  claimant: boolean;
  approver: boolean;
  ownClaim: boolean;
}

export type ActorVerdict = { ok: true } | { ok: false; reason: 'not-allowed' | 'own-claim'; message: string };

/** Whether a caller standing so to the claim may take the action at all (whatever its status). */
export function mayAct(action: ClaimAction, roles: ClaimRoles): ActorVerdict {
  const by = CLAIM_ACTOR[action];
  if (!(by === 'claimant' ? roles.claimant : roles.approver))
    return { ok: false, reason: 'not-allowed', message: 'Du får inte göra detta med anspråket.' };
  if (by === 'approver' && roles.ownClaim)
    return { ok: false, reason: 'own-claim', message: 'Du kan inte attestera ditt eget anspråk.' };
  return { ok: true };
}

/**
 * Why the action does not run from this status, or null when it does. The claim API answers it
 * with 409 whether or not the status is final, as it always has.
 */
export const wrongState = (from: ClaimStatus, action: ClaimAction): string | null =>
  claimLifecycle.actions[action].from.includes(from)
    ? null
    : `Anspråket är ${claimLifecycle.labels[from]} och kan inte längre ändras så.`;

/** Claims that still wait for someone: they block anonymisation of the person. */
export const OPEN_STATUSES: readonly ClaimStatus[] = claimLifecycle.statuses.filter((s) => !claimLifecycle.final?.includes(s));
/** Claims that count in totals and payroll exports. */
export const PAYABLE_STATUSES: readonly ClaimStatus[] = ['approved'];
