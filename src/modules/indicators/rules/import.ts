/**
 * Validating indicator values read from a CSV or XLSX file, row by row. Pure: the caller reads
 * the file into header + rows and passes the known regions. Every problem names the row (as a
 * spreadsheet shows it: the header is row 1) and the column.
 */
import { parsePeriod, type Periodicity } from './periods.js';

/**
 * An import's progress: rejected (nothing written), or queued → running → done | failed. It is
 * the job's progress, written by the job without the caller's version, not a lifecycle a person
 * moves; these sets are what the use case and the worker ask of it.
 */
export type ImportState = 'rejected' | 'queued' | 'running' | 'done' | 'failed';
/** Still being written by the worker: the request answers 202 and the page keeps asking. */
export const IMPORT_PENDING: ReadonlySet<ImportState> = new Set(['queued', 'running']);
/** Nothing more to do for the worker. */
export const IMPORT_FINISHED: ReadonlySet<ImportState> = new Set(['done', 'rejected']);

export type Cell = string | number | Date | boolean | null | undefined;

export interface ColumnMapping {
  /** Header names in the file for each field. */
  area: string;
  period: string;
  value: string;
  subArea?: string | undefined;
}

export interface RegionName {
  code: string;
  name: string;
  shortName: string;
}

export interface ValidRow {
  row: number;
  area: string;
  subArea: string;
  period: string;
  value: number;
}

export interface RowProblem {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface Validation {
  totalRows: number;
  valid: ValidRow[];
  problems: RowProblem[];
  /** Problems with the file as a whole (a mapped column missing), not tied to a row. */
  fileProblems: string[];
}

const NATION = new Set(['se', 'riket', 'sverige', 'nationellt', 'hela riket', '00']);

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s+(län|läns)$/, '');

/** A lookup from every way a file may name a region ("07", "7", "Region Kronoberg", "Kronoberg") to its code. */
export function regionLookup(regions: readonly RegionName[]): (raw: Cell) => string | undefined {
  const map = new Map<string, string>();
  for (const r of regions) {
    map.set(r.code, r.code);
    map.set(String(Number(r.code)), r.code);
    map.set(norm(r.name), r.code);
    map.set(norm(r.shortName), r.code);
    map.set(norm(`region ${r.shortName}`), r.code);
  }
  return (raw) => {
    if (raw === null || raw === undefined) return undefined;
    const s = norm(String(raw));
    if (NATION.has(s)) return 'SE';
    return map.get(s);
  };
}

const display = (c: Cell) => (c instanceof Date ? c.toISOString().slice(0, 10) : c === null || c === undefined ? '' : String(c));

/** A number from a cell: 12.5, "12,5", "1 234,5", "12,5 %". Not "12,5,3", not "ca 12". */
export function parseNumber(c: Cell): number | undefined {
  if (typeof c === 'number') return Number.isFinite(c) ? c : undefined;
  if (typeof c !== 'string') return undefined;
  const s = c
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .replace(/%$/, '')
    .replace(/^−/, '-');
  if (!/^-?(\d+([.,]\d+)?|\d{1,3}([.,]\d{3})*([.,]\d+)?)$/.test(s)) return undefined;
  if (/^-?\d+[.,]\d+$/.test(s)) return Number(s.replace(',', '.'));
  if (/^-?\d+$/.test(s)) return Number(s);
  return undefined;
}

export function validateRows(
  header: readonly string[],
  rows: readonly Cell[][],
  mapping: ColumnMapping,
  periodicity: Periodicity,
  regions: readonly RegionName[],
): Validation {
  const idx = (name: string | undefined) =>
    name === undefined ? -1 : header.findIndex((h) => h.trim().toLowerCase() === name.trim().toLowerCase());
  const cols = { area: idx(mapping.area), period: idx(mapping.period), value: idx(mapping.value), subArea: idx(mapping.subArea) };
  const fileProblems: string[] = [];
  for (const key of ['area', 'period', 'value'] as const) {
    if (cols[key] < 0)
      fileProblems.push(`Kolumnen "${mapping[key]}" finns inte i filen (rubriker: ${header.join(', ') || 'inga'}).`);
  }
  if (mapping.subArea !== undefined && cols.subArea < 0) fileProblems.push(`Kolumnen "${mapping.subArea}" finns inte i filen.`);
  if (fileProblems.length) return { totalRows: rows.length, valid: [], problems: [], fileProblems };

  const lookup = regionLookup(regions);
  const valid: ValidRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  rows.forEach((cells, k) => {
    const row = k + 2;
    const before = problems.length;
    const rawArea = cells[cols.area];
    const area = lookup(rawArea);
    if (!area) {
      problems.push({
        row,
        column: mapping.area,
        value: display(rawArea),
        message: display(rawArea) ? `Okänd region "${display(rawArea)}".` : 'Region saknas.',
      });
    }
    const rawPeriod = cells[cols.period];
    const p = parsePeriod(rawPeriod, periodicity);
    if ('error' in p) problems.push({ row, column: mapping.period, value: display(rawPeriod), message: p.error });
    const rawValue = cells[cols.value];
    const value = parseNumber(rawValue ?? null);
    if (value === undefined) {
      problems.push({
        row,
        column: mapping.value,
        value: display(rawValue),
        message: display(rawValue).trim() ? `"${display(rawValue)}" är inte ett tal.` : 'Värde saknas.',
      });
    }
    const subArea = cols.subArea >= 0 ? display(cells[cols.subArea]).trim().slice(0, 100) : '';
    if (problems.length > before || !area || 'error' in p || value === undefined) return;
    const key = `${area}|${subArea}|${p.period}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        row,
        column: mapping.period,
        value: p.period,
        message: `Dubblett: samma region${subArea ? ', enhet' : ''} och period som rad ${first}.`,
      });
      return;
    }
    seen.set(key, row);
    valid.push({ row, area, subArea, period: p.period, value });
  });
  return { totalRows: rows.length, valid, problems, fileProblems };
}
