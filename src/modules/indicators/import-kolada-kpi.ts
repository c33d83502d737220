/**
 * Bringing one Kolada KPI into Navet: its values for the country and all 21 regions over a span
 * of years (five by default, ending last year), by gender, with provenance. The request reads
 * the KPI's metadata (so a wrong id or an unreachable Kolada is said at once), creates the
 * indicator the first time (source kolada, source_ref = the KPI id), records the import and
 * audits it; the job worker fetches the values and writes them period by period. Re-running it
 * replaces the same periods: idempotent.
 */
import { recordAudit } from '../../platform/audit/record.js';
import { clock, todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, notFound, Problem, unprocessable } from '../../platform/errors.js';
import { JobNotReady } from '../../platform/jobs/job-not-ready.js';
import { enqueue } from '../../platform/jobs/queue.js';
import './audit.js';
import { applyImport } from './import-values.js';
import { KoladaClient, SourceError, type KoladaSettings } from './kolada/client.js';
import { authorizeIndicatorManage } from './policy.js';
import { queueSourceImport } from './queue-source-import.js';
import * as repo from './repository.js';
import { IMPORT_FINISHED } from './rules/import.js';
import { koladaCountryAndRegionIds, koladaRows, yearSpan } from './rules/kolada.js';
import type { Geography } from './rules/places.js';

export const KOLADA_QUEUE = 'followup.kolada';
/** Kolada refuses longer year lists in one request. */
const MAX_YEARS = 25;

export interface KoladaImportInput {
  kpiId: string;
  fromYear?: number | undefined;
  toYear?: number | undefined;
  unit?: string | undefined;
  direction?: 'higher' | 'lower' | undefined;
}

/** A Kolada failure as the caller should see it: the source's state is not the caller's fault. */
export function sourceProblem(err: unknown): unknown {
  if (!(err instanceof SourceError)) return err;
  if (err.kind === 'not-found') return unprocessable(err.message, [{ path: '/kpiId', message: err.message }]);
  return new Problem(503, 'Källan svarar inte', err.message);
}

export async function geography(db: Db): Promise<Geography> {
  const [regions, municipalities, healthcareRegions] = await Promise.all([
    repo.regionsWithHealthcareRegions(db),
    repo.municipalities(db),
    repo.healthcareRegions(db),
  ]);
  return {
    regions: regions.map((r) => ({ code: r.code, name: r.name, shortName: r.shortName })),
    municipalities: municipalities.map((m) => ({ code: m.code, name: m.name, regionCode: m.regionCode })),
    healthcareRegions,
  };
}

/** Said when the connector is off: how to switch it on (409, nothing is fetched). */
export const KOLADA_OFF =
  'Kolada är inte påslaget i den här installationen: sätt NAVET_KOLADA_URL (t.ex. https://api.kolada.se/v3).';

export async function importKoladaKpi(db: Db, ctx: Ctx, input: KoladaImportInput, settings: KoladaSettings | undefined) {
  authorizeIndicatorManage(ctx);
  if (!settings) throw conflict(KOLADA_OFF);
  const toYear = input.toYear ?? Number(todayInSweden().slice(0, 4)) - 1;
  const fromYear = input.fromYear ?? toYear - 4;
  if (fromYear > toYear || toYear - fromYear + 1 > MAX_YEARS) {
    throw unprocessable(`Ange ett spann på 1–${MAX_YEARS} år där första året inte är efter det sista.`, [
      { path: '/fromYear', message: `${fromYear}–${toYear} går inte att hämta.` },
    ]);
  }
  const kpi = await new KoladaClient(settings).kpi(input.kpiId).catch((err: unknown) => {
    throw sourceProblem(err);
  });
  const years = yearSpan(fromYear, toYear);
  const geo = await geography(db);
  const ids = koladaCountryAndRegionIds(geo);
  const imp = await db.transaction(async (tx) => {
    const { indicator, created } = await queueSourceImport(
      tx,
      ctx,
      { source: 'kolada', sourceRef: kpi.id, fileName: `Kolada ${kpi.id} ${fromYear}–${toYear}`, periods: years.map(String) },
      async () => ({
        code: (await repo.getIndicatorByCode(tx, kpi.id)) ? `kolada-${kpi.id}` : kpi.id,
        goalId: null,
        name: kpi.title.slice(0, 300),
        definition: (kpi.description?.trim() || kpi.title).slice(0, 5000),
        unit: input.unit ?? (/andel|%/i.test(kpi.title) ? '%' : 'värde'),
        direction: input.direction ?? 'higher',
        periodicity: 'year',
        sourceName: 'Kolada (RKA)',
        targetValue: null,
        alertValue: null,
        programAreaId: null,
      }),
    );
    await recordAudit(tx, ctx, {
      entityType: 'indicator-import',
      entityId: created.id,
      action: 'kolada',
      after: { indicatorId: indicator.id, kpiId: kpi.id, years, areas: ids },
    });
    await enqueue(tx, KOLADA_QUEUE, { importId: created.id, kpiId: kpi.id, years }, { dedupeKey: `kolada-import:${created.id}` });
    return created;
  });
  return (await repo.getImport(db, imp.id))!;
}

/** The job: fetch the values (all pages), map Kolada's ids, write each year with provenance. */
export function koladaHandler(db: Db, settings: KoladaSettings | undefined, fetchImpl?: typeof fetch) {
  return async (payload: Record<string, unknown>) => {
    if (!settings) throw new JobNotReady(KOLADA_OFF);
    const id = String(payload.importId);
    const imp = await repo.getImport(db, id);
    if (!imp || IMPORT_FINISHED.has(imp.status)) return;
    const kpiId = String(payload.kpiId);
    const years = (payload.years as number[]).map(Number);
    const geo = await geography(db);
    let points;
    try {
      points = await new KoladaClient(settings, fetchImpl).data(kpiId, koladaCountryAndRegionIds(geo), years);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await repo.setImportProgress(db, id, { status: 'failed', error: message });
      // Kolada down: the worker tries again later. A changed shape or a missing KPI will not mend itself.
      if (err instanceof SourceError && err.kind === 'unavailable') throw err;
      return;
    }
    const { rows, skipped } = koladaRows(points, geo);
    await repo.setImportTotals(db, id, {
      totalRows: rows.length + skipped.length,
      validRows: rows.length,
      report: skipped.map((s, i) => ({
        row: i + 1,
        column: 'municipality',
        value: `${s.municipality} ${s.period}${s.gender ? ` ${s.gender}` : ''}`,
        message: s.reason,
      })),
    });
    if (!(await repo.getIndicator(db, imp.indicatorId))) throw notFound('Indikatorn');
    await applyImport(db, id, imp.indicatorId, rows, { source: 'kolada', sourceRef: kpiId, fetchedAt: clock.now() });
  };
}
