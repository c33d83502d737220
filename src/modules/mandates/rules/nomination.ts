import { defineLifecycle } from '../../../platform/lifecycle/lifecycle.js';

/**
 * A nomination's life: open until the appointing body approves or refuses it, or the nominating
 * organisation withdraws it. Decided nominations are final (a new nomination starts over).
 */
export type NominationStatus = 'open' | 'approved' | 'refused' | 'withdrawn';
export type NominationAction = 'approve' | 'refuse' | 'withdraw';

export interface DecisionInput {
  decision: 'approved' | 'refused';
  decisionDate: string;
  reference?: string | undefined;
  reason?: string | undefined;
}

/** A decision has a date (not in the future) and a reference; a refusal says why. */
export function checkDecision(d: DecisionInput, today: string): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  if (d.decisionDate > today) errors.push({ path: 'decisionDate', message: 'Beslutsdatum kan inte ligga i framtiden.' });
  if (!d.reference?.trim()) errors.push({ path: 'reference', message: 'Ange beslutets diarienummer eller paragraf.' });
  if (d.decision === 'refused' && !d.reason?.trim()) errors.push({ path: 'reason', message: 'Ange skälet till avslaget.' });
  return errors;
}

/** The facts the guards read: the decision as written (absent when only offering the actions). */
export interface NominationFacts {
  decision?: { input: DecisionInput; today: string };
}

const decisionGuard = ({ decision }: NominationFacts) => {
  if (!decision) return null;
  const errors = checkDecision(decision.input, decision.today);
  return errors.length ? { message: errors.map((e) => e.message).join(' '), path: errors[0]!.path } : null;
};

export const nominationLifecycle = defineLifecycle<NominationStatus, NominationAction, NominationFacts>({
  entity: 'nomination',
  noun: 'Nomineringen',
  statuses: ['open', 'approved', 'refused', 'withdrawn'],
  labels: { open: 'öppen', approved: 'redan bifallen', refused: 'redan avslagen', withdrawn: 'redan återkallad' },
  final: ['approved', 'refused', 'withdrawn'],
  actions: {
    approve: { label: 'bifalla nomineringen', from: ['open'], to: 'approved', audit: 'approve', guard: decisionGuard },
    refuse: { label: 'avslå nomineringen', from: ['open'], to: 'refused', audit: 'refuse', guard: decisionGuard },
    withdraw: { label: 'återkalla nomineringen', from: ['open'], to: 'withdrawn', audit: 'withdraw' },
  },
});

/** The API's decision word → the action. */
export const DECISION_ACTION = { approved: 'approve', refused: 'refuse' } as const satisfies Record<
  DecisionInput['decision'],
  NominationAction
>;

/** Whether the nomination still waits for a decision (listed first, and the one a decision form offers). */
export const isOpen = (status: string): boolean =>
  nominationLifecycle.isStatus(status) &&
  nominationLifecycle.actionNames.some((a) => nominationLifecycle.actions[a].from.includes(status));
