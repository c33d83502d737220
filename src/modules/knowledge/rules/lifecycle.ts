/**
 * The lifecycle of a knowledge support and of each of its versions (issue 5), declared once:
 * under framtagande → på remiss → beslutad / publicerad → under revision → ersatt / upphävd.
 *
 * - A draft may go on remiss, or be decided / published without one (minor revisions of
 *   cancer care programmes are published without remiss, kunskapsstod.md §1), or be dropped.
 * - After a remiss the text is revised (back to under framtagande, or under revision when an
 *   earlier version is still in force), decided or published.
 * - A decided support is published (vårdförlopp: approved by SKS, then published).
 * - A published support goes under revision, is replaced by a newer one, or is repealed.
 * - A revision goes on remiss, or is published directly.
 * - Ersatt and upphävd are final; leaving the catalogue for good needs a reason.
 *
 * A version moves along the same statuses. What moves with it is declared below as well
 * (VERSION_MOVES): publishing a version replaces the version in force before it, and the
 * support follows its version when the support's own lifecycle allows it.
 *
 * Pure: the use cases run every move through runTransition (src/platform/lifecycle).
 */
import {
  allowedActions,
  checkAction,
  defineLifecycle,
  isFinal as finalIn,
  isLocked,
  type ActionDeclaration,
  type Lifecycle,
} from '../../../platform/lifecycle/lifecycle.js';

export const LIFECYCLE_STATES = [
  'under-framtagande',
  'pa-remiss',
  'beslutad',
  'publicerad',
  'under-revision',
  'ersatt',
  'upphavd',
] as const;
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

export const LIFECYCLE_LABELS: Record<LifecycleState, string> = {
  'under-framtagande': 'Under framtagande',
  'pa-remiss': 'På remiss',
  beslutad: 'Beslutad',
  publicerad: 'Publicerad',
  'under-revision': 'Under revision',
  ersatt: 'Ersatt',
  upphavd: 'Upphävd',
};

const lower = Object.fromEntries(LIFECYCLE_STATES.map((s) => [s, LIFECYCLE_LABELS[s].toLowerCase()])) as Record<
  LifecycleState,
  string
>;

/** The actions of both lifecycles; each leads to exactly one status (the API's `status` names it). */
export const LIFECYCLE_ACTIONS = ['remit', 'takeBack', 'decide', 'publish', 'revise', 'replace', 'repeal'] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

const actions = {
  remit: { label: 'skicka på remiss', from: ['under-framtagande', 'under-revision'], to: 'pa-remiss', audit: 'transition' },
  takeBack: { label: 'ta tillbaka till framtagande', from: ['pa-remiss'], to: 'under-framtagande', audit: 'transition' },
  decide: { label: 'besluta', from: ['under-framtagande', 'pa-remiss'], to: 'beslutad', audit: 'transition' },
  publish: {
    label: 'publicera',
    from: ['under-framtagande', 'pa-remiss', 'beslutad', 'under-revision'],
    to: 'publicerad',
    audit: 'transition',
  },
  revise: { label: 'ta upp till revision', from: ['pa-remiss', 'publicerad'], to: 'under-revision', audit: 'transition' },
  replace: { label: 'ersätta', from: ['publicerad', 'under-revision'], to: 'ersatt', audit: 'transition', reason: true },
  repeal: {
    label: 'upphäva',
    from: ['under-framtagande', 'pa-remiss', 'beslutad', 'publicerad', 'under-revision'],
    to: 'upphavd',
    audit: 'transition',
    reason: true,
  },
} as const satisfies Record<LifecycleAction, ActionDeclaration<LifecycleState, object> & { to: LifecycleState }>;

/** A support: ersatt and upphävd are final (its fields frozen). */
export const supportLifecycle: Lifecycle<LifecycleState, LifecycleAction, object> = defineLifecycle<
  LifecycleState,
  LifecycleAction,
  object
>({
  entity: 'knowledge-support',
  noun: 'Kunskapsstödet',
  statuses: LIFECYCLE_STATES,
  labels: lower,
  actions,
  final: ['ersatt', 'upphavd'],
});

/**
 * A version: the same moves, without a reason (the support's reason is what the catalogue shows;
 * a newer version is the reason a version is replaced). Its consequence description is locked once the version has gone on remiss; its other
 * texts stay editable until it is final.
 */
export const versionLifecycle: Lifecycle<LifecycleState, LifecycleAction, object> = defineLifecycle<
  LifecycleState,
  LifecycleAction,
  object
>({
  entity: 'knowledge-support-version',
  noun: 'Versionen',
  statuses: LIFECYCLE_STATES,
  labels: lower,
  actions: { ...actions, replace: { ...actions.replace, reason: false }, repeal: { ...actions.repeal, reason: false } },
  locked: ['pa-remiss', 'beslutad', 'publicerad'],
  final: ['ersatt', 'upphavd'],
});

