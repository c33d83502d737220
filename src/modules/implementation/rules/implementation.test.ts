import { describe, expect, it } from 'vitest';
import { allowedNext, checkTransition, implementationLifecycle } from './implementation.js';
import { allowedActions } from '../../../platform/lifecycle/index.js';

describe('implementation state machine', () => {
  it('moves one step at a time, forward or back', () => {
    expect(checkTransition({ from: 'planerad', to: 'pagaende' })).toBeNull();
    expect(checkTransition({ from: 'pagaende', to: 'planerad' })).toBeNull();
    expect(checkTransition({ from: 'ej-paborjad', to: 'inford' })?.path).toBe('/status');
    expect(checkTransition({ from: null, to: 'inford' })).toBeNull();
    expect(allowedNext('uppfoljd')).toEqual(['inford']);
  });

  it('"ej aktuell" needs a reason and is not reachable once implemented', () => {
    expect(checkTransition({ from: 'gap-analys', to: 'ej-aktuell' })?.path).toBe('/notApplicableReason');
    expect(
      checkTransition({ from: 'gap-analys', to: 'ej-aktuell', notApplicableReason: 'Ingen sådan vård i regionen' }),
    ).toBeNull();
    expect(checkTransition({ from: 'inford', to: 'ej-aktuell', notApplicableReason: 'x' })?.path).toBe('/status');
    expect(checkTransition({ from: 'planerad', to: 'pagaende', notApplicableReason: 'x' })?.path).toBe('/notApplicableReason');
  });

  it('offers, from each status, the statuses the declaration reaches from it', () => {
    expect(allowedNext('ej-paborjad').sort()).toEqual(['ej-aktuell', 'gap-analys']);
    expect(allowedNext('ej-aktuell').sort()).toEqual(['ej-paborjad', 'gap-analys']);
    expect(allowedNext('pagaende').sort()).toEqual(['ej-aktuell', 'inford', 'planerad']);
    // A caller who may not write is offered nothing.
    expect(allowedActions(implementationLifecycle, 'planerad', {}, () => false)).toEqual([]);
  });
});
