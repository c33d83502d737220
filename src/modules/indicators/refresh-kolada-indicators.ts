/**
 * The daily refresh of every Kolada indicator (refresh-source-indicators.ts): one fetch per
 * indicator that came from Kolada (source kolada, source_ref the KPI id), for the five years up
 * to and including last year by the product's clock, run by the Kolada job.
 */
import { recordAudit } from '../../platform/audit/record.js';
import type { Db } from '../../platform/db/index.js';
import './audit.js';
import { geography, KOLADA_QUEUE } from './import-kolada-kpi.js';
import { refreshHandler, refreshSourceIndicators, type SourceRefresh } from './refresh-source-indicators.js';
import { koladaCountryAndRegionIds, yearSpan } from './rules/kolada.js';

export const KOLADA_REFRESH_QUEUE = 'followup.kolada.refresh';

const koladaRefresh: SourceRefresh<{ years: number[]; areas: string[] }> = {
  source: 'kolada',
  actorLabel: 'kolada-refresh',
  queue: KOLADA_QUEUE,
  prepare: async (db, today) => {
    const toYear = Number(today.slice(0, 4)) - 1;
    return { years: yearSpan(toYear - 4, toYear), areas: koladaCountryAndRegionIds(await geography(db)) };
  },
  plan: (indicator, { years }) => ({
    fileName: `Kolada ${indicator.sourceRef} ${years[0]}–${years[years.length - 1]} (daglig uppdatering)`,
    periods: years.map(String),
    payload: { kpiId: indicator.sourceRef, years },
  }),
  audit: (tx, ctx, importId, indicator, { years, areas }) =>
    recordAudit(tx, ctx, {
      entityType: 'indicator-import',
      entityId: importId,
      action: 'kolada',
      after: { indicatorId: indicator.id, kpiId: indicator.sourceRef, years, areas },
    }),
};

/** Enqueue today's refresh of every Kolada indicator; the number enqueued. */
export const refreshKoladaIndicators = (db: Db): Promise<number> => refreshSourceIndicators(db, koladaRefresh);

export const koladaRefreshHandler = (db: Db, settings: unknown) => refreshHandler(db, settings, koladaRefresh);
