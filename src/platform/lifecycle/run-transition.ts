import { recordTransitionAudit } from '../audit/record.js';
import type { Ctx } from '../context.js';
import type { Queryable } from '../db/index.js';
import { conflict, notFound, staleVersion, unprocessable } from '../errors.js';
import { enqueue } from '../jobs/queue.js';
import { checkAction, type Lifecycle } from './lifecycle.js';

/** What a transition needs from the module: how to lock, ask, and write its object. */
export interface TransitionSpec<S extends string, A extends string, F, R extends { status: string; version: number }> {
  id: string;
  action: A;
  /** The version the caller last saw; omitted for system moves (jobs, a main case's decision). */
  version?: number;
  reason?: string | null;
  /** Reads the object FOR UPDATE; undefined when it does not exist. */
  lock: (tx: Queryable) => Promise<R | undefined>;
  /** The caller's permission and visibility (404/403); runs before anything about the object is told. */
  authorize: (tx: Queryable, row: R) => Promise<void> | void;
  /** The facts the guards read (counts, dates, linked objects). */
  facts?: (tx: Queryable, row: R) => Promise<F>;
  /** Writes the new status (and whatever goes with it); returns the object's new version. */
  apply: (tx: Queryable, row: R, to: S, reason: string | null) => Promise<{ version: number }>;
  /** Extra fields for the audit event's `after` (never a raw request body). */
  auditDetails?: Record<string, unknown>;
}

export interface TransitionResult<S extends string, R> {
  from: S;
  to: S;
  version: number;
  row: R;
}

/**
 * The one transition: lock → version check → guard → update → audit → outbox jobs, inside the
 * caller's transaction (so a use case can move several objects in one, as a main case's decision
 * does with its bundled cases). Answers 404 when the object is gone or hidden, 409 on a stale
 * version or a final status, 422 when the declaration or a guard says no.
 */
export async function runTransition<S extends string, A extends string, F, R extends { status: string; version: number }>(
  tx: Queryable,
  ctx: Ctx,
  lc: Lifecycle<S, A, F>,
  spec: TransitionSpec<S, A, F, R>,
): Promise<TransitionResult<S, R>> {
  const row = await spec.lock(tx);
  if (!row) throw notFound(lc.noun);
  await spec.authorize(tx, row);
  if (spec.version !== undefined && row.version !== spec.version) throw staleVersion(row.version);
  if (!lc.isStatus(row.status)) throw new Error(`${lc.entity} ${spec.id} has unknown status ${row.status}`);
  const from = row.status;
  const facts = spec.facts ? await spec.facts(tx, row) : ({} as F);
  const reason = spec.reason?.trim() || null;
  const verdict = checkAction(lc, from, spec.action, facts, reason);
  if (!verdict.ok) {
    if (verdict.kind === 'conflict') throw conflict(verdict.message);
    throw unprocessable(verdict.message, [{ path: verdict.path, message: verdict.message }]);
  }
  const { version } = await spec.apply(tx, row, verdict.to, reason);
  await recordTransitionAudit(tx, ctx, {
    entityType: lc.entity,
    entityId: spec.id,
    action: lc.actions[spec.action].audit,
    before: { status: from, version: row.version },
    after: { status: verdict.to, version, reason, action: spec.action, ...spec.auditDetails },
  });
  for (const job of lc.actions[spec.action].jobs?.({ id: spec.id, from, to: verdict.to, facts }) ?? []) {
    await enqueue(tx, job.queue, job.payload, job.dedupeKey ? { dedupeKey: job.dedupeKey } : {});
  }
  return { from, to: verdict.to, version, row };
}
