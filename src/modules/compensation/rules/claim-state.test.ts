import { describe, expect, it } from 'vitest';
import { allowedActions, checkAction } from '../../../platform/lifecycle/lifecycle.js';
import { claimLifecycle as lc, mayAct, wrongState, type ClaimStatus } from './claim-state.js';

const claimant = { claimant: true, approver: false, ownClaim: true };
const approver = { claimant: true, approver: true, ownClaim: false };
const stranger = { claimant: false, approver: false, ownClaim: false };
const STATUSES: ClaimStatus[] = ['submitted', 'returned', 'approved', 'withdrawn'];

describe('compensation claim lifecycle', () => {
  it('approves and returns submitted claims; the claimant resubmits or withdraws', () => {
    expect(checkAction(lc, 'submitted', 'approve', {})).toMatchObject({ ok: true, to: 'approved' });
    expect(checkAction(lc, 'submitted', 'return', {}, 'Kvitto saknas.')).toMatchObject({ ok: true, to: 'returned' });
    expect(checkAction(lc, 'returned', 'resubmit', {})).toMatchObject({ ok: true, to: 'submitted' });
    expect(checkAction(lc, 'returned', 'withdraw', {})).toMatchObject({ ok: true, to: 'withdrawn' });
    expect(checkAction(lc, 'submitted', 'withdraw', {})).toMatchObject({ ok: true, to: 'withdrawn' });
  });

  it('a claim is returned only with a comment saying what to correct', () => {
    expect(checkAction(lc, 'submitted', 'return', {}, '  ')).toMatchObject({ ok: false, path: 'reason' });
  });

  it('the full table: only the listed transitions are offered, for the right actor', () => {
    const offered = (roles: typeof approver) =>
      STATUSES.flatMap((s) => allowedActions(lc, s, {}, (a) => mayAct(a, roles).ok).map((a) => `${s} ${a}`)).sort();
    expect(offered(approver)).toEqual([
      'returned resubmit',
      'returned withdraw',
      'submitted approve',
      'submitted return',
      'submitted withdraw',
    ]);
    expect(offered(claimant)).toEqual(['returned resubmit', 'returned withdraw', 'submitted withdraw']);
    expect(offered(stranger)).toEqual([]);
  });

  it('approved and withdrawn claims are final: every action is a conflict', () => {
    for (const from of ['approved', 'withdrawn'] as const)
      for (const action of lc.actionNames) {
        expect(checkAction(lc, from, action, {}, 'x')).toMatchObject({ ok: false, kind: 'conflict' });
        expect(wrongState(from, action)).toMatch(/kan inte längre ändras så/);
      }
    expect(wrongState('submitted', 'resubmit')).toBe('Anspråket är inskickat och kan inte längre ändras så.');
    expect(wrongState('submitted', 'approve')).toBeNull();
  });

  it('the claimant cannot approve; nobody approves their own claim; strangers do nothing', () => {
    expect(mayAct('approve', claimant)).toMatchObject({ ok: false, reason: 'not-allowed' });
    expect(mayAct('approve', { claimant: true, approver: true, ownClaim: true })).toMatchObject({
      ok: false,
      reason: 'own-claim',
    });
    expect(mayAct('withdraw', { claimant: true, approver: true, ownClaim: true })).toEqual({ ok: true });
    for (const action of lc.actionNames) expect(mayAct(action, stranger)).toMatchObject({ ok: false, reason: 'not-allowed' });
  });
});
