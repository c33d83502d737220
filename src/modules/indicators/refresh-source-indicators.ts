/**
 * The scheduled refresh of every indicator that came from an outside source, one shape for all
 * of them (Kolada daily, the national quality indicators nightly): the job worker's schedule runs
 * the refresh, which enqueues one fetch per indicator of the source (source_ref its id there).
 * Each fetch is an import of its own (with progress and report), audited as the system's, and
 * run by the source's own job; the dedupe key holds one refresh per indicator and day, so a
 * second run the same day enqueues nothing more. Sources revise their data without notice: a
 * refresh replaces the periods it reads.
 */
import type { Ctx } from '../../platform/context.js';
import { clock } from '../../platform/clock.js';
import { systemCtx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { enqueue } from '../../platform/jobs/queue.js';
import * as repo from './repository.js';
import type { IndicatorRecord } from './repository.js';

/** What one source's refresh does for one of its indicators. */
export interface SourceRefresh<Plan> {
  source: 'kolada' | 'quality-indicators';
  /** The audit trail's actor (`systemCtx(label)`). */
  actorLabel: string;
  /** The fetch job's queue. */
  queue: string;
  /** What is shared by every indicator of today's refresh (read once: the geography, the years). */
  prepare(db: Db, today: string): Promise<Plan>;
  /** The import's name and periods, and the fetch job's payload (without the import's id). */
  plan(
    indicator: IndicatorRecord & { sourceRef: string },
    shared: Plan,
  ): { fileName: string; periods: string[]; payload: Record<string, unknown> };
  /** The import's audit event, in the refresh's transaction. */
  audit(
    tx: Queryable,
    ctx: Ctx,
    importId: string,
    indicator: IndicatorRecord & { sourceRef: string },
    shared: Plan,
  ): Promise<void>;
}

/** Enqueue today's refresh of every indicator of the source; the number enqueued. */
export async function refreshSourceIndicators<Plan>(db: Db, refresh: SourceRefresh<Plan>): Promise<number> {
  const today = clock.today();
  const indicators = (await repo.listIndicators(db)).filter(
    (i): i is IndicatorRecord & { sourceRef: string } => i.source === refresh.source && Boolean(i.sourceRef),
  );
  if (!indicators.length) return 0;
  const shared = await refresh.prepare(db, today);
  const ctx = systemCtx(refresh.actorLabel);
  let enqueued = 0;
  for (const indicator of indicators) {
    const dedupeKey = `${refresh.source}-refresh:${indicator.id}:${today}`;
    await db.transaction(async (tx) => {
      const already = await tx.query(`SELECT 1 FROM jobs WHERE dedupe_key = $1`, [dedupeKey]);
      if (already.length) return;
      const { fileName, periods, payload } = refresh.plan(indicator, shared);
      const imp = await repo.insertImport(tx, {
        indicatorId: indicator.id,
        fileName: fileName.slice(0, 200),
        status: 'queued',
        mode: 'valid-only',
        totalRows: 0,
        validRows: 0,
        periods,
        report: [],
        rows: null,
        createdBy: null,
      });
      await refresh.audit(tx, ctx, imp.id, indicator, shared);
      await enqueue(tx, refresh.queue, { ...payload, importId: imp.id }, { dedupeKey });
      enqueued++;
    });
  }
  return enqueued;
}

/** The schedule's job handler: nothing when the source is off (the schedule is only set up when it is on). */
export function refreshHandler<Plan>(db: Db, settings: unknown, refresh: SourceRefresh<Plan>) {
  return async () => {
    if (!settings) return;
    await refreshSourceIndicators(db, refresh);
  };
}
