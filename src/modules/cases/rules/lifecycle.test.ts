import { describe, expect, it } from 'vitest';
import { allowedActions, checkAction } from '../../../platform/lifecycle/index.js';
import { mayRunAction } from '../policy.js';
import { actionItemLifecycle, caseLifecycle, SYSTEM_ACTIONS, targetOf, transitionAction } from './lifecycle.js';

const person = (canHandle: boolean) => (a: Parameters<typeof mayRunAction>[1]) => mayRunAction(canHandle, a);

describe('the case lifecycle declaration', () => {
  it('offers a handler the moves of the status, and a reader none', () => {
    const facts = { openActions: 0, bundledInto: null };
    expect(allowedActions(caseLifecycle, 'for-beslut', facts, person(true))).toEqual(['decide', 'send-back', 'postpone']);
    expect(allowedActions(caseLifecycle, 'bordlagd', facts, person(true))).toEqual(['put-forward', 'prepare']);
    expect(allowedActions(caseLifecycle, 'for-beslut', facts, person(false))).toEqual([]);
    expect(allowedActions(caseLifecycle, 'avslutad', facts, person(true))).toEqual([]);
  });

  it('never offers the system actions to a person, and a bundled case is neither put forward nor decided by hand', () => {
    const bundled = { openActions: 0, bundledInto: 'main' };
    expect(allowedActions(caseLifecycle, 'under-beredning', bundled, person(true))).toEqual(['close']);
    expect(allowedActions(caseLifecycle, 'for-beslut', bundled, person(true))).toEqual(['send-back', 'postpone']);
    for (const a of SYSTEM_ACTIONS) expect(mayRunAction(true, a)).toBe(false);
    // The system moves a bundled case with its main case's decision, from wherever it is before a decision.
    expect(allowedActions(caseLifecycle, 'registrerad', bundled)).toContain('follow-main');
    expect(allowedActions(caseLifecycle, 'beslutad', bundled)).not.toContain('follow-main');
    expect(allowedActions(caseLifecycle, 'registrerad', { openActions: 0, bundledInto: null })).not.toContain('follow-main');
  });

  it('maps the API target status onto the declared action', () => {
    const base = { openActions: 0, reason: 'skäl' };
    expect(transitionAction({ from: 'registrerad', to: 'avslutad', ...base })).toEqual({ ok: true, action: 'close' });
    expect(transitionAction({ from: 'aterremitterad', to: 'under-beredning', ...base })).toEqual({ ok: true, action: 'prepare' });
    expect(transitionAction({ from: 'for-beslut', to: 'bordlagd', ...base, withdrawal: true })).toEqual({
      ok: true,
      action: 'withdraw',
    });
    expect(targetOf('withdraw', 'for-beslut', { openActions: 0, bundledInto: null, withdrawTo: 'aterremitterad' })).toBe(
      'aterremitterad',
    );
  });

  it('closing is refused with open action items, whichever way the case is closed', () => {
    expect(checkAction(caseLifecycle, 'beslutad', 'close', { openActions: 2, bundledInto: null })).toMatchObject({
      ok: false,
      kind: 'rule',
      message: 'Ärendet kan inte avslutas: 2 åtgärdspunkter är fortfarande öppna.',
    });
    expect(checkAction(caseLifecycle, 'registrerad', 'close', { openActions: 0, bundledInto: null }, null)).toMatchObject({
      ok: false,
      path: 'reason',
    });
  });
});

describe('the action item lifecycle', () => {
  it('completes an open item and reopens a done one; 409 when it already is, or when the case is closed', () => {
    const open = { caseClosed: false };
    expect(allowedActions(actionItemLifecycle, 'open', open)).toEqual(['complete']);
    expect(allowedActions(actionItemLifecycle, 'done', open)).toEqual(['reopen']);
    expect(allowedActions(actionItemLifecycle, 'open', { caseClosed: true })).toEqual([]);
    expect(checkAction(actionItemLifecycle, 'done', 'complete', open)).toEqual({
      ok: false,
      kind: 'conflict',
      path: 'action',
      message: 'Åtgärdspunkten är redan klar.',
    });
    expect(checkAction(actionItemLifecycle, 'open', 'complete', { caseClosed: true })).toMatchObject({
      kind: 'conflict',
      message: 'Ärendet är avslutat; dess åtgärdspunkter kan inte ändras.',
    });
  });
});
