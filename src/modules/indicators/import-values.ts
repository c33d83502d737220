/**
 * Importing indicator values from a file. Every row is validated first; a file with any bad
 * row imports nothing unless the person chose "valid-only". Each period in the file replaces
 * that period's values for the regions in the file, atomically (one transaction per period).
 * Small files are imported in the request; larger ones by the job worker, with progress.
 */
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { notFound, unprocessable } from '../../platform/errors.js';
import { enqueue } from '../../platform/jobs/queue.js';
import './audit.js';
import { authorizeSomeImport, deniedAreas } from './policy.js';
import { readTable } from './read-file.js';
import * as repo from './repository.js';
import { runFileImport } from './run-file-import.js';
import { IMPORT_FINISHED, validateRows, type ColumnMapping, type Validation } from './rules/import.js';

export const IMPORT_QUEUE = 'followup.import';

export interface ImportInput {
  fileName: string;
  format: 'csv' | 'xlsx';
  contentBase64: string;
  mapping: ColumnMapping;
  mode: 'all-or-nothing' | 'valid-only';
  dryRun: boolean;
}

type StoredRow = repo.ValueWrite & { period: string };

export interface ValidationReport {
  indicatorId: string;
  fileName: string;
  header: string[];
  totalRows: number;
  validRows: number;
  problems: Validation['problems'];
  fileProblems: string[];
  periods: string[];
  areas: string[];
  preview: Pick<StoredRow, 'area' | 'subArea' | 'gender' | 'period' | 'value'>[];
}

async function validate(db: Queryable, indicator: repo.IndicatorRecord, input: ImportInput) {
  const table = await readTable(input.format, input.contentBase64);
  const [regions, municipalities, healthcareRegions] = await Promise.all([
    repo.regionsWithHealthcareRegions(db),
    repo.municipalities(db),
    repo.healthcareRegions(db),
  ]);
  const v = validateRows(table.header, table.rows, input.mapping, indicator.periodicity, {
    regions: regions.map((r) => ({ code: r.code, name: r.name, shortName: r.shortName })),
    municipalities: municipalities.map((m) => ({ code: m.code, name: m.name, regionCode: m.regionCode })),
    healthcareRegions,
  });
  return { table, regions, v };
}

