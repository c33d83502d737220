/**
 * The case lifecycle as an explicit state machine (seed 002, "en väg in"):
 *
 *   registrerad → under beredning → för beslut → beslutad → under genomförande → avslutad
 *
 * with återremitterad (sent back for more preparation) and bordlagd (postponed) branching
 * off "för beslut". A matter that needs no decision can be written off (avslutad) before it
 * reaches a forum, with a reason. A closed case is final.
 */
export const CASE_STATUSES = [
  'registrerad',
  'under-beredning',
  'for-beslut',
  'beslutad',
  'under-genomforande',
  'avslutad',
  'aterremitterad',
  'bordlagd',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const STATUS_LABELS: Record<CaseStatus, string> = {
  registrerad: 'Registrerad',
  'under-beredning': 'Under beredning',
  'for-beslut': 'För beslut',
  beslutad: 'Beslutad',
  'under-genomforande': 'Under genomförande',
  avslutad: 'Avslutad',
  aterremitterad: 'Återremitterad',
  bordlagd: 'Bordlagd',
};

export const TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  registrerad: ['under-beredning', 'avslutad'],
  'under-beredning': ['for-beslut', 'avslutad'],
  'for-beslut': ['beslutad', 'aterremitterad', 'bordlagd'],
  aterremitterad: ['under-beredning', 'for-beslut'],
  bordlagd: ['for-beslut', 'under-beredning'],
  beslutad: ['under-genomforande', 'avslutad'],
  'under-genomforande': ['avslutad'],
  avslutad: [],
};

export const isCaseStatus = (s: string): s is CaseStatus => (CASE_STATUSES as readonly string[]).includes(s);

/** Transitions that must say why (the reason goes into the history and the audit trail). */
export function reasonRequired(from: CaseStatus, to: CaseStatus): boolean {
  return (
    to === 'aterremitterad' || to === 'bordlagd' || (to === 'avslutad' && from !== 'beslutad' && from !== 'under-genomforande')
  );
}

export interface TransitionFacts {
  from: CaseStatus;
  to: CaseStatus;
  reason?: string | undefined;
  openActions: number;
  /** The case is bundled into a main case and follows its decision. */
  bundledInto?: string | null | undefined;
  /** The transition is the main case's decision carried over to a bundled case. */
  followingMain?: boolean | undefined;
  /**
   * The case is taken off the agenda that put it forward: it goes back from "för beslut" to
   * the status it had before (see WITHDRAWABLE_TO).
   */
  withdrawal?: boolean | undefined;
}

/** Where a case goes back to when it is taken off the agenda that made it "för beslut". */
export const WITHDRAWABLE_TO: readonly CaseStatus[] = ['under-beredning', 'aterremitterad', 'bordlagd'];

export type TransitionVerdict =
  { ok: true } | { ok: false; kind: 'conflict'; message: string } | { ok: false; kind: 'rule'; path: string; message: string };

/** Whether a case may move from one status to another; a message a person understands when not. */
export function checkTransition(f: TransitionFacts): TransitionVerdict {
  if (f.from === f.to) {
    return {
      ok: false,
      kind: 'conflict',
      message:
        f.to === 'avslutad' ? 'Ärendet är redan avslutat.' : `Ärendet har redan status ${STATUS_LABELS[f.to].toLowerCase()}.`,
    };
  }
  if (f.from === 'avslutad') return { ok: false, kind: 'conflict', message: 'Ärendet är avslutat och kan inte ändras.' };
  if (f.withdrawal) {
    if (f.from === 'for-beslut' && WITHDRAWABLE_TO.includes(f.to)) return { ok: true };
    return {
      ok: false,
      kind: 'rule',
      path: 'to',
      message: `Ett ärende med status ${STATUS_LABELS[f.from].toLowerCase()} kan inte tas tillbaka till ${STATUS_LABELS[f.to].toLowerCase()}.`,
    };
  }
  if (!TRANSITIONS[f.from].includes(f.to)) {
    return {
      ok: false,
      kind: 'rule',
      path: 'to',
      message: `Ett ärende med status ${STATUS_LABELS[f.from].toLowerCase()} kan inte gå till ${STATUS_LABELS[f.to].toLowerCase()}.`,
    };
  }
  if (f.bundledInto && !f.followingMain && (f.to === 'for-beslut' || f.to === 'beslutad')) {
    return {
      ok: false,
      kind: 'rule',
      path: 'to',
      message: 'Ärendet är paketerat med ett huvudärende och följer huvudärendets beslut.',
    };
  }
  if (reasonRequired(f.from, f.to) && !f.reason?.trim()) {
    return { ok: false, kind: 'rule', path: 'reason', message: 'Ange ett skäl för ändringen.' };
  }
  if (f.to === 'avslutad' && f.openActions > 0) {
    return {
      ok: false,
      kind: 'rule',
      path: 'to',
      message:
        f.openActions === 1
          ? 'Ärendet kan inte avslutas: en åtgärdspunkt är fortfarande öppen.'
          : `Ärendet kan inte avslutas: ${f.openActions} åtgärdspunkter är fortfarande öppna.`,
    };
  }
  return { ok: true };
}

/** The statuses a case may go to next (for the buttons in the UI), before the facts are checked. */
export const nextStatuses = (from: CaseStatus): readonly CaseStatus[] => TRANSITIONS[from];

/** A case can be escalated to the kunskapsråd while it is still being prepared or awaiting a decision. */
export const ESCALATABLE: readonly CaseStatus[] = ['registrerad', 'under-beredning', 'for-beslut', 'aterremitterad', 'bordlagd'];

/** Statuses in which the beredningsforum may still triage (propose path and forum) or bundle the case. */
export const TRIAGEABLE: readonly CaseStatus[] = ['registrerad', 'under-beredning'];

/** A status counts as open work (for "mina ärenden" and overdue lists). */
export const isOpen = (s: CaseStatus) => s !== 'avslutad';