/** A version still being worked on: a support has at most one (a new version waits for it). */
export const VERSION_IN_WORK: readonly LifecycleState[] = ['under-framtagande', 'pa-remiss', 'beslutad', 'under-revision'];

/** A version a consultation round can be registered for (it goes on remiss, or is on remiss). */
export const VERSION_ROUND_STATUSES: readonly LifecycleState[] = ['under-framtagande', 'pa-remiss', 'under-revision'];

/** The status a version in force has; publishing another replaces it. */
export const IN_FORCE: LifecycleState = 'publicerad';

/** A new version of a support in these statuses puts the support under revision. */
export const NEW_VERSION_REVISES: { from: readonly LifecycleState[]; action: LifecycleAction } = {
  from: ['publicerad'],
  action: 'revise',
};

/**
 * What moves with a version, when the support's own lifecycle allows it:
 * - a first draft or a revision goes on remiss with its version (a published support stays
 *   published while a new version is consulted — the published text is still in force);
 * - deciding or publishing a version decides or publishes the support;
 * - publishing a version replaces the version in force before it;
 * - a version taken back from remiss takes the support back to under framtagande, or under
 *   revision when an earlier version is still in force.
 */
export const VERSION_MOVES: Partial<
  Record<
    LifecycleAction,
    {
      support: (facts: { anotherVersionInForce: boolean }) => LifecycleAction;
      /** Only from these statuses of the support (otherwise from wherever its action runs). */
      supportFrom?: readonly LifecycleState[];
      /** The version in force before it is replaced (the version lifecycle's `replace`). */
      replacesVersionInForce?: boolean;
    }
  >
> = {
  remit: { support: () => 'remit' },
  decide: { support: () => 'decide' },
  publish: { support: () => 'publish', replacesVersionInForce: true },
  takeBack: { support: (f) => (f.anotherVersionInForce ? 'revise' : 'takeBack'), supportFrom: ['pa-remiss'] },
};

/** The date a version's action sets (the day it was decided or published). */
export const VERSION_DATES: Partial<Record<LifecycleAction, 'decidedOn' | 'publishedOn'>> = {
  decide: 'decidedOn',
  publish: 'publishedOn',
};

/** The one action leading to a status (the transition endpoints name the status). */
export const actionTo = (to: LifecycleState): LifecycleAction => LIFECYCLE_ACTIONS.find((a) => actions[a].to === to)!;

/** The statuses reachable from a status (the API's `allowedTransitions`), from the declaration. */
export function allowedTransitions(from: LifecycleState): readonly LifecycleState[] {
  return allowedActions(supportLifecycle, from, {}).map((a) => actions[a].to);
}

export function canTransition(from: LifecycleState, to: LifecycleState): boolean {
  return allowedTransitions(from).includes(to);
}

export const isFinal = (s: LifecycleState) => finalIn(supportLifecycle, s);

/** Whether a version's consequence description may still change (before it goes on remiss). */
export const consequencesEditable = (s: LifecycleState) => !isLocked(versionLifecycle, s);

/** Whether a transition needs a reason (leaving the catalogue for good). */
export const needsReason = (to: LifecycleState) => {
  const r = supportLifecycle.actions[actionTo(to)].reason;
  return r === true;
};

export type TransitionCheck = { ok: true; action: LifecycleAction } | { ok: false; message: string };

/**
 * The action a request to move from one status to another names, or why there is none (the
 * endpoints take the target status; the message lists where the object can go).
 */
export function checkTransition(from: LifecycleState, to: LifecycleState): TransitionCheck {
  if (from === to) return { ok: false, message: `Statusen är redan ${lower[to]}.` };
  if (canTransition(from, to)) return { ok: true, action: actionTo(to) };
  const allowed = allowedTransitions(from).map((s) => lower[s]);
  return {
    ok: false,
    message:
      allowed.length === 0
        ? `${LIFECYCLE_LABELS[from]} är en slutstatus och kan inte ändras.`
        : `Från ${lower[from]} kan statusen bara bli ${allowed.join(', ')}.`,
  };
}

/** The support's action that follows a version's action, when the support's lifecycle allows it now. */
export function supportFollows(
  current: LifecycleState,
  versionAction: LifecycleAction,
  facts: { anotherVersionInForce?: boolean } = {},
): LifecycleAction | null {
  const move = VERSION_MOVES[versionAction];
  if (!move || (move.supportFrom && !move.supportFrom.includes(current))) return null;
  const action = move.support({ anotherVersionInForce: facts.anotherVersionInForce ?? false });
  return checkAction(supportLifecycle, current, action, {}, 'x').ok ? action : null;
}
