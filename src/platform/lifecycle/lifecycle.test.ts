import { describe, expect, it } from 'vitest';
import { allowedActions, checkAction, defineLifecycle, isLocked } from './lifecycle.js';

// A small lifecycle in the shape of the case's: a reason when written off early, a guard on open work.
const lc = defineLifecycle<'open' | 'decided' | 'closed', 'decide' | 'close' | 'reopen', { openItems: number }>({
  entity: 'case',
  noun: 'Ärendet',
  statuses: ['open', 'decided', 'closed'],
  labels: { open: 'öppet', decided: 'beslutat', closed: 'avslutat' },
  locked: ['decided'],
  final: ['closed'],
  actions: {
    decide: { label: 'besluta', from: ['open'], to: 'decided', audit: 'transition' },
    close: {
      label: 'avsluta ärendet',
      from: ['open', 'decided'],
      to: 'closed',
      audit: 'transition',
      reason: (from) => from === 'open',
      guard: (f) => (f.openItems > 0 ? { message: `${f.openItems} åtgärder är öppna.`, path: 'to' } : null),
    },
    reopen: { label: 'öppna igen', from: ['decided'], to: 'open', audit: 'transition', reason: true },
  },
});

describe('the lifecycle engine', () => {
  it('refuses a declaration that names a status the lifecycle lacks', () => {
    expect(() =>
      defineLifecycle<'a', 'go', object>({
        entity: 'case',
        noun: 'X',
        statuses: ['a'],
        labels: { a: 'a' },
        actions: { go: { label: 'gå', from: ['a'], to: 'b' as 'a', audit: 'transition' } },
      }),
    ).toThrow(/unknown status b/);
  });

  it('answers from → to, and says why not in Swedish', () => {
    expect(checkAction(lc, 'open', 'decide', { openItems: 0 })).toEqual({ ok: true, to: 'decided', reasonRequired: false });
    const wrong = checkAction(lc, 'open', 'reopen', { openItems: 0 }, 'skäl');
    expect(wrong).toMatchObject({ ok: false, kind: 'rule', path: 'action' });
    expect(!wrong.ok && wrong.message).toBe('Ärendet har status öppet; det går inte att öppna igen nu.');
  });

  it('a final status is a conflict (409), not a rule', () => {
    expect(checkAction(lc, 'closed', 'reopen', { openItems: 0 }, 'skäl')).toMatchObject({ ok: false, kind: 'conflict' });
  });

  it('asks for a reason only where the declaration says so', () => {
    expect(checkAction(lc, 'open', 'close', { openItems: 0 })).toMatchObject({ ok: false, path: 'reason' });
    expect(checkAction(lc, 'open', 'close', { openItems: 0 }, '  ')).toMatchObject({ ok: false, path: 'reason' });
    expect(checkAction(lc, 'decided', 'close', { openItems: 0 })).toMatchObject({ ok: true, to: 'closed' });
  });

  it('runs the guard with the facts', () => {
    expect(checkAction(lc, 'decided', 'close', { openItems: 2 })).toEqual({
      ok: false,
      kind: 'rule',
      path: 'to',
      message: '2 åtgärder är öppna.',
    });
  });

  it('offers the actions the state, the guards and the caller allow', () => {
    expect(allowedActions(lc, 'open', { openItems: 0 })).toEqual(['decide', 'close']);
    expect(allowedActions(lc, 'decided', { openItems: 1 })).toEqual(['reopen']);
    expect(allowedActions(lc, 'decided', { openItems: 0 }, (a) => a !== 'reopen')).toEqual(['close']);
    expect(allowedActions(lc, 'closed', { openItems: 0 })).toEqual([]);
  });

  it('derives locked from the declaration', () => {
    expect([isLocked(lc, 'open'), isLocked(lc, 'decided'), isLocked(lc, 'closed')]).toEqual([false, true, true]);
  });
});
