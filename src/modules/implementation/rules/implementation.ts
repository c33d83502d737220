/**
 * The lifecycle of a knowledge support's implementation in a region (or one LPO):
 * ej påbörjad → gap-analys → planerad → pågående → införd → uppföljd, or "ej aktuell" with a
 * reason from any state before införd, and back again when it becomes relevant. One step
 * back is allowed (a plan that stalls), skipping forward is not: a region that says "införd"
 * must have planned it first (a region's first registration may record any state, since work
 * done before Navet is real). De-implementation of low-value care uses the same states.
 */
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

const ORDER: ImplementationState[] = ['ej-paborjad', 'gap-analys', 'planerad', 'pagaende', 'inford', 'uppfoljd'];

/** States that count as implemented in shares and the heatmap. */
export const IMPLEMENTED: ReadonlySet<ImplementationState> = new Set(['inford', 'uppfoljd']);

export function allowedNext(from: ImplementationState): ImplementationState[] {
  if (from === 'ej-aktuell') return ['ej-paborjad', 'gap-analys'];
  const i = ORDER.indexOf(from);
  const out: ImplementationState[] = [];
  if (i + 1 < ORDER.length) out.push(ORDER[i + 1]!);
  if (i > 0) out.push(ORDER[i - 1]!);
  if (i < ORDER.indexOf('inford')) out.push('ej-aktuell');
  return out;
}

export interface TransitionInput {
  from: ImplementationState | null;
  to: ImplementationState;
  notApplicableReason?: string | null | undefined;
}

/** Null when the change is allowed, else a message for the field `status`. */
export function checkTransition({ from, to, notApplicableReason }: TransitionInput): { path: string; message: string } | null {
  if (to === 'ej-aktuell' && !notApplicableReason?.trim()) {
    return { path: '/notApplicableReason', message: 'Ange varför kunskapsstödet inte är aktuellt i regionen.' };
  }
  if (to !== 'ej-aktuell' && notApplicableReason) {
    return { path: '/notApplicableReason', message: 'Skäl anges bara när status är "ej aktuell".' };
  }
  if (from === to) return null;
  // A first status records where the region stands when it starts using Navet: any state.
  if (from === null) return null;
  return allowedNext(from).includes(to) ? null : { path: '/status', message: `Status kan inte gå från "${from}" till "${to}".` };
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
