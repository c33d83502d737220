import { checkAction, defineLifecycle, type GuardFailure } from '../../../platform/lifecycle/lifecycle.js';

/**
 * The case lifecycle, declared once (seed 002, "en väg in"):
 *
 *   registrerad → under beredning → för beslut → beslutad → under genomförande → avslutad
 *
 * with återremitterad (sent back for more preparation) and bordlagd (postponed) branching
 * off "för beslut". A matter that needs no decision can be written off (avslutad) before it
 * reaches a forum, with a reason. A closed case is final.
 *
 * Two actions are the system's, never offered to a person: a bundled case follows its main
 * case's decision (`follow-main`), and a case taken off the agenda that put it forward goes
 * back to where it came from (`withdraw`).
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

const lower = (s: CaseStatus) => STATUS_LABELS[s].toLowerCase();

/** Where a case goes back to when it is taken off the agenda that made it "för beslut". */
export const WITHDRAWABLE_TO: readonly CaseStatus[] = ['under-beredning', 'aterremitterad', 'bordlagd'];

/** What the case's guards read. */
export interface CaseFacts {
  /** Open action items: a case is not closed while one is open. */
  openActions: number;
  /** The main case this case is bundled into; it follows that case's decision. */
  bundledInto: string | null;
  /** For `withdraw`: the status the case had before the agenda put it forward. */
  withdrawTo?: CaseStatus | null | undefined;
}

const notBundled = (f: CaseFacts): GuardFailure | null =>
  f.bundledInto ? { path: 'to', message: 'Ärendet är paketerat med ett huvudärende och följer huvudärendets beslut.' } : null;

const noOpenActions = (f: CaseFacts): GuardFailure | null =>
  f.openActions > 0
    ? {
        path: 'to',
        message:
          f.openActions === 1
            ? 'Ärendet kan inte avslutas: en åtgärdspunkt är fortfarande öppen.'
            : `Ärendet kan inte avslutas: ${f.openActions} åtgärdspunkter är fortfarande öppna.`,
      }
    : null;

/** Statuses from which a bundled case follows its main case to "beslutad" (not once decided itself). */
const FOLLOWS_FROM: readonly CaseStatus[] = ['registrerad', 'under-beredning', 'for-beslut', 'aterremitterad', 'bordlagd'];

export const caseLifecycle = defineLifecycle<CaseStatus, CaseAction, CaseFacts>({
  entity: 'case',
  noun: 'Ärendet',
  statuses: CASE_STATUSES,
  labels: Object.fromEntries(CASE_STATUSES.map((s) => [s, lower(s)])) as Record<CaseStatus, string>,
  // Declared in the order the page offers them (e.g. bordlagd: lägg fram, återuppta beredningen).
  actions: {
    'put-forward': {
      label: 'lägga fram ärendet för beslut',
      from: ['under-beredning', 'aterremitterad', 'bordlagd'],
      to: 'for-beslut',
      guard: notBundled,
      audit: 'transition',
    },
    prepare: {
      label: 'ta upp ärendet till beredning',
      from: ['registrerad', 'aterremitterad', 'bordlagd'],
      to: 'under-beredning',
      audit: 'transition',
    },
    decide: { label: 'besluta', from: ['for-beslut'], to: 'beslutad', guard: notBundled, audit: 'transition' },
    'send-back': { label: 'återremittera', from: ['for-beslut'], to: 'aterremitterad', reason: true, audit: 'transition' },
    postpone: { label: 'bordlägga', from: ['for-beslut'], to: 'bordlagd', reason: true, audit: 'transition' },
    implement: { label: 'påbörja genomförandet', from: ['beslutad'], to: 'under-genomforande', audit: 'transition' },
    close: {
      label: 'avsluta ärendet',
      from: ['registrerad', 'under-beredning', 'beslutad', 'under-genomforande'],
      to: 'avslutad',
      // Written off before a decision: say why.
      reason: (from) => from === 'registrerad' || from === 'under-beredning',
      guard: noOpenActions,
      audit: 'transition',
    },
    'follow-answer': {
      label: 'följa remissvarets beslut',
      from: FOLLOWS_FROM,
      to: 'beslutad',
      // Run by the consultation module when the region's answer registered with this case is decided.
      guard: notBundled,
      audit: 'transition',
    },
    'follow-main': {
      label: 'följa huvudärendets beslut',
      from: FOLLOWS_FROM,
      to: 'beslutad',
      guard: (f) => (f.bundledInto ? null : 'Ärendet är inte paketerat med ett huvudärende.'),
      audit: 'transition',
    },
    withdraw: {
      label: 'ta tillbaka ärendet från föredragningslistan',
      from: ['for-beslut'],
      to: (from, f) => f.withdrawTo ?? from,
      guard: (f, from) =>
        f.withdrawTo && WITHDRAWABLE_TO.includes(f.withdrawTo)
          ? null
          : {
              path: 'to',
              message: `Ett ärende med status ${lower(from)} kan inte tas tillbaka till ${f.withdrawTo ? lower(f.withdrawTo) : 'okänd status'}.`,
            },
      audit: 'transition',
    },
  },
  locked: ['avslutad'],
  final: ['avslutad'],
});

