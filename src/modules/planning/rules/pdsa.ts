/**
 * PDSA cycles (plan, do, study, act) for improvement work: the phase moves one step forward
 * at a time and a closed cycle stays closed. Texts may be written in any phase. Each action
 * is named after the phase it leads to (the API's PATCH names the phase).
 */
import { defineLifecycle, type ActionDeclaration, type GuardFailure } from '../../../platform/lifecycle/lifecycle.js';

export const PDSA_PHASES = ['plan', 'do', 'study', 'act', 'closed'] as const;
export type PdsaPhase = (typeof PDSA_PHASES)[number];
export type PdsaAction = Exclude<PdsaPhase, 'plan'>;

/**
 * One step at a time. A step out of turn is a conflict with the cycle's phase (409), so each
 * action lists every open phase and its guard names the one it follows.
 */
const step = (to: PdsaAction, label: string): ActionDeclaration<PdsaPhase, object> => {
  const previous = PDSA_PHASES[PDSA_PHASES.indexOf(to) - 1]!;
  return {
    label,
    from: ['plan', 'do', 'study', 'act'],
    to,
    guard: (_facts, from): GuardFailure | null =>
      from === previous
        ? null
        : { conflict: true, message: `Cykeln kan inte gå från "${from}" till "${to}": ta ett steg i taget.` },
    // The trail has always called a cycle's change an update.
    audit: 'update',
  };
};

export const pdsaLifecycle = defineLifecycle<PdsaPhase, PdsaAction, object>({
  entity: 'pdsa-cycle',
  noun: 'PDSA-cykeln',
  statuses: PDSA_PHASES,
  labels: { plan: 'planera', do: 'genomföra', study: 'studera', act: 'agera', closed: 'avslutad' },
  actions: {
    do: step('do', 'gå vidare till genomföra'),
    study: step('study', 'gå vidare till studera'),
    act: step('act', 'gå vidare till agera'),
    closed: step('closed', 'avsluta cykeln'),
  },
  final: ['closed'],
});
