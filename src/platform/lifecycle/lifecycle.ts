/**
 * One lifecycle engine. Every lifecycle in Navet (a case, a knowledge support and its versions,
 * a consultation round, a region's answer, a meeting, its minutes, a plan, a claim …) is
 * declared once as data with `defineLifecycle`: its statuses, and its actions with from → to,
 * a guard, whether a reason is required, the audit kind and the jobs it enqueues. Everything
 * else is derived from the declaration: whether an action may run now (`checkAction`), which
 * actions a caller is offered (`allowedActions`, sent in every detail response so the UI
 * never compares status strings), whether the object is locked for editing (`isLocked`), and
 * the transition itself (`runTransition` in run-transition.ts).
 *
 * Pure: no database here, so each module's rules stay testable as plain functions.
 */
import type { AuditEntity } from '../audit/record.js';

/** One action of a lifecycle: from which statuses it runs, and where it leads. */
export interface ActionDeclaration<S extends string, F> {
  /** What the action does, as a Swedish infinitive for sentences ("avsluta ärendet"). */
  label: string;
  from: readonly S[];
  /** The status it leads to; a function when the target depends on the facts (e.g. back to where it came from). */
  to: S | ((from: S, facts: F) => S);
  /** Whether the caller must give a reason (written to the history and the audit trail). */
  reason?: boolean | ((from: S, facts: F) => boolean);
  /** A rule beyond from → to: a Swedish sentence when the action may not run, otherwise null. */
  guard?: (facts: F, from: S) => GuardFailure | string | null;
  /** The audit action recorded for it (the entity type is the lifecycle's). */
  audit: string;
  /** Jobs enqueued in the same transaction (the outbox), from the subject after the move. */
  jobs?: (subject: { id: string; from: S; to: S; facts: F }) => readonly LifecycleJob[];
}

/** A guard's answer with the field it concerns (422 with that path). */
export interface GuardFailure {
  message: string;
  path?: string;
  /** 409 instead of 422: the object's state, not the request, is in the way. */
  conflict?: boolean;
}

export interface LifecycleJob {
  queue: string;
  payload: Record<string, unknown>;
  dedupeKey?: string;
}

export interface LifecycleDeclaration<S extends string, A extends string, F> {
  /** The audit entity type, e.g. 'case'. */
  entity: AuditEntity;
  /** What the object is called in a sentence, e.g. 'Ärendet'. */
  noun: string;
  statuses: readonly S[];
  /** Swedish labels, lower case in sentences. */
  labels: Readonly<Record<S, string>>;
  actions: Readonly<Record<A, ActionDeclaration<S, F>>>;
  /** Statuses in which the object's fields may no longer be edited. */
  locked?: readonly S[];
  /** Statuses nothing leaves. */
  final?: readonly S[];
}

export interface Lifecycle<S extends string, A extends string, F> extends LifecycleDeclaration<S, A, F> {
  readonly actionNames: readonly A[];
  isStatus(s: string): s is S;
  isAction(a: string): a is A;
}

/** Declares a lifecycle; throws at start-up when an action names a status the lifecycle lacks. */
export function defineLifecycle<S extends string, A extends string, F = Record<string, never>>(
  d: LifecycleDeclaration<S, A, F>,
): Lifecycle<S, A, F> {
  const statuses = new Set<string>(d.statuses);
  const actionNames = Object.keys(d.actions) as A[];
  for (const name of actionNames) {
    const a = d.actions[name];
    for (const f of a.from) if (!statuses.has(f)) throw new Error(`${d.entity}.${name}: unknown status ${f}`);
    if (typeof a.to === 'string' && !statuses.has(a.to)) throw new Error(`${d.entity}.${name}: unknown status ${a.to}`);
  }
  for (const s of [...(d.locked ?? []), ...(d.final ?? [])]) {
    if (!statuses.has(s)) throw new Error(`${d.entity}: unknown status ${s}`);
  }
  return {
    ...d,
    actionNames,
    isStatus: (s: string): s is S => statuses.has(s),
    isAction: (a: string): a is A => (actionNames as string[]).includes(a),
  };
}

export type Verdict<S extends string> =
  { ok: true; to: S; reasonRequired: boolean } | { ok: false; kind: 'conflict' | 'rule'; path: string; message: string };

/** Whether `action` may run on an object in status `from`, with these facts and this reason. */
export function checkAction<S extends string, A extends string, F>(
  lc: Lifecycle<S, A, F>,
  from: S,
  action: A,
  facts: F,
  reason?: string | null,
): Verdict<S> {
  const a = lc.actions[action];
  if (lc.final?.includes(from)) {
    return { ok: false, kind: 'conflict', path: 'status', message: `${lc.noun} är ${lc.labels[from]} och kan inte ändras.` };
  }
  if (!a.from.includes(from)) {
    return {
      ok: false,
      kind: 'rule',
      path: 'action',
      message: `${lc.noun} har status ${lc.labels[from]}; det går inte att ${a.label} nu.`,
    };
  }
  const to = typeof a.to === 'function' ? a.to(from, facts) : a.to;
  const failure = a.guard?.(facts, from);
  if (failure) {
    const f = typeof failure === 'string' ? { message: failure } : failure;
    return { ok: false, kind: f.conflict ? 'conflict' : 'rule', path: f.path ?? 'action', message: f.message };
  }
  const reasonRequired = typeof a.reason === 'function' ? a.reason(from, facts) : !!a.reason;
  if (reasonRequired && !reason?.trim()) {
    return { ok: false, kind: 'rule', path: 'reason', message: 'Ange ett skäl.' };
  }
  return { ok: true, to, reasonRequired };
}

/**
 * The actions the caller is offered now: those whose from-statuses and guard allow them and that
 * `may` (the module's policy for this caller) permits. A missing reason does not hide an action:
 * the form asks for it.
 */
export function allowedActions<S extends string, A extends string, F>(
  lc: Lifecycle<S, A, F>,
  from: S,
  facts: F,
  may: (action: A) => boolean = () => true,
): A[] {
  return lc.actionNames.filter((a) => {
    const v = checkAction(lc, from, a, facts, 'x');
    return v.ok && may(a);
  });
}

/** Whether an object in this status is locked for editing (or final). */
export const isLocked = <S extends string>(lc: { locked?: readonly S[]; final?: readonly S[] }, s: S): boolean =>
  !!lc.locked?.includes(s) || !!lc.final?.includes(s);

/** Whether nothing leaves this status. */
export const isFinal = <S extends string>(lc: { final?: readonly S[] }, s: S): boolean => !!lc.final?.includes(s);
