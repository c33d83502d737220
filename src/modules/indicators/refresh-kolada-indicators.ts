/**
 * The daily refresh of every Kolada indicator: the job worker's schedule enqueues one fetch per
 * indicator that came from Kolada (source kolada, source_ref the KPI id), for the five years up
 * to and including last year by the product's clock. Each fetch is an import of its own (with
 * progress and report, audited as the system's), run by the Kolada job; a second run the same day
 * enqueues nothing more. Kolada revises its data without notice: the refresh replaces the years.
 */
import { recordAudit } from '../../platform/audit/record.js';
import { clock } from '../../platform/clock.js';
import { systemCtx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { enqueue } from '../../platform/jobs/queue.js';
import './audit.js';
import { geography, KOLADA_QUEUE } from './import-kolada-kpi.js';
import * as repo from './repository.js';
import { koladaCountryAndRegionIds, yearSpan } from './rules/kolada.js';

export const KOLADA_REFRESH_QUEUE = 'followup.kolada.refresh';

/** Enqueue today's refresh of every Kolada indicator; the number enqueued. */
export async function refreshKoladaIndicators(db: Db): Promise<number> {
  const today = clock.today();
  const toYear = Number(today.slice(0, 4)) - 1;
  const years = yearSpan(toYear - 4, toYear);
  const kolada = (await repo.listIndicators(db)).filter((i) => i.source === 'kolada' && i.sourceRef);
  if (!kolada.length) return 0;
  const areas = koladaCountryAndRegionIds(await geography(db));
  const ctx = systemCtx('kolada-refresh');
  let enqueued = 0;
  for (const indicator of kolada) {
    const dedupeKey = `kolada-refresh:${indicator.id}:${today}`;
    await db.transaction(async (tx) => {
      const already = await tx.query(`SELECT 1 FROM jobs WHERE dedupe_key = $1`, [dedupeKey]);
      if (already.length) return;
      const imp = await repo.insertImport(tx, {
        indicatorId: indicator.id,
        fileName: `Kolada ${indicator.sourceRef} ${years[0]}–${toYear} (daglig uppdatering)`,
        status: 'queued',
        mode: 'valid-only',
        totalRows: 0,
        validRows: 0,
        periods: years.map(String),
        report: [],
        rows: null,
        createdBy: null,
      });
      await recordAudit(tx, ctx, {
        entityType: 'indicator-import',
        entityId: imp.id,
        action: 'kolada',
        after: { indicatorId: indicator.id, kpiId: indicator.sourceRef!, years, areas },
      });
      await enqueue(tx, KOLADA_QUEUE, { importId: imp.id, kpiId: indicator.sourceRef, years }, { dedupeKey });
      enqueued++;
    });
  }
  return enqueued;
}

export function koladaRefreshHandler(db: Db, settings: unknown) {
  return async () => {
    // Off: nothing to refresh from (the schedule is only set up when Kolada is on).
    if (!settings) return;
    await refreshKoladaIndicators(db);
  };
}
