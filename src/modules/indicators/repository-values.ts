/** SQL for an indicator's values (with their dimensions and provenance) and its imports. */
import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { insertColumns, selectRow, selectRows } from '../../platform/db/rows.js';
import type { Gender, Level } from './rules/places.js';
import type { ImportStatus } from './schemas.js';

/** An import as the API shows it (`report AS problems`, timestamps as ISO strings). */
export type ImportRecord = Static<typeof ImportStatus>;

/** One value of a series: where and when. */
export interface SeriesValue {
  area: string;
  subArea: string;
  period: string;
  value: number;
}

export function seriesValues(
  db: Queryable,
  indicatorId: string,
  areas: string[],
  subArea: string,
  from?: string,
  to?: string,
  gender: Gender = 'T',
) {
  return selectRows<SeriesValue>(
    db,
    `SELECT area, sub_area, period, value FROM followup_indicator_values
     WHERE indicator_id = $1 AND area = ANY($2::text[]) AND sub_area = $3 AND ($4::text IS NULL OR period >= $4) AND ($5::text IS NULL OR period <= $5)
       AND gender = $6
     ORDER BY area, period`,
    [indicatorId, areas, subArea, from ?? null, to ?? null, gender],
  );
}

/** The values of units (by HSA-id, at any region) of one gender: `area` is the unit's region. */
export function unitValues(
  db: Queryable,
  indicatorId: string,
  hsaIds: string[],
  from?: string,
  to?: string,
  gender: Gender = 'T',
) {
  return selectRows<SeriesValue>(
    db,
    `SELECT area, sub_area, period, value FROM followup_indicator_values
     WHERE indicator_id = $1 AND level = 'unit' AND sub_area = ANY($2::text[])
       AND ($3::text IS NULL OR period >= $3) AND ($4::text IS NULL OR period <= $4) AND gender = $5
     ORDER BY sub_area, period`,
    [indicatorId, hsaIds, from ?? null, to ?? null, gender],
  );
}

/** A unit with values for an indicator: its HSA-id, its name (the source's, else the HSA-id) and its region. */
export interface UnitRecord {
  hsaId: string;
  name: string;
  region: string;
  regionName: string;
}

/** The units (level unit, sub_area an HSA-id) with values for the indicator, in a region or named, in Swedish order. */
export const unitsOf = (db: Queryable, indicatorId: string, filter: { region?: string; hsaIds?: string[] } = {}) =>
  selectRows<UnitRecord>(
    db,
    `SELECT DISTINCT v.sub_area AS hsa_id, COALESCE(u.name, v.sub_area) AS name, v.area AS region, r.name AS region_name,
       sv_key(COALESCE(u.name, v.sub_area)) COLLATE "C" AS sort_key
     FROM followup_indicator_values v
     JOIN regions r ON r.code = v.area
     LEFT JOIN followup_units u ON u.hsa_id = v.sub_area
     WHERE v.indicator_id = $1 AND v.level = 'unit' AND v.sub_area ~ '^SE[0-9]{10}-[A-Za-z0-9]{1,18}$'
       AND ($2::text IS NULL OR v.area = $2) AND ($3::text[] IS NULL OR v.sub_area = ANY($3::text[]))
     ORDER BY sort_key, hsa_id`,
    [indicatorId, filter.region ?? null, filter.hsaIds ?? null],
  );

/** The names the source gives its units, kept by HSA-id (the latest name wins). */
export async function upsertUnits(db: Queryable, units: { hsaId: string; name: string; region: string | null }[]): Promise<void> {
  if (!units.length) return;
  await db.query(
    `INSERT INTO followup_units (hsa_id, name, region_code)
     SELECT h, n, r FROM unnest($1::text[], $2::text[], $3::text[]) AS t(h, n, r)
     ON CONFLICT (hsa_id) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code, updated_at = now()
       WHERE followup_units.name IS DISTINCT FROM EXCLUDED.name OR followup_units.region_code IS DISTINCT FROM EXCLUDED.region_code`,
    [units.map((u) => u.hsaId), units.map((u) => u.name), units.map((u) => u.region)],
  );
}

/** One value as written: where, for whom, when, and where it came from. */
export interface ValueWrite {
  area: string;
  subArea: string;
  level: Level;
  gender: Gender;
  value: number;
  numerator?: number | null;
  denominator?: number | null;
}

/** Where a batch of values came from: the source, its id there (KPI id or file name), when it was read. */
export interface Provenance {
  source: 'file' | 'kolada' | 'quality-indicators';
  sourceRef: string | null;
  /** When Navet read it; null: now (the transaction's time). */
  fetchedAt: Date | null;
}

/** A stored value with its dimensions and provenance; `fetchedAt` as an ISO string. */
export interface ValueProvenance {
  area: string;
  subArea: string;
  level: Level;
  gender: Gender;
  period: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: Provenance['source'];
  sourceRef: string | null;
  fetchedAt: string;
}

/** Every value of an indicator with its dimensions and provenance (open data, tests). */
export const valuesWithProvenance = (db: Queryable, indicatorId: string) =>
  selectRows<ValueProvenance>(
    db,
    `SELECT area, sub_area, level, gender, period, value, numerator, denominator, source, source_ref, fetched_at
     FROM followup_indicator_values WHERE indicator_id = $1 ORDER BY area, sub_area, period, gender`,
    [indicatorId],
  );

