/**
 * The job worker's reading of an uploaded indicator file (upload-import.ts stored it in chunks).
 *
 * 1. Reading: the chunks are read from the database one at a time and parsed as a stream
 *    (csv-stream.ts); each row is checked by the same row rules as a small file
 *    (rules/import.ts); valid rows wait in `followup_import_rows` (unlogged, no foreign key:
 *    migration 0059), problems go to `followup_import_problems`, `BATCH_ROWS` at a time, with
 *    progress (rows read, bytes read, problems so far); one batch is written while the next is
 *    read, so parsing and the database each keep a core busy (issue 20). Duplicates (the same
 *    place, gender and period twice) are found in SQL, so memory stays flat whatever the size of
 *    the file.
 * 2. Deciding: a dry run stops here; "all-or-nothing" with any problem is rejected (nothing
 *    written); a file without valid rows is rejected.
 * 3. Writing: each period is replaced from the waiting rows in one transaction, as a small file's
 *    are (the file's places for that period, all genders).
 *
 * A cancel is seen between batches: while reading, nothing has been written; while writing, each
 * period already written stays whole and the rest keep their earlier values. Restartable: a
 * second attempt starts from the stored file again.
 */
import type { Db } from '../../platform/db/index.js';
import { csvBatches } from '../../platform/files/csv-stream.js';
import { extendLease } from '../../platform/jobs/queue.js';
import { jobLeaseSeconds } from '../../platform/jobs/worker.js';
import { valueAreaDenial } from './policy.js';
import * as repo from './repository.js';
import { ownerGeographyOf, ownerHoldsArea } from './rules/owners.js';
import {
  duplicateMessage,
  IMPORT_FINISHED,
  rowChecker,
  type ImportState,
  type RowProblem,
  type ValidRow,
} from './rules/import.js';

/** Rows per batch: one staging INSERT, one problems INSERT and one progress UPDATE each. */
export const BATCH_ROWS = 5000;
/** Problems kept on the import itself for the page; all of them are in the report. */
const SHOWN_PROBLEMS = 500;

async function* storedChunks(db: Db, importId: string): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const c = await repo.chunk(db, importId, seq);
    if (!c) return;
    yield c;
  }
}

