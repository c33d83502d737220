/**
 * The nightly refresh of every national quality indicator (refresh-source-indicators.ts): one
 * fetch per indicator that came from the platform (source quality-indicators, source_ref the
 * MeasureID), run by the quality-indicator job, which reads the measure's by-gender submeasures
 * again (they may have changed) and replaces every period the results carry.
 */
import { recordAudit } from '../../platform/audit/record.js';
import type { Db } from '../../platform/db/index.js';
import './audit.js';
import { QUALITY_QUEUE } from './import-quality-indicator.js';
import { refreshHandler, refreshSourceIndicators, type SourceRefresh } from './refresh-source-indicators.js';

export const QUALITY_REFRESH_QUEUE = 'followup.quality-indicators.refresh';

const qualityRefresh: SourceRefresh<{ today: string }> = {
  source: 'quality-indicators',
  actorLabel: 'quality-indicators-refresh',
  queue: QUALITY_QUEUE,
  prepare: (_db, today) => Promise.resolve({ today }),
  plan: (indicator, { today }) => ({
    fileName: `Kvalitetsindikator ${indicator.sourceRef} (nattlig uppdatering ${today})`,
    periods: [],
    payload: { measureId: indicator.sourceRef, periodicity: indicator.periodicity, percent: indicator.unit === '%' },
  }),
  audit: (tx, ctx, importId, indicator) =>
    recordAudit(tx, ctx, {
      entityType: 'indicator-import',
      entityId: importId,
      action: 'quality-indicators',
      // The submeasures are read again by the job; the trail names the measure asked for.
      after: { indicatorId: indicator.id, measureId: indicator.sourceRef, measureIds: [indicator.sourceRef] },
    }),
};

/** Enqueue tonight's refresh of every national quality indicator; the number enqueued. */
export const refreshQualityIndicators = (db: Db): Promise<number> => refreshSourceIndicators(db, qualityRefresh);

export const qualityRefreshHandler = (db: Db, settings: unknown) => refreshHandler(db, settings, qualityRefresh);
