/**
 * The lifecycle of a knowledge support and of each of its versions (issue 5):
 * under framtagande → på remiss → beslutad / publicerad → under revision → ersatt / upphävd.
 *
 * - A draft may go on remiss, or be decided / published without one (minor revisions of
 *   cancer care programmes are published without remiss, kunskapsstod.md §1), or be dropped.
 * - After a remiss the text is revised (back to under framtagande, or under revision when an
 *   earlier version is still in force), decided or published.
 * - A decided support is published (vårdförlopp: approved by SKS, then published).
 * - A published support goes under revision, is replaced by a newer one, or is repealed.
 * - A revision goes on remiss, or is published directly.
 * - Ersatt and upphävd are final.
 */
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

const TRANSITIONS: Record<LifecycleState, readonly LifecycleState[]> = {
  'under-framtagande': ['pa-remiss', 'beslutad', 'publicerad', 'upphavd'],
  'pa-remiss': ['under-framtagande', 'under-revision', 'beslutad', 'publicerad', 'upphavd'],
  beslutad: ['publicerad', 'upphavd'],
  publicerad: ['under-revision', 'ersatt', 'upphavd'],
  'under-revision': ['pa-remiss', 'publicerad', 'ersatt', 'upphavd'],
  ersatt: [],
  upphavd: [],
};

export function allowedTransitions(from: LifecycleState): readonly LifecycleState[] {
  return TRANSITIONS[from];
}

export function canTransition(from: LifecycleState, to: LifecycleState): boolean {
  return TRANSITIONS[from].includes(to);
}

export const isFinal = (s: LifecycleState) => TRANSITIONS[s].length === 0;

/** Whether a transition needs a reason (leaving the catalogue for good). */
export const needsReason = (to: LifecycleState) => to === 'upphavd' || to === 'ersatt';

export type TransitionCheck = { ok: true } | { ok: false; message: string };

export function checkTransition(from: LifecycleState, to: LifecycleState): TransitionCheck {
  if (from === to) return { ok: false, message: `Statusen är redan ${LIFECYCLE_LABELS[to].toLowerCase()}.` };
  if (canTransition(from, to)) return { ok: true };
  const allowed = TRANSITIONS[from].map((s) => LIFECYCLE_LABELS[s].toLowerCase());
  return {
    ok: false,
    message:
      allowed.length === 0
        ? `${LIFECYCLE_LABELS[from]} är en slutstatus och kan inte ändras.`
        : `Från ${LIFECYCLE_LABELS[from].toLowerCase()} kan statusen bara bli ${allowed.join(', ')}.`,
  };
}

/**
 * The support's state that follows from a version's new state, when the support's own machine
 * allows it: a first draft or a revision goes on remiss with its version (a published support
 * stays published while a new version is consulted — the published text is still in force);
 * deciding or publishing a version decides or publishes the support; a version taken back
 * from remiss takes the support back to under framtagande, or under revision when an earlier
 * version is still in force.
 */
export function supportFollows(
  current: LifecycleState,
  versionTo: LifecycleState,
  opts: { anotherVersionInForce?: boolean } = {},
): LifecycleState | null {
  let target: LifecycleState | null = null;
  if (versionTo === 'pa-remiss') target = current === 'under-framtagande' || current === 'under-revision' ? 'pa-remiss' : null;
  else if (versionTo === 'beslutad' || versionTo === 'publicerad') target = versionTo;
  else if (versionTo === 'under-framtagande' && current === 'pa-remiss') {
    target = opts.anotherVersionInForce ? 'under-revision' : 'under-framtagande';
  }
  return target && target !== current && canTransition(current, target) ? target : null;
}
