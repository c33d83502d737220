/**
 * Two-year operational plans (verksamhetsplan) of an LPO or LSG: prioritised insatsområden
 * with rationale, timeline, working-group start and owner; drafted → agreed with the heads
 * of units → established (with a decision reference), yearly. An established plan is locked:
 * only its items' progress moves.
 */
import { defineLifecycle, type GuardFailure } from '../../../platform/lifecycle/lifecycle.js';
import type { FieldError } from '../../../platform/errors.js';

export const PLAN_STATES = ['drafted', 'agreed', 'established'] as const;
export type PlanState = (typeof PLAN_STATES)[number];
export const RATIONALES = ['npo-plan', 'local-need', 'healthcare-region-decision', 'low-value-care'] as const;
export const PROGRESS = ['not-started', 'ongoing', 'done', 'cancelled'] as const;

export interface PlanItem {
  priority: number;
  title: string;
  rationaleKind: (typeof RATIONALES)[number];
  rationale: string | null;
  ownerName: string | null;
  supportId: string | null;
  startsOn: string | null;
  endsOn: string | null;
  workingGroupStartsOn: string | null;
  progress: (typeof PROGRESS)[number];
}

/**
 * A plan takes its steps in order. An action out of order is a conflict with the plan's state
 * (409), not a bad request, so each action lists every open state and its guard names the one
 * it follows.
 */
const after =
  (previous: PlanState, to: PlanState) =>
  (_facts: object, from: PlanState): GuardFailure | null =>
    from === previous ? null : { conflict: true, message: `En plan som är "${from}" kan inte bli "${to}".` };

export const planLifecycle = defineLifecycle<PlanState, 'agree' | 'establish', object>({
  entity: 'operational-plan',
  noun: 'Planen',
  statuses: PLAN_STATES,
  labels: { drafted: 'utkast', agreed: 'förankrad', established: 'fastställd' },
  actions: {
    agree: {
      label: 'förankra planen',
      from: ['drafted', 'agreed'],
      to: 'agreed',
      guard: after('drafted', 'agreed'),
      audit: 'agree',
    },
    establish: {
      label: 'fastställa planen',
      from: ['drafted', 'agreed'],
      to: 'established',
      guard: after('agreed', 'established'),
      audit: 'establish',
    },
  },
  locked: ['established'],
  final: ['established'],
});
export type PlanAction = (typeof planLifecycle.actionNames)[number];

/** The action the API's `to` names. */
export const ACTION_TO: Record<'agreed' | 'established', PlanAction> = { agreed: 'agree', established: 'establish' };

/** What each step must say: with whom the plan is agreed; the decision that establishes it. */
export function checkStepFields(
  action: PlanAction,
  t: { agreedWith?: string | undefined; decisionRef?: string | undefined; establishedOn?: string | undefined },
): { message: string; errors: FieldError[] } | null {
  if (action === 'agree' && !t.agreedWith?.trim()) {
    return { message: 'Ange med vilka planen är förankrad.', errors: [{ path: '/agreedWith', message: 'Saknas' }] };
  }
  if (action === 'establish' && (!t.decisionRef?.trim() || !t.establishedOn)) {
    return {
      message: 'Ange beslutet som fastställer planen.',
      errors: [
        ...(!t.decisionRef?.trim() ? [{ path: '/decisionRef', message: 'Saknas' }] : []),
        ...(!t.establishedOn ? [{ path: '/establishedOn', message: 'Saknas' }] : []),
      ],
    };
  }
  return null;
}

export function checkItems(items: PlanItem[], startYear: number): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<number>();
  items.forEach((i, k) => {
    if (seen.has(i.priority)) errors.push({ path: `/items/${k}/priority`, message: 'Två insatsområden har samma prioritet.' });
    seen.add(i.priority);
    if (i.startsOn && i.endsOn && i.endsOn < i.startsOn)
      errors.push({ path: `/items/${k}/endsOn`, message: 'Slutet kan inte vara före starten.' });
    const within = (d: string | null) => !d || (d >= `${startYear - 1}-01-01` && d <= `${startYear + 1}-12-31`);
    if (!within(i.startsOn) || !within(i.endsOn))
      errors.push({
        path: `/items/${k}/startsOn`,
        message: `Tidplanen ska ligga inom planperioden ${startYear}–${startYear + 1}.`,
      });
    if (i.workingGroupStartsOn && i.endsOn && i.workingGroupStartsOn > i.endsOn) {
      errors.push({
        path: `/items/${k}/workingGroupStartsOn`,
        message: 'Arbetsgruppen kan inte starta efter att insatsen är klar.',
      });
    }
  });
  return errors;
}

/** Whether two item lists differ only in their items' progress (what a locked plan may change). */
export function sameExceptProgress(a: PlanItem[], b: PlanItem[]): boolean {
  const strip = (x: PlanItem[]) =>
    JSON.stringify([...x].sort((p, q) => p.priority - q.priority).map(({ progress: _p, ...rest }) => rest));
  return strip(a) === strip(b);
}

/**
 * Which groups make verksamhetsplaner: a region's groups (LPO, LSG; seed 002), and a healthcare
 * region's program areas (RMPO/RPO): the kunskapsråd follows the RMPOs' work through their
 * verksamhetsplan and årsrapport (seed 001).
 */
export function makesPlans(g: { level: string; kind: string }): boolean {
  return g.level === 'region' || (g.level === 'healthcare-region' && g.kind === 'program-area');
}