export async function importValues(db: Db, ctx: Ctx, indicatorId: string, input: ImportInput, opts: { syncRows: number }) {
  // Anyone who may import somewhere may validate a file; writing checks each region in it.
  authorizeSomeImport(ctx);
  const indicator = await repo.getIndicator(db, indicatorId);
  if (!indicator) throw notFound('Indikatorn');
  const { table, v } = await validate(db, indicator, input);
  // A region's indicator holds only its owner's values, and the caller writes only where it may import.
  const { messages: denied, refusal } = await deniedAreas(
    ctx,
    db,
    indicator.owner,
    v.valid.map((r) => r.area),
  );
  const report: ValidationReport = {
    indicatorId,
    fileName: input.fileName,
    header: table.header,
    totalRows: v.totalRows,
    validRows: v.valid.length,
    problems: [
      ...v.problems,
      ...v.valid.flatMap((r) => {
        const message = denied.get(r.area);
        return message ? [{ row: r.row, column: input.mapping.area, value: r.area, message }] : [];
      }),
    ].sort((a, b) => a.row - b.row),
    fileProblems: v.fileProblems,
    periods: [...new Set(v.valid.map((r) => r.period))].sort(),
    areas: [...new Set(v.valid.map((r) => r.area))].sort(),
    preview: v.valid.slice(0, 20).map(({ area, subArea, gender, period, value }) => ({ area, subArea, gender, period, value })),
  };
  const usable = v.valid.filter((r) => !denied.has(r.area));
  report.validRows = usable.length;
  if (input.dryRun) return { kind: 'report' as const, report };

  if (!usable.length && denied.size && !v.problems.length) throw refusal([...denied.keys()]);
  if (v.fileProblems.length)
    throw unprocessable(
      v.fileProblems.join(' '),
      v.fileProblems.map((m) => ({ path: '/mapping', message: m })),
    );
  if (report.problems.length && input.mode === 'all-or-nothing') {
    throw unprocessable(
      `Inget lästes in: ${report.problems.length} rad${report.problems.length === 1 ? '' : 'er'} har fel. Rätta filen, eller välj att bara läsa in de giltiga raderna.`,
      report.problems.slice(0, 500).map((p) => ({ path: `/rows/${p.row}/${p.column}`, message: p.message })),
    );
  }
  if (!usable.length)
    throw unprocessable('Filen har inga giltiga rader att läsa in.', [{ path: '/contentBase64', message: 'Inga giltiga rader' }]);

  const rows: StoredRow[] = usable.map(({ area, subArea, level, gender, period, value, numerator, denominator }) => ({
    area,
    subArea,
    level,
    gender,
    period,
    value,
    numerator,
    denominator,
  }));
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const queued = rows.length > opts.syncRows;
  const imp = await db.transaction(async (tx) => {
    const created = await repo.insertImport(tx, {
      indicatorId,
      fileName: input.fileName,
      status: queued ? 'queued' : 'running',
      mode: input.mode,
      totalRows: v.totalRows,
      validRows: rows.length,
      periods,
      report: report.problems,
      rows: queued ? rows : null,
      createdBy: ctx.actor && ctx.actor.via !== 'system' ? ctx.actor.userId : null,
    });
    await recordAudit(tx, ctx, {
      entityType: 'indicator-import',
      entityId: created.id,
      action: 'import',
      after: {
        indicatorId,
        fileName: input.fileName,
        mode: input.mode,
        rows: rows.length,
        skipped: report.problems.length,
        periods,
        areas: report.areas,
      },
    });
    if (queued) await enqueue(tx, IMPORT_QUEUE, { importId: created.id }, { dedupeKey: `followup-import:${created.id}` });
    return created;
  });
  if (!queued) await applyImport(db, imp.id, indicatorId, rows, { source: 'file', sourceRef: input.fileName, fetchedAt: null });
  return { kind: 'import' as const, import: (await repo.getImport(db, imp.id))! };
}

/** Writes the rows period by period; each period is replaced in one transaction. Idempotent. */
export async function applyImport(
  db: Db,
  importId: string,
  indicatorId: string,
  rows: StoredRow[],
  provenance: repo.Provenance,
): Promise<void> {
  const byPeriod = new Map<string, StoredRow[]>();
  // One push per row (a copy per row made this quadratic in rows per period: issue 20).
  for (const r of rows) {
    const list = byPeriod.get(r.period);
    if (list) list.push(r);
    else byPeriod.set(r.period, [r]);
  }
  let processed = 0;
  await repo.setImportProgress(db, importId, { status: 'running', processed: 0 });
  for (const [period, pr] of [...byPeriod].sort(([a], [b]) => a.localeCompare(b))) {
    await db.transaction(async (tx) => {
      await repo.replacePeriod(tx, indicatorId, period, pr, importId, provenance);
      processed += pr.length;
      await repo.setImportProgress(tx, importId, { status: 'running', processed, imported: processed });
    });
  }
  await repo.setImportProgress(db, importId, { status: 'done', processed, imported: processed });
}

export function importHandler(db: Db) {
  return async (payload: Record<string, unknown>, job?: { id: number }) => {
    const id = String(payload.importId);
    const imp = await repo.getImport(db, id);
    if (!imp || IMPORT_FINISHED.has(imp.status)) return;
    // A file sent as the body (upload-import.ts) is read from its stored chunks as a stream.
    if (imp.sizeBytes !== null) return runFileImport(db, id, job);
    const rows = await repo.importRows(db, id);
    if (!rows) return;
    try {
      await applyImport(db, id, imp.indicatorId, rows, { source: 'file', sourceRef: imp.fileName, fetchedAt: null });
    } catch (err) {
      await repo.setImportProgress(db, id, { status: 'failed', error: err instanceof Error ? err.message : String(err) });
      throw err;
    }
  };
}