export type CaseAction =
  | 'put-forward'
  | 'prepare'
  | 'decide'
  | 'send-back'
  | 'postpone'
  | 'implement'
  | 'close'
  | 'follow-answer'
  | 'follow-main'
  | 'withdraw';

/** The system's actions: run by other use cases (a main case's decision, an agenda), never offered to a person. */
export const SYSTEM_ACTIONS: readonly CaseAction[] = ['follow-answer', 'follow-main', 'withdraw'];

export const isCaseStatus = (s: string): s is CaseStatus => caseLifecycle.isStatus(s);

/** The status an action leads to from `from` (for the API's `allowedTransitions` and the UI's messages). */
export function targetOf(action: CaseAction, from: CaseStatus, facts: CaseFacts): CaseStatus {
  const to = caseLifecycle.actions[action].to;
  return typeof to === 'function' ? to(from, facts) : to;
}

/** The actions a person may ask for (the HTTP body's `action`, or the status it leads to as `to`). */
export type PersonCaseAction = Exclude<CaseAction, 'follow-answer' | 'follow-main' | 'withdraw'>;
export const PERSON_CASE_ACTIONS = caseLifecycle.actionNames.filter((a): a is PersonCaseAction => !SYSTEM_ACTIONS.includes(a));
const PERSON_ACTIONS: readonly CaseAction[] = PERSON_CASE_ACTIONS;

/** The status a person's action leads to (each has one target). */
export const targetOfPersonAction = (a: PersonCaseAction): CaseStatus => caseLifecycle.actions[a].to as CaseStatus;

/** The statuses a person may move a case to from each status, derived from the declaration. */
export const TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = Object.fromEntries(
  CASE_STATUSES.map((from) => [
    from,
    PERSON_ACTIONS.filter((a) => caseLifecycle.actions[a].from.includes(from)).map(
      (a) => caseLifecycle.actions[a].to as CaseStatus,
    ),
  ]),
) as unknown as Record<CaseStatus, readonly CaseStatus[]>;

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

type Refusal = { ok: false; kind: 'conflict'; message: string } | { ok: false; kind: 'rule'; path: string; message: string };
export type TransitionVerdict = { ok: true } | Refusal;

/** Whether a case may move from one status to another; a message a person understands when not. */
export function checkTransition(f: TransitionFacts): TransitionVerdict {
  const v = transitionAction(f);
  return v.ok ? { ok: true } : v;
}

/**
 * Which action of the declaration moves a case from one status to another (the HTTP API and the
 * meetings module name the target status), and whether it may run: a message a person understands
 * when not. 409 (conflict) when the case is already there or closed, 422 (rule) otherwise.
 */
