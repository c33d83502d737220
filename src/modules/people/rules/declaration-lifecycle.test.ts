import { describe, expect, it } from 'vitest';
import { allowedActions, checkAction } from '../../../platform/lifecycle/lifecycle.js';
import { declarationLifecycle, NOT_YET_ASKED } from './declaration-lifecycle.js';

const asked = (restrictions: number, comment: string | null = null, unknownProgramArea = false) => ({
  restrictions,
  comment,
  unknownProgramArea,
});

describe('the jäv declaration lifecycle', () => {
  it('a submitted declaration is offered all three reviews; a reviewed one none (409)', () => {
    expect(allowedActions(declarationLifecycle, 'submitted', NOT_YET_ASKED)).toEqual([
      'approve',
      'approve-with-restrictions',
      'return',
    ]);
    expect(allowedActions(declarationLifecycle, 'approved', NOT_YET_ASKED)).toEqual([]);
    expect(checkAction(declarationLifecycle, 'returned', 'approve', asked(0))).toMatchObject({ ok: false, kind: 'conflict' });
  });

  it('restrictions only with approve-with-restrictions, and then at least one naming known program areas', () => {
    expect(checkAction(declarationLifecycle, 'submitted', 'approve', asked(0))).toMatchObject({ ok: true, to: 'approved' });
    expect(checkAction(declarationLifecycle, 'submitted', 'approve', asked(1))).toMatchObject({
      ok: false,
      path: 'restrictions',
    });
    expect(checkAction(declarationLifecycle, 'submitted', 'approve-with-restrictions', asked(0))).toMatchObject({
      ok: false,
      path: 'restrictions',
    });
    expect(checkAction(declarationLifecycle, 'submitted', 'approve-with-restrictions', asked(1, null, true))).toMatchObject({
      ok: false,
      message: 'En begränsning anger ett okänt programområde.',
    });
    expect(checkAction(declarationLifecycle, 'submitted', 'approve-with-restrictions', asked(2))).toMatchObject({ ok: true });
  });

  it('returning needs a comment saying what to complete', () => {
    expect(checkAction(declarationLifecycle, 'submitted', 'return', asked(0, ' '))).toMatchObject({ ok: false, path: 'comment' });
    expect(checkAction(declarationLifecycle, 'submitted', 'return', asked(0, 'Saknar uppdrag'))).toMatchObject({
      ok: true,
      to: 'returned',
    });
  });
});
