/**
 * SQL for an import of a file sent as the request body: its chunks (the file, in the database),
 * the valid rows waiting for their period, the problems found, progress and cancel.
 */
import type { Queryable } from '../../platform/db/index.js';
import { selectRow, selectRows } from '../../platform/db/rows.js';
import type { ColumnMapping, RowProblem, ValidRow } from './rules/import.js';

/** What the worker needs of a streamed import besides its status. */
export interface FileImportRecord {
  id: string;
  indicatorId: string;
  fileName: string;
  status: string;
  mode: 'all-or-nothing' | 'valid-only';
  dryRun: boolean;
  mapping: ColumnMapping | null;
  encoding: 'utf-8' | 'windows-1252' | null;
  delimiter: string | null;
  allowedAreas: string[] | null;
  sizeBytes: number | null;
  createdBy: string | null;
  cancelRequested: boolean;
}

export async function insertReceivingImport(
  db: Queryable,
  i: {
    indicatorId: string;
    fileName: string;
    mode: 'all-or-nothing' | 'valid-only';
    dryRun: boolean;
    mapping: ColumnMapping;
    allowedAreas: string[];
    createdBy: string | null;
  },
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO followup_imports (indicator_id, file_name, status, mode, dry_run, mapping, allowed_areas, created_by, size_bytes)
     VALUES ($1, $2, 'receiving', $3, $4, $5, $6::text[], $7, 0) RETURNING id`,
    [i.indicatorId, i.fileName, i.mode, i.dryRun, JSON.stringify(i.mapping), i.allowedAreas, i.createdBy],
  );
  return rows[0]!.id;
}

export async function insertChunk(db: Queryable, importId: string, seq: number, content: Buffer): Promise<void> {
  await db.query(`INSERT INTO followup_import_chunks (import_id, seq, content) VALUES ($1, $2, $3)`, [importId, seq, content]);
}

/**
 * One stored chunk of the file. Read as base64: PGlite's own bytea decoding is a loop in
 * JavaScript, an order of magnitude slower for a mebibyte than the database's encode() and
 * Node's base64 decoder (issue 20's reading phase).
 */
export async function chunk(db: Queryable, importId: string, seq: number): Promise<Uint8Array | undefined> {
  const c = (
    await db.query<{ content: string }>(
      `SELECT encode(content, 'base64') AS content FROM followup_import_chunks WHERE import_id = $1 AND seq = $2`,
      [importId, seq],
    )
  )[0]?.content;
  return c === undefined ? undefined : Buffer.from(c, 'base64');
}

/** The whole file has arrived: how to read it, and off to the worker. */
export async function markReceived(
  db: Queryable,
  id: string,
  f: { sizeBytes: number; encoding: 'utf-8' | 'windows-1252'; delimiter: string },
): Promise<void> {
  await db.query(`UPDATE followup_imports SET status = 'queued', size_bytes = $2, encoding = $3, delimiter = $4 WHERE id = $1`, [
    id,
    f.sizeBytes,
    f.encoding,
    f.delimiter,
  ]);
}

/** An upload that did not arrive whole leaves nothing (its chunks go with it). */
export async function deleteImport(db: Queryable, id: string): Promise<void> {
  await db.query(`DELETE FROM followup_imports WHERE id = $1`, [id]);
}

/**
 * Uploads left `receiving` by a process that died mid-upload, older than an hour; files of
 * long-failed imports; staged rows whose import is gone (they have no foreign key: 0059).
 */
export async function deleteAbandonedUploads(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM followup_imports WHERE status = 'receiving' AND created_at < now() - interval '1 hour'`);
  await db.query(
    `DELETE FROM followup_import_rows r WHERE NOT EXISTS (SELECT 1 FROM followup_imports i WHERE i.id = r.import_id)`,
  );
  // A file whose import failed on its last attempt is kept a day for a retry by hand, then goes.
  await db.query(
    `DELETE FROM followup_import_chunks WHERE import_id IN
       (SELECT id FROM followup_imports WHERE status = 'failed' AND finished_at < now() - interval '1 day')`,
  );
}

export const getFileImport = (db: Queryable, id: string) =>
  selectRow<FileImportRecord>(
    db,
    `SELECT id, indicator_id, file_name, status, mode, dry_run, mapping, encoding, delimiter, allowed_areas, size_bytes, created_by,
       cancel_requested_at IS NOT NULL AS cancel_requested
     FROM followup_imports WHERE id = $1`,
    [id],
  );

