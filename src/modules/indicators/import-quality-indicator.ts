/**
 * Bringing one national quality indicator (Kvalitetsindikatorkatalogen, the measures behind
 * Vården i siffror) into Navet: its measurement results for the country, the regions, and units
 * by HSA-id, by gender where the measure has gender submeasures, with provenance. The request
 * reads the measure (so a wrong id or an unreachable source is said at once), creates the
 * indicator the first time (source quality-indicators, source_ref = the MeasureID), records the
 * import and audits it; the job worker fetches the results and writes them period by period.
 * Re-running it replaces the same periods and places: idempotent.
 */
import { recordAudit } from '../../platform/audit/record.js';
import { clock } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, notFound, Problem, unprocessable } from '../../platform/errors.js';
import { JobNotReady } from '../../platform/jobs/job-not-ready.js';
import { enqueue } from '../../platform/jobs/queue.js';
import './audit.js';
import { geography } from './import-kolada-kpi.js';
import { applyImport } from './import-values.js';
import { authorizeIndicatorManage } from './policy.js';
import { QualityIndicatorsClient, SourceError, type QualitySettings } from './quality/client.js';
import { queueSourceImport } from './queue-source-import.js';
import * as repo from './repository.js';
import { IMPORT_FINISHED } from './rules/import.js';
import type { Periodicity } from './rules/periods.js';
import type { Gender } from './rules/places.js';
import { gendersByMeasureId, periodicityOf, qualityRows, qualityUnits } from './rules/quality-indicators.js';

export const QUALITY_QUEUE = 'followup.quality-indicators';

/** Shown with the data (under the chart, in the search's answer). */
export const QUALITY_ATTRIBUTION = 'Källa: Vården i siffror (Kvalitetsindikatorkatalogen, Inera/SKR)';

/** Said when the connector is off: how to switch it on (409, nothing is fetched). */
export const QUALITY_OFF =
  'De nationella kvalitetsindikatorerna är inte påslagna i den här installationen: sätt NAVET_QUALITY_INDICATORS_URL och NAVET_QUALITY_INDICATORS_RESULTS_URL.';

export interface QualityImportInput {
  measureId: string;
  unit?: string | undefined;
  direction?: 'higher' | 'lower' | undefined;
}

export function qualityProblem(err: unknown): unknown {
  if (!(err instanceof SourceError)) return err;
  if (err.kind === 'not-found') return unprocessable(err.message, [{ path: '/measureId', message: err.message }]);
  return new Problem(503, 'Källan svarar inte', err.message);
}

const UNITS: Record<string, string> = { andel: '%', antal: 'antal', dagar: 'dagar', median: 'median', medelvärde: 'medelvärde' };

export async function importQualityIndicator(db: Db, ctx: Ctx, input: QualityImportInput, settings: QualitySettings | undefined) {
  authorizeIndicatorManage(ctx);
  if (!settings) throw conflict(QUALITY_OFF);
  const { measure, submeasures } = await new QualityIndicatorsClient(settings).measure(input.measureId).catch((err: unknown) => {
    throw qualityProblem(err);
  });
  const genders = gendersByMeasureId(measure.mId, submeasures);
  const unitType = (measure.unitType ?? '').trim().toLowerCase();
  const periodicity = periodicityOf(measure.measuringFrequencies);
  const imp = await db.transaction(async (tx) => {
    const { indicator, created } = await queueSourceImport(
      tx,
      ctx,
      { source: 'quality-indicators', sourceRef: measure.mId, fileName: `Kvalitetsindikator ${measure.mId}`, periods: [] },
      async () => ({
        code: `VIS-${measure.mId}`.slice(0, 60),
        goalId: null,
        name: measure.title.slice(0, 300),
        definition: (measure.measureDefinition?.trim() || measure.description?.trim() || measure.title).slice(0, 5000),
        unit: input.unit ?? UNITS[unitType] ?? 'värde',
        direction: input.direction ?? (/^l[åa]gt/i.test(measure.soughtValue ?? '') ? 'lower' : 'higher'),
        periodicity,
        sourceName: (measure.measurementSourceName?.trim() || 'Nationella kvalitetsindikatorer').slice(0, 200),
        targetValue: null,
        alertValue: null,
        programAreaId: null,
      }),
    );
    await recordAudit(tx, ctx, {
      entityType: 'indicator-import',
      entityId: created.id,
      action: 'quality-indicators',
      after: { indicatorId: indicator.id, measureId: measure.mId, measureIds: [...genders.keys()] },
    });
    await enqueue(
      tx,
      QUALITY_QUEUE,
      {
        importId: created.id,
        measureId: measure.mId,
        genders: [...genders],
        periodicity: indicator.periodicity,
        percent: unitType === 'andel' || indicator.unit === '%',
      },
      { dedupeKey: `quality-import:${created.id}` },
    );
    return created;
  });
  return (await repo.getImport(db, imp.id))!;
}

/** The job: fetch the results of the measure and its gender submeasures, map them, write each period with provenance. */
export function qualityHandler(db: Db, settings: QualitySettings | undefined, fetchImpl?: typeof fetch) {
  return async (payload: Record<string, unknown>) => {
    if (!settings) throw new JobNotReady(QUALITY_OFF);
    const id = String(payload.importId);
    const imp = await repo.getImport(db, id);
    if (!imp || IMPORT_FINISHED.has(imp.status)) return;
    const measureId = String(payload.measureId);
    const client = new QualityIndicatorsClient(settings, fetchImpl);
    const geo = await geography(db);
    const rows = [];
    const skipped = [];
    const units: ReturnType<typeof qualityUnits> = [];
    try {
      // The nightly refresh names only the measure: its by-gender submeasures are read again.
      const genders = Array.isArray(payload.genders)
        ? new Map(payload.genders as [string, Gender][])
        : await client.measure(measureId).then(({ measure, submeasures }) => gendersByMeasureId(measure.mId, submeasures));
      for (const mid of genders.keys()) {
        const table = await client.results(mid);
        const mapped = qualityRows(table, {
          genders,
          periodicity: String(payload.periodicity) as Periodicity,
          percent: payload.percent === true,
          geo,
        });
        rows.push(...mapped.rows);
        skipped.push(...mapped.skipped);
        units.push(...qualityUnits(table));
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await repo.setImportProgress(db, id, { status: 'failed', error: message });
      if (err instanceof SourceError && err.kind === 'unavailable') throw err;
      return;
    }
    await repo.setImportTotals(db, id, {
      totalRows: rows.length + skipped.length,
      validRows: rows.length,
      report: skipped.map((s, i) => ({ row: i + 1, column: 'MeasureID', value: s.what, message: s.reason })),
    });
    if (!(await repo.getIndicator(db, imp.indicatorId))) throw notFound('Indikatorn');
    // The units' names as the source gives them (shown by HSA-id on the indicator page); a region
    // Navet does not know is left out of the unit, not the name.
    const regions = new Set(geo.regions.map((r) => r.code));
    await repo.upsertUnits(db, [
      ...new Map(units.map((u) => [u.hsaId, { ...u, region: u.region && regions.has(u.region) ? u.region : null }])).values(),
    ]);
    await applyImport(db, id, imp.indicatorId, rows, {
      source: 'quality-indicators',
      sourceRef: measureId,
      fetchedAt: clock.now(),
    });
  };
}
