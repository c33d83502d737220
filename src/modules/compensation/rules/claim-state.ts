/**
 * The lifecycle of a compensation claim as one transition table:
 *
 *   submitted ──approve──▶ approved
 *   submitted ──return───▶ returned ──resubmit──▶ submitted
 *   submitted | returned ──withdraw──▶ withdrawn
 *
 * Who may act: the claimant (the person, or the process support submitting on their behalf)
 * resubmits and withdraws; an approver of the group's region approves and returns, never their
 * own claim.
 */
export type ClaimStatus = 'submitted' | 'returned' | 'approved' | 'withdrawn';
export type ClaimAction = 'approve' | 'return' | 'resubmit' | 'withdraw';
export type ClaimActor = 'claimant' | 'approver';

interface Transition {
  from: readonly ClaimStatus[];
  to: ClaimStatus;
  by: ClaimActor;
}

export const CLAIM_TRANSITIONS: Record<ClaimAction, Transition> = {
  approve: { from: ['submitted'], to: 'approved', by: 'approver' },
  return: { from: ['submitted'], to: 'returned', by: 'approver' },
  resubmit: { from: ['returned'], to: 'submitted', by: 'claimant' },
  withdraw: { from: ['submitted', 'returned'], to: 'withdrawn', by: 'claimant' },
};

export type TransitionResult =
  { ok: true; to: ClaimStatus } | { ok: false; reason: 'wrong-state' | 'not-allowed' | 'own-claim'; message: string };

const STATUS_SV: Record<ClaimStatus, string> = {
  submitted: 'inskickat',
  returned: 'återskickat',
  approved: 'godkänt',
  withdrawn: 'återtaget',
};

/**
 * Decides a transition. `roles` says how the actor stands to this claim: as its claimant, as an
 * approver, or both (an approver may not decide a claim that is their own).
 */
export function transition(
  from: ClaimStatus,
  action: ClaimAction,
  roles: { claimant: boolean; approver: boolean; ownClaim: boolean },
): TransitionResult {
  const t = CLAIM_TRANSITIONS[action];
  const allowed = t.by === 'claimant' ? roles.claimant : roles.approver;
  if (!allowed) return { ok: false, reason: 'not-allowed', message: 'Du får inte göra detta med anspråket.' };
  if (t.by === 'approver' && roles.ownClaim)
    return { ok: false, reason: 'own-claim', message: 'Du kan inte attestera ditt eget anspråk.' };
  if (!t.from.includes(from))
    return { ok: false, reason: 'wrong-state', message: `Anspråket är ${STATUS_SV[from]} och kan inte längre ändras så.` };
  return { ok: true, to: t.to };
}

/** Claims that still wait for someone: they block anonymisation of the person. */
export const OPEN_STATUSES: readonly ClaimStatus[] = ['submitted', 'returned'];
/** Claims that count in totals and payroll exports. */
export const PAYABLE_STATUSES: readonly ClaimStatus[] = ['approved'];