/** Locks the import's row for a cancel. */
export const lockImport = (db: Queryable, id: string) =>
  selectRow<{
    id: string;
    status: string;
    createdBy: string | null;
    cancelRequested: boolean;
    fileName: string;
    indicatorId: string;
  }>(
    db,
    `SELECT id, status, created_by, cancel_requested_at IS NOT NULL AS cancel_requested, file_name, indicator_id
     FROM followup_imports WHERE id = $1 FOR UPDATE`,
    [id],
  );

export async function requestCancel(db: Queryable, id: string, by: string | null, immediately: boolean): Promise<void> {
  await db.query(
    `UPDATE followup_imports SET cancel_requested_at = now(), cancelled_by = $2,
       status = CASE WHEN $3::boolean THEN 'cancelled' ELSE status END,
       phase = CASE WHEN $3::boolean THEN NULL ELSE phase END,
       finished_at = CASE WHEN $3::boolean THEN now() ELSE finished_at END
     WHERE id = $1`,
    [id, by, immediately],
  );
}

export async function cancelRequested(db: Queryable, id: string): Promise<boolean> {
  const r = await db.query<{ c: boolean }>(`SELECT cancel_requested_at IS NOT NULL AS c FROM followup_imports WHERE id = $1`, [
    id,
  ]);
  return r[0]?.c ?? true;
}

/** Progress while reading: rows read so far, how far in the file, problems so far. */
export async function setReadProgress(
  db: Queryable,
  id: string,
  p: { rowsRead: number; bytesRead: number; validRows: number; problemCount: number; firstProblems?: RowProblem[] },
): Promise<void> {
  await db.query(
    `UPDATE followup_imports SET status = 'running', phase = 'reading', total_rows = $2, processed_rows = $2, bytes_read = $3,
       valid_rows = $4, problem_count = $5, report = COALESCE($6::jsonb, report)
     WHERE id = $1`,
    [id, p.rowsRead, p.bytesRead, p.validRows, p.problemCount, p.firstProblems ? JSON.stringify(p.firstProblems) : null],
  );
}

export async function insertStagedRows(db: Queryable, importId: string, rows: readonly ValidRow[]): Promise<void> {
  if (!rows.length) return;
  await db.query(
    `INSERT INTO followup_import_rows (import_id, row_number, area, sub_area, level, gender, period, value, numerator, denominator)
     SELECT $1, r, a, s, l, g, p, v, n, d
     FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::float8[], $10::float8[])
       AS t(r, a, s, l, g, p, v, n, d)`,
    [
      importId,
      rows.map((r) => r.row),
      rows.map((r) => r.area),
      rows.map((r) => r.subArea),
      rows.map((r) => r.level),
      rows.map((r) => r.gender),
      rows.map((r) => r.period),
      rows.map((r) => r.value),
      rows.map((r) => r.numerator),
      rows.map((r) => r.denominator),
    ],
  );
}

export async function insertProblems(db: Queryable, importId: string, problems: readonly RowProblem[]): Promise<void> {
  if (!problems.length) return;
  await db.query(
    `INSERT INTO followup_import_problems (import_id, row_number, column_name, value, message)
     SELECT $1, r, c, v, m FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) AS t(r, c, v, m)`,
    [
      importId,
      problems.map((p) => p.row),
      problems.map((p) => p.column),
      problems.map((p) => p.value),
      problems.map((p) => p.message),
    ],
  );
}

const DUPLICATES = `SELECT row_number, first_row, area, sub_area, period, gender FROM (
    SELECT row_number, area, sub_area, period, gender,
           min(row_number) OVER (PARTITION BY area, sub_area, period, gender) AS first_row
    FROM followup_import_rows WHERE import_id = $1) d
  WHERE row_number > first_row`;

/** Whether any staged row repeats another's place, gender and period (a hash aggregate: cheaper than the window below). */
export async function hasStagedDuplicates(db: Queryable, importId: string): Promise<boolean> {
  const r = await db.query(
    `SELECT 1 FROM followup_import_rows WHERE import_id = $1 GROUP BY area, sub_area, period, gender HAVING count(*) > 1 LIMIT 1`,
    [importId],
  );
  return r.length > 0;
}

/**
 * The staged rows that repeat an earlier row's place, gender and period, each with the first
 * row it repeats, in row order after `after`. Found in SQL so the worker holds no key per row.
 */
export async function stagedDuplicates(db: Queryable, importId: string, after: number, limit: number) {
  return selectRows<{ rowNumber: number; firstRow: number; period: string; subArea: string; gender: 'T' | 'K' | 'M' }>(
    db,
    `${DUPLICATES} AND row_number > $2 ORDER BY row_number LIMIT $3`,
    [importId, after, limit],
  );
}

