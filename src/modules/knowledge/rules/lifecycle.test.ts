import { describe, expect, it } from 'vitest';
import { allowedActions, checkAction } from '../../../platform/lifecycle/lifecycle.js';
import {
  actionTo,
  allowedTransitions,
  consequencesEditable,
  canTransition,
  checkTransition,
  isFinal,
  LIFECYCLE_STATES,
  needsReason,
  supportFollows,
  supportLifecycle,
  VERSION_MOVES,
  versionLifecycle,
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
    expect(checkTransition('pa-remiss', 'beslutad')).toEqual({ ok: true, action: 'decide' });
  });

  it('asks for a reason when a support leaves the catalogue', () => {
    expect(needsReason('upphavd')).toBe(true);
    expect(needsReason('ersatt')).toBe(true);
    expect(needsReason('publicerad')).toBe(false);
  });
});

describe('the support follows its version', () => {
  it('a draft or a revision goes on remiss with its version; a published support stays published', () => {
    expect(supportFollows('under-framtagande', 'remit')).toBe('remit');
    expect(supportFollows('under-revision', 'remit')).toBe('remit');
    expect(supportFollows('publicerad', 'remit')).toBeNull();
  });

  it('deciding or publishing a version decides or publishes the support, when its machine allows', () => {
    expect(supportFollows('pa-remiss', 'decide')).toBe('decide');
    expect(supportFollows('beslutad', 'publish')).toBe('publish');
    expect(supportFollows('under-revision', 'publish')).toBe('publish');
    expect(supportFollows('publicerad', 'publish')).toBeNull();
    expect(supportFollows('upphavd', 'publish')).toBeNull();
  });

  it('a version taken back from remiss takes a revised support back under revision, a new one back to its draft', () => {
    expect(supportFollows('pa-remiss', 'takeBack')).toBe('takeBack');
    expect(supportFollows('pa-remiss', 'takeBack', { anotherVersionInForce: true })).toBe('revise');
    // Only a support on remiss follows: a published one stays published.
    expect(supportFollows('publicerad', 'takeBack', { anotherVersionInForce: true })).toBeNull();
  });

  it('replacing or repealing a version moves nothing else; publishing one replaces the version in force', () => {
    expect(supportFollows('publicerad', 'replace')).toBeNull();
    expect(supportFollows('pa-remiss', 'repeal')).toBeNull();
    expect(VERSION_MOVES.publish?.replacesVersionInForce).toBe(true);
  });
});

describe('the declaration answers the other questions', () => {
  it('each action leads to one status, and the transition endpoints name it by that status', () => {
    expect(actionTo('pa-remiss')).toBe('remit');
    expect(actionTo('upphavd')).toBe('repeal');
    expect(checkTransition('under-revision', 'publicerad')).toEqual({ ok: true, action: 'publish' });
  });

  it("a version's consequence description is locked once it has gone on remiss", () => {
    expect(LIFECYCLE_STATES.filter(consequencesEditable)).toEqual(['under-framtagande', 'under-revision']);
  });

  it('replacing or repealing a support needs a reason; a version moves without one', () => {
    expect(checkAction(supportLifecycle, 'publicerad', 'replace', {})).toMatchObject({ ok: false, path: 'reason' });
    expect(checkAction(versionLifecycle, 'publicerad', 'replace', {})).toMatchObject({ ok: true, to: 'ersatt' });
    expect(checkAction(versionLifecycle, 'publicerad', 'repeal', {})).toMatchObject({ ok: true, to: 'upphavd' });
  });

  it('offers the caller only what the policy allows', () => {
    expect(allowedActions(supportLifecycle, 'beslutad', {})).toEqual(['publish', 'repeal']);
    expect(allowedActions(supportLifecycle, 'beslutad', {}, () => false)).toEqual([]);
  });
});
