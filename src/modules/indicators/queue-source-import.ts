/**
 * What every connector's request does before its job runs (Kolada, the national quality
 * indicators): the indicator of the source's id, created and audited the first time; and a new
 * import, queued, with no rows yet. The caller audits the import with its own payload and
 * enqueues its job, in the same transaction.
 */
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import './audit.js';
import { presentIndicator } from './presenter.js';
import * as repo from './repository.js';
import type { IndicatorRecord, IndicatorWrite } from './repository.js';

export async function queueSourceImport(
  tx: Queryable,
  ctx: Ctx,
  source: { source: IndicatorRecord['source']; sourceRef: string; fileName: string; periods: string[] },
  /** The new indicator's fields, asked only when there is none for the source's id yet. */
  newIndicator: () => Promise<Omit<IndicatorWrite, 'source' | 'sourceRef'>>,
) {
  let indicator = await repo.getIndicatorBySource(tx, source.source, source.sourceRef);
  if (!indicator) {
    indicator = await repo.insertIndicator(tx, { ...(await newIndicator()), source: source.source, sourceRef: source.sourceRef });
    await recordAudit(tx, ctx, {
      entityType: 'indicator',
      entityId: indicator.id,
      action: 'create',
      after: presentIndicator(indicator),
    });
  }
  const created = await repo.insertImport(tx, {
    indicatorId: indicator.id,
    fileName: source.fileName.slice(0, 200),
    status: 'queued',
    mode: 'valid-only',
    totalRows: 0,
    validRows: 0,
    periods: source.periods,
    report: [],
    rows: null,
    createdBy: ctx.actor && ctx.actor.via !== 'system' ? ctx.actor.userId : null,
  });
  return { indicator, created };
}