/** Removes the repeats found by stagedDuplicates (the first of each stays). */
export async function deleteStagedDuplicates(db: Queryable, importId: string): Promise<void> {
  await db.query(
    `DELETE FROM followup_import_rows WHERE import_id = $1
       AND (row_number, area, sub_area, period, gender) IN (SELECT row_number, area, sub_area, period, gender FROM (${DUPLICATES}) x)`,
    [importId],
  );
}

/** The first problems in row order (what the import shows on the page). */
export const firstProblems = (db: Queryable, importId: string, limit: number) =>
  selectRows<RowProblem>(
    db,
    `SELECT row_number AS "row", column_name AS "column", value, message FROM followup_import_problems
     WHERE import_id = $1 ORDER BY row_number, id LIMIT $2`,
    [importId, limit],
  );

/** The staged rows' periods with their counts, and their areas. */
export async function stagedPeriods(db: Queryable, importId: string) {
  return selectRows<{ period: string; rows: number }>(
    db,
    `SELECT period, count(*)::int AS rows FROM followup_import_rows WHERE import_id = $1 GROUP BY period ORDER BY period`,
    [importId],
  );
}

export async function stagedAreas(db: Queryable, importId: string): Promise<string[]> {
  return (
    await db.query<{ area: string }>(`SELECT DISTINCT area FROM followup_import_rows WHERE import_id = $1 ORDER BY area`, [
      importId,
    ])
  ).map((r) => r.area);
}

/**
 * Replaces one period from the staged rows, in the caller's transaction: the places in the file
 * for that period (all genders) are deleted and the file's rows written.
 */
export async function replacePeriodFromStaging(
  tx: Queryable,
  importId: string,
  indicatorId: string,
  period: string,
  sourceRef: string,
): Promise<void> {
  await tx.query(
    `DELETE FROM followup_indicator_values v WHERE v.indicator_id = $1 AND v.period = $2
       AND (v.area, v.sub_area) IN (SELECT DISTINCT area, sub_area FROM followup_import_rows WHERE import_id = $3 AND period = $2)`,
    [indicatorId, period, importId],
  );
  await tx.query(
    `INSERT INTO followup_indicator_values
       (indicator_id, area, sub_area, period, value, import_id, level, gender, numerator, denominator, source, source_ref, fetched_at)
     SELECT $1, area, sub_area, period, value, $3, level, gender, numerator, denominator, 'file', $4, now()
     FROM followup_import_rows WHERE import_id = $3 AND period = $2`,
    [indicatorId, period, importId, sourceRef],
  );
}

export async function setWriteProgress(db: Queryable, id: string, p: { processed: number; periods?: string[] }): Promise<void> {
  await db.query(
    `UPDATE followup_imports SET status = 'running', phase = 'writing', processed_rows = $2, imported_rows = $2,
       periods = COALESCE($3::text[], periods) WHERE id = $1`,
    [id, p.processed, p.periods ?? null],
  );
}

/** The import has ended (done, rejected, failed or cancelled): the file and the staged rows go; the problems stay for the report. */
export async function finishFileImport(
  db: Queryable,
  id: string,
  f: { status: 'done' | 'rejected' | 'failed' | 'cancelled'; error?: string | null },
): Promise<void> {
  await db.query(
    `UPDATE followup_imports SET status = $2, phase = NULL, error = COALESCE($3, error), finished_at = now(), rows = NULL WHERE id = $1`,
    [id, f.status, f.error ?? null],
  );
  await db.query(`DELETE FROM followup_import_rows WHERE import_id = $1`, [id]);
  await db.query(`DELETE FROM followup_import_chunks WHERE import_id = $1`, [id]);
}

/** The report's problems, in row order, a page at a time (keyset on row and insertion order). */
export async function problemsPage(db: Queryable, importId: string, after: { row: number; id: number } | null, limit: number) {
  return selectRows<{ id: number; rowNumber: number; columnName: string; value: string; message: string }>(
    db,
    `SELECT id, row_number, column_name, value, message FROM followup_import_problems
     WHERE import_id = $1 AND ($2::int IS NULL OR (row_number, id) > ($2::int, $3::bigint))
     ORDER BY row_number, id LIMIT $4`,
    [importId, after?.row ?? null, after?.id ?? 0, limit],
  );
}

/** Every area a value may have: the country, each region, each healthcare region. */
export async function allAreas(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ a: string }>(
    `SELECT 'SE' AS a UNION ALL SELECT code FROM regions UNION ALL SELECT id FROM healthcare_regions ORDER BY 1`,
  );
  return rows.map((r) => r.a);
}

export async function deleteChunks(db: Queryable, importId: string): Promise<void> {
  await db.query(`DELETE FROM followup_import_chunks WHERE import_id = $1`, [importId]);
}