export async function runFileImport(db: Db, importId: string, job?: { id: number }): Promise<void> {
  const imp = await repo.getFileImport(db, importId);
  if (!imp || IMPORT_FINISHED.has(imp.status as ImportState) || imp.status === 'receiving') return;
  if (imp.cancelRequested) return repo.finishFileImport(db, importId, { status: 'cancelled' });
  const indicator = await repo.getIndicator(db, imp.indicatorId);
  if (!indicator) return repo.finishFileImport(db, importId, { status: 'failed', error: 'Indikatorn finns inte längre.' });
  const keepClaim = async () => {
    if (job) await extendLease(db, job.id, jobLeaseSeconds());
  };

  // A second attempt starts over from the stored file.
  await db.query(`DELETE FROM followup_import_rows WHERE import_id = $1`, [importId]);
  await db.query(`DELETE FROM followup_import_problems WHERE import_id = $1`, [importId]);

  const [regions, municipalities, healthcareRegions] = await Promise.all([
    repo.regionsWithHealthcareRegions(db),
    repo.municipalities(db),
    repo.healthcareRegions(db),
  ]);
  const geography = {
    regions: regions.map((r) => ({ code: r.code, name: r.name, shortName: r.shortName })),
    municipalities: municipalities.map((m) => ({ code: m.code, name: m.name, regionCode: m.regionCode })),
    healthcareRegions,
  };
  // The areas settled at upload (policy.ts: the owner's and the sender's); the owner is asked again
  // here, so an indicator's owner is kept whatever was stored.
  const owners = ownerGeographyOf(regions, municipalities, healthcareRegions);
  const stored = new Set(imp.allowedAreas ?? []);
  const allowedCache = new Map<string, boolean>();
  const allowed = (area: string) => {
    let ok = allowedCache.get(area);
    if (ok === undefined) allowedCache.set(area, (ok = stored.has(area) && ownerHoldsArea(indicator.owner, area, owners)));
    return ok;
  };
  const mapping = imp.mapping!;

  // One batch's writes (its staged rows, problems and progress) run while the next batch is
  // read and checked: the database and the parsing each have a core (issue 20). Resolves to
  // whether a cancel has been asked.
  let staging: Promise<boolean> | undefined;
  const stage = (kept: ValidRow[], problems: RowProblem[], progress: Parameters<typeof repo.setReadProgress>[2]) => {
    const p = (async () => {
      await repo.insertStagedRows(db, importId, kept);
      await repo.insertProblems(db, importId, problems);
      await repo.setReadProgress(db, importId, progress);
      await keepClaim();
      return repo.cancelRequested(db, importId);
    })();
    // Awaited below; until then a failure must not count as unhandled.
    p.catch(() => undefined);
    return p;
  };
  const staged = async () => {
    const cancelled = staging ? await staging : false;
    staging = undefined;
    return cancelled;
  };

  try {
    let checker: ReturnType<typeof rowChecker> | undefined;
    let rowsRead = 0;
    let validRows = 0;
    let problemCount = 0;
    for await (const { records, bytesRead } of csvBatches(storedChunks(db, importId), {
      encoding: imp.encoding ?? 'utf-8',
      delimiter: imp.delimiter ?? ';',
      batchRows: BATCH_ROWS,
    })) {
      const valid: ValidRow[] = [];
      const problems: RowProblem[] = [];
      for (const cells of records) {
        if (!checker) {
          checker = rowChecker(
            cells.map((h) => String(h).trim()),
            mapping,
            indicator.periodicity,
            geography,
            { duplicates: false },
          );
          if (checker.fileProblems.length)
            return await repo.finishFileImport(db, importId, { status: 'rejected', error: checker.fileProblems.join(' ') });
          continue;
        }
        rowsRead++;
        checker.check(cells, rowsRead + 1, valid, problems);
      }
      // A valid row in a region the sender may not write is a problem of its own.
      let kept = valid;
      if (!valid.every((r) => allowed(r.area))) {
        kept = [];
        for (const r of valid)
          if (allowed(r.area)) kept.push(r);
          else
            problems.push({
              row: r.row,
              column: mapping.area,
              value: r.area,
              message: valueAreaDenial(r.area, indicator.owner, owners),
            });
      }
      validRows += kept.length;
      problemCount += problems.length;
      if (await staged()) return await repo.finishFileImport(db, importId, { status: 'cancelled' });
      staging = stage(kept, problems, { rowsRead, bytesRead, validRows, problemCount });
    }
    if (await staged()) return await repo.finishFileImport(db, importId, { status: 'cancelled' });
    if (!checker) return await repo.finishFileImport(db, importId, { status: 'rejected', error: 'Filen saknar rubrikrad.' });

    // Duplicates: the same place, gender and period as an earlier row (most files have none: asked first).
    let duplicates = 0;
    const anyDuplicates = await repo.hasStagedDuplicates(db, importId);
    for (let after = 0; anyDuplicates;) {
      const page = await repo.stagedDuplicates(db, importId, after, 10_000);
      if (!page.length) break;
      await repo.insertProblems(
        db,
        importId,
        page.map((d) => ({
          row: d.rowNumber,
          column: mapping.period ?? d.period,
          value: d.period,
          message: duplicateMessage(d.subArea !== '', checker.hasGender, d.gender, d.firstRow),
        })),
      );
      duplicates += page.length;
      after = page[page.length - 1]!.rowNumber;
    }
    if (duplicates) await repo.deleteStagedDuplicates(db, importId);
    validRows -= duplicates;
    problemCount += duplicates;
    const firstProblems = await repo.firstProblems(db, importId, SHOWN_PROBLEMS);
    await repo.setReadProgress(db, importId, { rowsRead, bytesRead: imp.sizeBytes ?? 0, validRows, problemCount, firstProblems });

    const periods = await repo.stagedPeriods(db, importId);
    await repo.setWriteProgress(db, importId, { processed: 0, periods: periods.map((p) => p.period) });
    if (imp.dryRun) return await repo.finishFileImport(db, importId, { status: 'done' });
    if (problemCount && imp.mode === 'all-or-nothing')
      return await repo.finishFileImport(db, importId, {
        status: 'rejected',
        error: `Inget lästes in: ${problemCount} ${problemCount === 1 ? 'rad har' : 'rader har'} fel. Rätta filen, eller välj att bara läsa in de giltiga raderna.`,
      });
    if (!validRows)
      return await repo.finishFileImport(db, importId, {
        status: 'rejected',
        error: 'Filen har inga giltiga rader att läsa in.',
      });

    let processed = 0;
    for (const { period, rows } of periods) {
      if (await repo.cancelRequested(db, importId)) return await repo.finishFileImport(db, importId, { status: 'cancelled' });
      await db.transaction(async (tx) => {
        await repo.replacePeriodFromStaging(tx, importId, imp.indicatorId, period, imp.fileName);
        processed += rows;
        await repo.setWriteProgress(tx, importId, { processed });
      });
      await keepClaim();
    }
    await repo.finishFileImport(db, importId, { status: 'done' });
  } catch (err) {
    // The stored file stays for the next attempt; what was staged goes (after the batch in flight).
    await staging?.catch(() => undefined);
    await db.query(`DELETE FROM followup_import_rows WHERE import_id = $1`, [importId]);
    await repo.setImportProgress(db, importId, { status: 'failed', error: err instanceof Error ? err.message : String(err) });
    throw err;
  }
}