export async function periodsWithValues(db: Queryable, indicatorId: string): Promise<string[]> {
  const rows = await db.query<{ period: string }>(
    `SELECT DISTINCT period FROM followup_indicator_values WHERE indicator_id = $1 ORDER BY period`,
    [indicatorId],
  );
  return rows.map((r) => r.period);
}

/** Replaces one period of an indicator for the given areas: the rows are deleted and written in the caller's transaction. */
export async function replacePeriod(
  tx: Queryable,
  indicatorId: string,
  period: string,
  rows: (Omit<ValueWrite, 'level' | 'gender'> & Partial<Pick<ValueWrite, 'level' | 'gender'>>)[],
  importId: string,
  provenance: Provenance = { source: 'file', sourceRef: null, fetchedAt: null },
): Promise<void> {
  // The places in the batch (region, or a municipality or unit under it) are replaced, all genders.
  const places = [...new Map(rows.map((r) => [`${r.area}|${r.subArea}`, r])).values()];
  await tx.query(
    `DELETE FROM followup_indicator_values WHERE indicator_id = $1 AND period = $2
       AND (area, sub_area) IN (SELECT a, s FROM unnest($3::text[], $4::text[]) AS p(a, s))`,
    [indicatorId, period, places.map((r) => r.area), places.map((r) => r.subArea)],
  );
  if (!rows.length) return;
  const levelOf = (r: (typeof rows)[number]) =>
    r.level ?? (r.area === 'SE' ? 'country' : /^[0-9]{4}$/.test(r.subArea) ? 'municipality' : r.subArea ? 'unit' : 'region');
  await tx.query(
    `INSERT INTO followup_indicator_values
       (indicator_id, area, sub_area, period, value, import_id, level, gender, numerator, denominator, source, source_ref, fetched_at)
     SELECT $1, a, s, $2, v, $3, l, g, n, d, $10, $11, COALESCE($12::timestamptz, now())
     FROM unnest($4::text[], $5::text[], $6::float8[], $7::text[], $8::text[], $9::float8[], $13::float8[]) AS t(a, s, v, l, g, n, d)`,
    [
      indicatorId,
      period,
      importId,
      rows.map((r) => r.area),
      rows.map((r) => r.subArea),
      rows.map((r) => r.value),
      rows.map(levelOf),
      rows.map((r) => r.gender ?? 'T'),
      rows.map((r) => r.numerator ?? null),
      provenance.source,
      provenance.sourceRef,
      provenance.fetchedAt,
      rows.map((r) => r.denominator ?? null),
    ],
  );
}

const IMPORT_COLS = `id, indicator_id, file_name, status, mode, total_rows, valid_rows, processed_rows, imported_rows, periods,
  report AS problems, error, created_at, finished_at, phase, dry_run, size_bytes, bytes_read, problem_count,
  cancel_requested_at IS NOT NULL AS cancel_requested`;

export async function insertImport(
  db: Queryable,
  i: {
    indicatorId: string;
    fileName: string;
    status: ImportRecord['status'];
    mode: ImportRecord['mode'];
    totalRows: number;
    validRows: number;
    periods: string[];
    report: ImportRecord['problems'];
    rows: unknown;
    createdBy: string | null;
  },
): Promise<ImportRecord> {
  const params: unknown[] = [];
  const c = insertColumns(
    {
      indicatorId: i.indicatorId,
      fileName: i.fileName,
      status: i.status,
      mode: i.mode,
      totalRows: i.totalRows,
      validRows: i.validRows,
      periods: i.periods,
      report: JSON.stringify(i.report),
      problemCount: i.report.length,
      rows: i.rows === null ? null : JSON.stringify(i.rows),
      createdBy: i.createdBy,
    },
    params,
  );
  return (await selectRow<ImportRecord>(
    db,
    `INSERT INTO followup_imports ${c.columns} VALUES ${c.values} RETURNING ${IMPORT_COLS}`,
    params,
  ))!;
}

export const getImport = (db: Queryable, id: string) =>
  selectRow<ImportRecord>(db, `SELECT ${IMPORT_COLS} FROM followup_imports WHERE id = $1`, [id]);

export const importRows = async (db: Queryable, id: string) =>
  (
    await db.query<{ rows: (ValueWrite & { period: string })[] | null }>(`SELECT rows FROM followup_imports WHERE id = $1`, [id])
  )[0]?.rows ?? null;

export async function setImportProgress(
  db: Queryable,
  id: string,
  p: { status: ImportRecord['status']; processed?: number; imported?: number; error?: string | null },
) {
  await db.query(
    `UPDATE followup_imports SET status = $2, processed_rows = COALESCE($3, processed_rows), imported_rows = COALESCE($4, imported_rows),
       error = COALESCE($5, error), finished_at = CASE WHEN $2 IN ('done', 'failed', 'cancelled', 'rejected') THEN now() ELSE finished_at END,
       rows = CASE WHEN $2 = 'done' THEN NULL ELSE rows END
     WHERE id = $1`,
    [id, p.status, p.processed ?? null, p.imported ?? null, p.error ?? null],
  );
}

/** A fetched import's size and what was left out, once the source has answered. */
export async function setImportTotals(
  db: Queryable,
  id: string,
  t: { totalRows: number; validRows: number; report: ImportRecord['problems'] },
): Promise<void> {
  await db.query(`UPDATE followup_imports SET total_rows = $2, valid_rows = $3, report = $4 WHERE id = $1`, [
    id,
    t.totalRows,
    t.validRows,
    JSON.stringify(t.report),
  ]);
}

export * from './repository-file-imports.js';
