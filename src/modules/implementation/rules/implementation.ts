/**
 * The lifecycle of a knowledge support's implementation in a region (or one LPO):
 * ej påbörjad → gap-analys → planerad → pågående → införd → uppföljd, or "ej aktuell" with a
 * reason from any state before införd, and back again when it becomes relevant. One step
 * back is allowed (a plan that stalls), skipping forward is not: a region that says "införd"
 * must have planned it first (a region's first registration may record any state, since work
 * done before Navet is real). De-implementation of low-value care uses the same states.
 *
 * Each action is named after the status it leads to (the API's PATCH names the status).
 */
import { allowedActions, checkAction, defineLifecycle, type ActionDeclaration } from '../../../platform/lifecycle/lifecycle.js';

export const IMPLEMENTATION_STATES = [
  'ej-paborjad',
  'gap-analys',
  'planerad',
  'pagaende',
  'inford',
  'uppfoljd',
  'ej-aktuell',
] as const;
export type ImplementationState = (typeof IMPLEMENTATION_STATES)[number];

/** States that count as implemented in shares and the heatmap. */
export const IMPLEMENTED: ReadonlySet<ImplementationState> = new Set(['inford', 'uppfoljd']);

/** The state a reason (why the support is not relevant in the region) belongs to. */
export const NOT_APPLICABLE: ImplementationState = 'ej-aktuell';

const LABELS: Record<ImplementationState, string> = {
  'ej-paborjad': 'ej påbörjad',
  'gap-analys': 'gap-analys',
  planerad: 'planerad',
  pagaende: 'pågående',
  inford: 'införd',
  uppfoljd: 'uppföljd',
  'ej-aktuell': 'ej aktuell',
};

/** Where each status is reached from: one step forward or back, "ej aktuell" before införd, and from it to the start. */
const REACHED_FROM: Record<ImplementationState, readonly ImplementationState[]> = {
  'ej-paborjad': ['gap-analys', 'ej-aktuell'],
  'gap-analys': ['ej-paborjad', 'planerad', 'ej-aktuell'],
  planerad: ['gap-analys', 'pagaende'],
  pagaende: ['planerad', 'inford'],
  inford: ['pagaende', 'uppfoljd'],
  uppfoljd: ['inford'],
  'ej-aktuell': ['ej-paborjad', 'gap-analys', 'planerad', 'pagaende'],
};

const action = (to: ImplementationState): ActionDeclaration<ImplementationState, object> => ({
  label: `sätta status ${LABELS[to]}`,
  from: REACHED_FROM[to],
  to,
  reason: to === NOT_APPLICABLE,
  // The trail has always called every change of a status an update.
  audit: 'update',
});

export const implementationLifecycle = defineLifecycle<ImplementationState, ImplementationState, object>({
  entity: 'implementation-status',
  noun: 'Statusen',
  statuses: IMPLEMENTATION_STATES,
  labels: LABELS,
  actions: Object.fromEntries(IMPLEMENTATION_STATES.map((s) => [s, action(s)])) as Record<
    ImplementationState,
    ActionDeclaration<ImplementationState, object>
  >,
});

/** Swedish status names as headings and cells show them ("Ej påbörjad"). */
export const statusLabel = (s: ImplementationState): string => LABELS[s].charAt(0).toUpperCase() + LABELS[s].slice(1);

/** The statuses a status may move to next (the declaration's actions from it). */
export const allowedNext = (from: ImplementationState): ImplementationState[] =>
  allowedActions(implementationLifecycle, from, {});

export interface TransitionInput {
  from: ImplementationState | null;
  to: ImplementationState;
  notApplicableReason?: string | null | undefined;
}

/** Null when the change is allowed, else a message for the field it concerns. */
export function checkTransition({ from, to, notApplicableReason }: TransitionInput): { path: string; message: string } | null {
  if (to === NOT_APPLICABLE && !notApplicableReason?.trim()) {
    return { path: '/notApplicableReason', message: 'Ange varför kunskapsstödet inte är aktuellt i regionen.' };
  }
  if (to !== NOT_APPLICABLE && notApplicableReason) {
    return { path: '/notApplicableReason', message: 'Skäl anges bara när status är "ej aktuell".' };
  }
  if (from === to) return null;
  // A first status records where the region stands when it starts using Navet: any state.
  if (from === null) return null;
  return checkAction(implementationLifecycle, from, to, {}, notApplicableReason).ok
    ? null
    : { path: '/status', message: `Status kan inte gå från "${from}" till "${to}".` };
}

export interface DateFacts {
  plannedStart?: string | null | undefined;
  plannedDone?: string | null | undefined;
  actualStart?: string | null | undefined;
  actualDone?: string | null | undefined;
  status: ImplementationState;
}

export function checkDates(d: DateFacts): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (d.plannedStart && d.plannedDone && d.plannedDone < d.plannedStart) {
    out.push({ path: '/plannedDone', message: 'Planerat klart kan inte vara före planerad start.' });
  }
  if (d.actualStart && d.actualDone && d.actualDone < d.actualStart) {
    out.push({ path: '/actualDone', message: 'Faktiskt klart kan inte vara före faktisk start.' });
  }
  if (IMPLEMENTED.has(d.status) && !d.actualDone) {
    out.push({ path: '/actualDone', message: 'Ange när införandet blev klart.' });
  }
  return out;
}
