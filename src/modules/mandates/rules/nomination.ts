/**
 * A nomination's life: open until the appointing body approves or refuses it, or the nominating
 * organisation withdraws it. Decided nominations are final (a new nomination starts over).
 */
export type NominationStatus = 'open' | 'approved' | 'refused' | 'withdrawn';
export type NominationAction = 'approve' | 'refuse' | 'withdraw';

const NEXT: Record<NominationAction, NominationStatus> = { approve: 'approved', refuse: 'refused', withdraw: 'withdrawn' };

const STATUS_WORD: Record<NominationStatus, string> = {
  open: 'öppen',
  approved: 'bifallen',
  refused: 'avslagen',
  withdrawn: 'återkallad',
};

export type Transition = { ok: true; status: NominationStatus } | { ok: false; message: string };

export function nominationTransition(status: NominationStatus, action: NominationAction): Transition {
  if (status !== 'open') {
    return { ok: false, message: `Nomineringen är redan ${STATUS_WORD[status]} och kan inte ändras.` };
  }
  return { ok: true, status: NEXT[action] };
}

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
