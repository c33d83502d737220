import { describe, expect, it } from 'vitest';
import {
  allowedTransitions,
  canTransition,
  checkTransition,
  isFinal,
  LIFECYCLE_STATES,
  needsReason,
  supportFollows,
} from './lifecycle.js';

describe('the lifecycle of a knowledge support', () => {
  it('runs under framtagande → på remiss → beslutad → publicerad → under revision → på remiss → publicerad → ersatt', () => {
    const path = [
      'under-framtagande',
      'pa-remiss',
      'beslutad',
      'publicerad',
      'under-revision',
      'pa-remiss',
      'publicerad',
      'ersatt',
    ] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!), `${path[i - 1]} → ${path[i]}`).toBe(true);
  });

  it('publishes a minor revision without remiss, and takes a draft back after remiss', () => {
    expect(canTransition('under-revision', 'publicerad')).toBe(true);
    expect(canTransition('pa-remiss', 'under-framtagande')).toBe(true);
  });

  it('refuses shortcuts and going backwards', () => {
    expect(canTransition('under-framtagande', 'under-revision')).toBe(false);
    expect(canTransition('publicerad', 'pa-remiss')).toBe(false);
    expect(canTransition('publicerad', 'under-framtagande')).toBe(false);
    expect(canTransition('beslutad', 'pa-remiss')).toBe(false);
    expect(canTransition('under-framtagande', 'ersatt')).toBe(false);
  });

  it('ersatt and upphävd are final; every other state can be repealed', () => {
    expect(isFinal('ersatt')).toBe(true);
    expect(isFinal('upphavd')).toBe(true);
    expect(allowedTransitions('ersatt')).toEqual([]);
    for (const s of LIFECYCLE_STATES.filter((x) => !isFinal(x))) expect(canTransition(s, 'upphavd'), s).toBe(true);
  });

  it('explains a refused transition in Swedish and refuses a no-op', () => {
    expect(checkTransition('publicerad', 'beslutad')).toEqual({
      ok: false,
      message: 'Från publicerad kan statusen bara bli under revision, ersatt, upphävd.',
    });
    expect(checkTransition('upphavd', 'publicerad')).toEqual({
      ok: false,
      message: 'Upphävd är en slutstatus och kan inte ändras.',
    });
    expect(checkTransition('pa-remiss', 'pa-remiss').ok).toBe(false);
    expect(checkTransition('pa-remiss', 'beslutad')).toEqual({ ok: true });
  });

  it('asks for a reason when a support leaves the catalogue', () => {
    expect(needsReason('upphavd')).toBe(true);
    expect(needsReason('ersatt')).toBe(true);
    expect(needsReason('publicerad')).toBe(false);
  });
});

describe('the support follows its version', () => {
  it('a draft or a revision goes on remiss with its version; a published support stays published', () => {
    expect(supportFollows('under-framtagande', 'pa-remiss')).toBe('pa-remiss');
    expect(supportFollows('under-revision', 'pa-remiss')).toBe('pa-remiss');
    expect(supportFollows('publicerad', 'pa-remiss')).toBeNull();
  });

  it('deciding or publishing a version decides or publishes the support, when its machine allows', () => {
    expect(supportFollows('pa-remiss', 'beslutad')).toBe('beslutad');
    expect(supportFollows('beslutad', 'publicerad')).toBe('publicerad');
    expect(supportFollows('under-revision', 'publicerad')).toBe('publicerad');
    expect(supportFollows('publicerad', 'publicerad')).toBeNull();
    expect(supportFollows('upphavd', 'publicerad')).toBeNull();
  });

  it('a version taken back from remiss takes a revised support back under revision, a new one back to its draft', () => {
    expect(supportFollows('pa-remiss', 'under-framtagande')).toBe('under-framtagande');
    expect(supportFollows('pa-remiss', 'under-framtagande', { anotherVersionInForce: true })).toBe('under-revision');
  });
});
