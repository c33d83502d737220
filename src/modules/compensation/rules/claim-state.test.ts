import { describe, expect, it } from 'vitest';
import { CLAIM_TRANSITIONS, transition, type ClaimAction, type ClaimStatus } from './claim-state.js';

const claimant = { claimant: true, approver: false, ownClaim: true };
const approver = { claimant: true, approver: true, ownClaim: false };
const stranger = { claimant: false, approver: false, ownClaim: false };
const STATUSES: ClaimStatus[] = ['submitted', 'returned', 'approved', 'withdrawn'];
const ACTIONS = Object.keys(CLAIM_TRANSITIONS) as ClaimAction[];

describe('compensation claim lifecycle', () => {
  it('approves and returns submitted claims; the claimant resubmits or withdraws', () => {
    expect(transition('submitted', 'approve', approver)).toEqual({ ok: true, to: 'approved' });
    expect(transition('submitted', 'return', approver)).toEqual({ ok: true, to: 'returned' });
    expect(transition('returned', 'resubmit', claimant)).toEqual({ ok: true, to: 'submitted' });
    expect(transition('returned', 'withdraw', claimant)).toEqual({ ok: true, to: 'withdrawn' });
    expect(transition('submitted', 'withdraw', claimant)).toEqual({ ok: true, to: 'withdrawn' });
  });

  it('the full table: only the listed transitions succeed, for the right actor', () => {
    const ok: string[] = [];
    for (const from of STATUSES)
      for (const action of ACTIONS) if (transition(from, action, approver).ok) ok.push(`${from} ${action}`);
    expect(ok.sort()).toEqual([
      'returned resubmit',
      'returned withdraw',
      'submitted approve',
      'submitted return',
      'submitted withdraw',
    ]);
  });

  it('approved and withdrawn claims are final', () => {
    for (const action of ACTIONS) {
      expect(transition('approved', action, approver)).toMatchObject({ ok: false, reason: 'wrong-state' });
      expect(transition('withdrawn', action, approver)).toMatchObject({ ok: false, reason: 'wrong-state' });
    }
  });

  it('the claimant cannot approve; nobody approves their own claim; strangers do nothing', () => {
    expect(transition('submitted', 'approve', claimant)).toMatchObject({ ok: false, reason: 'not-allowed' });
    expect(transition('submitted', 'approve', { claimant: true, approver: true, ownClaim: true })).toMatchObject({
      ok: false,
      reason: 'own-claim',
    });
    for (const from of STATUSES)
      for (const action of ACTIONS)
        expect(transition(from, action, stranger)).toMatchObject({ ok: false, reason: 'not-allowed' });
  });
});