export function transitionAction(f: TransitionFacts): { ok: true; action: CaseAction } | Refusal {
  if (f.from === f.to) {
    return {
      ok: false,
      kind: 'conflict',
      message: f.to === 'avslutad' ? 'Ärendet är redan avslutat.' : `Ärendet har redan status ${lower(f.to)}.`,
    };
  }
  if (caseLifecycle.final?.includes(f.from)) {
    return { ok: false, kind: 'conflict', message: 'Ärendet är avslutat och kan inte ändras.' };
  }
  const facts: CaseFacts = { openActions: f.openActions, bundledInto: f.bundledInto ?? null, withdrawTo: f.to };
  const action = f.withdrawal
    ? 'withdraw'
    : f.followingMain
      ? 'follow-main'
      : PERSON_ACTIONS.find((a) => caseLifecycle.actions[a].from.includes(f.from) && caseLifecycle.actions[a].to === f.to);
  if (!action || !caseLifecycle.actions[action].from.includes(f.from) || targetOf(action, f.from, facts) !== f.to) {
    const message = f.withdrawal
      ? `Ett ärende med status ${lower(f.from)} kan inte tas tillbaka till ${lower(f.to)}.`
      : `Ett ärende med status ${lower(f.from)} kan inte gå till ${lower(f.to)}.`;
    return { ok: false, kind: 'rule', path: 'to', message };
  }
  const v = checkAction(caseLifecycle, f.from, action, facts, f.reason);
  if (v.ok) return { ok: true, action };
  if (v.kind === 'conflict') return { ok: false, kind: 'conflict', message: v.message };
  const message = v.path === 'reason' ? 'Ange ett skäl för ändringen.' : v.message;
  return { ok: false, kind: 'rule', path: v.path, message };
}

/** A case can be escalated to the kunskapsråd while it is still being prepared or awaiting a decision. */
export const ESCALATABLE: readonly CaseStatus[] = ['registrerad', 'under-beredning', 'for-beslut', 'aterremitterad', 'bordlagd'];

/** Statuses in which the beredningsforum may still triage (propose path and forum) or bundle the case. */
export const TRIAGEABLE: readonly CaseStatus[] = ['registrerad', 'under-beredning'];

/** The beredningsforum's queue: the cases not yet triaged. */
export const TRIAGE_QUEUE: readonly CaseStatus[] = ['registrerad'];

/** A main case already decided (or beyond) takes no new bundled cases. */
export const DECIDED: readonly CaseStatus[] = ['beslutad', 'under-genomforande', 'avslutad'];

/** Whether the case is closed (final): nothing about it changes any more. */
export const isClosed = (s: string): boolean => caseLifecycle.isStatus(s) && !!caseLifecycle.final?.includes(s);

/** A status counts as open work (for "mina ärenden" and overdue lists). */
export const isOpen = (s: CaseStatus) => !isClosed(s);

/** Action items (åtgärdspunkter): open until done, and open again if they were not. */
export const ACTION_ITEM_STATUSES = ['open', 'done'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];
export type ActionItemAction = 'complete' | 'reopen';

export interface ActionItemFacts {
  /** The case the item belongs to is closed: its items no longer change. */
  caseClosed: boolean;
}

const itemGuard = (f: ActionItemFacts): GuardFailure | null =>
  f.caseClosed ? { conflict: true, message: 'Ärendet är avslutat; dess åtgärdspunkter kan inte ändras.' } : null;

export const actionItemLifecycle = defineLifecycle<ActionItemStatus, ActionItemAction, ActionItemFacts>({
  entity: 'case-action',
  noun: 'Åtgärdspunkten',
  statuses: ACTION_ITEM_STATUSES,
  labels: { open: 'öppen', done: 'klar' },
  // From either status, so that marking an item done (or open) when it already is says so with a 409.
  actions: {
    complete: {
      label: 'markera punkten som klar',
      from: ACTION_ITEM_STATUSES,
      to: 'done',
      guard: (f, from) => itemGuard(f) ?? (from === 'done' ? { conflict: true, message: 'Åtgärdspunkten är redan klar.' } : null),
      audit: 'complete',
    },
    reopen: {
      label: 'öppna punkten igen',
      from: ACTION_ITEM_STATUSES,
      to: 'open',
      guard: (f, from) =>
        itemGuard(f) ?? (from === 'open' ? { conflict: true, message: 'Åtgärdspunkten är redan öppen.' } : null),
      audit: 'reopen',
    },
  },
});

/** Whether an action item is still open (counts toward "cannot be closed"). */
export const isOpenItem = (s: ActionItemStatus): boolean => s === 'open';
