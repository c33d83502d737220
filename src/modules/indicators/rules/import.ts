/**
 * Validating indicator values read from a CSV or XLSX file, row by row. Pure: the caller reads
 * the file into header + rows and passes the geography. Every problem names the row (as a
 * spreadsheet shows it: the header is row 1) and the column.
 *
 * Files come as the sources export them: one value per row ("long": a period column and a value
 * column), or one column per period ("wide": every header that is a period of the indicator's
 * periodicity holds that period's value); an optional gender column (T/K/M, "Kvinnor", …) and
 * numerator and denominator columns.
 */
import { parsePeriod, periodicityOf, type Periodicity } from './periods.js';
import { parseGender, placeLookup, type Gender, type Geography, type Level, type RegionName } from './places.js';

export type { RegionName } from './places.js';

/**
 * An import's progress: rejected (nothing written), or queued → running → done | failed |
 * cancelled; a file sent as the body is `receiving` until it has all arrived. It is
 * the job's progress, written by the job without the caller's version, not a lifecycle a person
 * moves; these sets are what the use case and the worker ask of it.
 */
export type ImportState = 'receiving' | 'rejected' | 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
/** Still being written by the worker: the request answers 202 and the page keeps asking. */
export const IMPORT_PENDING: ReadonlySet<ImportState> = new Set(['queued', 'running']);
/** Nothing more to do for the worker. */
export const IMPORT_FINISHED: ReadonlySet<ImportState> = new Set(['done', 'rejected', 'cancelled']);

export type Cell = string | number | Date | boolean | null | undefined;

export interface ColumnMapping {
  /** Header names in the file for each field. */
  area: string;
  /** The period column (long layout); absent in the wide layout. */
  period?: string | undefined;
  /** The value column (long layout); absent in the wide layout. */
  value?: string | undefined;
  subArea?: string | undefined;
  gender?: string | undefined;
  numerator?: string | undefined;
  denominator?: string | undefined;
  /** long (default): a period and a value column; wide: one column per period. */
  layout?: 'long' | 'wide' | undefined;
}

export interface ValidRow {
  row: number;
  area: string;
  subArea: string;
  level: Level;
  gender: Gender;
  period: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
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

const display = (c: Cell) => (c instanceof Date ? c.toISOString().slice(0, 10) : c === null || c === undefined ? '' : String(c));

const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/**
 * A function remembered per distinct cell text: a file of a million rows names a few hundred
 * places, periods and genders, so each is looked up once. Bounded, so memory stays flat.
 */
function remembered<T>(f: (s: string) => T, max = 10_000): (s: string) => T {
  const known = new Map<string, T>();
  return (s) => {
    if (known.has(s)) return known.get(s)!;
    const v = f(s);
    if (known.size >= max) known.clear();
    known.set(s, v);
    return v;
  };
}

/** A number from a cell: 12.5, "12,5", "1 234,5", "12,5 %". Not "12,5,3", not "ca 12". */
export function parseNumber(c: Cell): number | undefined {
  if (typeof c === 'number') return Number.isFinite(c) ? c : undefined;
  if (typeof c !== 'string') return undefined;
  // The usual cell ("12,5", "12.5", "3"): one test, no copies.
  if (PLAIN_NUMBER.test(c)) return Number(c.replace(',', '.'));
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

/** One value to validate: the cells of its row, and which columns hold its period and value. */
interface Cellset {
  row: number;
  cells: Cell[];
  period: { column: string; raw: Cell };
  value: { column: string; raw: Cell };
}

const GENDER_NAMES = { T: 'totalt', K: 'kvinnor', M: 'män' } as const;

export function validateRows(
  header: readonly string[],
  rows: readonly Cell[][],
  mapping: ColumnMapping,
  periodicity: Periodicity,
  geography: readonly RegionName[] | Geography,
): Validation {
  const checker = rowChecker(header, mapping, periodicity, geography);
  if (checker.fileProblems.length) return { totalRows: rows.length, valid: [], problems: [], fileProblems: checker.fileProblems };
  const valid: ValidRow[] = [];
  const problems: RowProblem[] = [];
  rows.forEach((cells, k) => checker.check(cells, k + 2, valid, problems));
  return { totalRows: rows.length, valid, problems, fileProblems: [] };
}

/** What a mapping lacks in a file's header (a mapped column missing, no period columns). */
export function mappingProblems(header: readonly string[], mapping: ColumnMapping, periodicity: Periodicity): string[] {
  return rowChecker(header, mapping, periodicity, []).fileProblems;
}

/**
 * The row rules, one row at a time, for files read as a stream: `check` validates one row
 * (its number as a spreadsheet shows it) and appends to `valid` and `problems`. With
 * `duplicates: false` the caller finds duplicate keys itself (a streamed import does it in SQL,
 * so memory stays flat whatever the file's size).
 */
export function rowChecker(
  header: readonly string[],
  mapping: ColumnMapping,
  periodicity: Periodicity,
  geography: readonly RegionName[] | Geography,
  opts: { duplicates?: boolean } = {},
) {
  const geo: Geography = Array.isArray(geography) ? { regions: geography as readonly RegionName[] } : (geography as Geography);
  const idx = (name: string | undefined) =>
    name === undefined ? -1 : header.findIndex((h) => h.trim().toLowerCase() === name.trim().toLowerCase());
  const wide = mapping.layout === 'wide';
  const fileProblems: string[] = [];
  const required: [string, string | undefined][] = wide
    ? [['area', mapping.area]]
    : [
        ['area', mapping.area],
        ['period', mapping.period],
        ['value', mapping.value],
      ];
  for (const [, name] of required) {
    if (name === undefined) fileProblems.push('Ange både periodkolumn och värdekolumn, eller välj en period per kolumn.');
    else if (idx(name) < 0)
      fileProblems.push(`Kolumnen "${name}" finns inte i filen (rubriker: ${header.join(', ') || 'inga'}).`);
  }
  for (const name of [mapping.subArea, mapping.gender, mapping.numerator, mapping.denominator]) {
    if (name !== undefined && idx(name) < 0) fileProblems.push(`Kolumnen "${name}" finns inte i filen.`);
  }
  const periodColumns = wide
    ? header
        .map((h, i) => ({ h: h.trim(), i }))
        .filter(({ h }) => periodicityOf(h) === periodicity || (periodicity === 'year' && /^\d{4}$/.test(h)))
    : [];
  if (wide && !periodColumns.length)
    fileProblems.push(
      `Filen har inga periodkolumner (rubriker som ${{ month: '2025-01', quarter: '2025-Q1', 'half-year': '2025-H1', year: '2025' }[periodicity]}).`,
    );
  const cols = {
    area: idx(mapping.area),
    period: idx(mapping.period),
    value: idx(mapping.value),
    subArea: idx(mapping.subArea),
    gender: idx(mapping.gender),
    numerator: idx(mapping.numerator),
    denominator: idx(mapping.denominator),
  };
  const lookup = fileProblems.length ? () => undefined : remembered(placeLookup(geo));
  const period = remembered((s: string) => parsePeriod(s, periodicity));
  const periodOf = (raw: Cell) => (typeof raw === 'string' ? period(raw) : parsePeriod(raw, periodicity));
  const gender = remembered(parseGender);
  const seen = new Map<string, number>();
  const findDuplicates = opts.duplicates ?? true;

  const checkOne = (
    row: number,
    cells: Cell[],
    period: Cellset['period'],
    val: Cellset['value'],
    valid: ValidRow[],
    problems: RowProblem[],
  ) => {
    // In the wide layout an empty cell is a period without a value, not a problem.
    if (wide && display(val.raw).trim() === '') return;
    const before = problems.length;
    const problem = (column: string, raw: Cell | string, message: string) =>
      problems.push({ row, column, value: display(raw), message });
    const rawArea = cells[cols.area];
    const place = lookup(display(rawArea));
    if (!place) problem(mapping.area, rawArea, display(rawArea) ? `Okänd region "${display(rawArea)}".` : 'Region saknas.');
    const p = periodOf(period.raw);
    if ('error' in p) problem(period.column, period.raw, p.error);
    const value = parseNumber(val.raw ?? null);
    if (value === undefined)
      problem(val.column, val.raw, display(val.raw).trim() ? `"${display(val.raw)}" är inte ett tal.` : 'Värde saknas.');
    const sex = cols.gender >= 0 ? gender(display(cells[cols.gender])) : 'T';
    if (!sex) problem(mapping.gender!, cells[cols.gender], `"${display(cells[cols.gender])}" är inget kön (T, K eller M).`);
    const part = (col: number, name: string | undefined) => {
      if (col < 0 || display(cells[col]).trim() === '') return null;
      const n = parseNumber(cells[col]);
      if (n === undefined) problem(name!, cells[col], `"${display(cells[col])}" är inte ett tal.`);
      return n ?? null;
    };
    const numerator = part(cols.numerator, mapping.numerator);
    const denominator = part(cols.denominator, mapping.denominator);
    const subAreaCell = cols.subArea >= 0 ? display(cells[cols.subArea]).trim().slice(0, 100) : '';
    if (problems.length > before || !place || 'error' in p || value === undefined || !sex) return;
    const subArea = place.subArea || subAreaCell;
    const level: Level = place.level === 'region' && subArea ? 'unit' : place.level;
    if (findDuplicates) {
      const key = `${place.area}|${subArea}|${p.period}|${sex}`;
      const first = seen.get(key);
      if (first !== undefined) {
        problem(period.column, p.period, duplicateMessage(subArea !== '', cols.gender >= 0, sex, first));
        return;
      }
      seen.set(key, row);
    }
    valid.push({ row, area: place.area, subArea, level, gender: sex, period: p.period, value, numerator, denominator });
  };

  return {
    fileProblems: [...new Set(fileProblems)],
    /** Whether the file has a gender column (the duplicate message names it). */
    hasGender: cols.gender >= 0,
    check(cells: Cell[], row: number, valid: ValidRow[], problems: RowProblem[]): void {
      if (wide) {
        for (const { h, i } of periodColumns)
          checkOne(row, cells, { column: h, raw: h }, { column: h, raw: cells[i] }, valid, problems);
      } else {
        checkOne(
          row,
          cells,
          { column: mapping.period!, raw: cells[cols.period] },
          { column: mapping.value!, raw: cells[cols.value] },
          valid,
          problems,
        );
      }
    },
  };
}

/** "Dubblett: samma region, kön (kvinnor) och period som rad 2." */
export function duplicateMessage(hasSubArea: boolean, hasGender: boolean, gender: Gender, firstRow: number): string {
  const what = `samma region${hasSubArea ? ', enhet' : ''}${hasGender ? `, kön (${GENDER_NAMES[gender]})` : ''} och period`;
  return `Dubblett: ${what} som rad ${firstRow}.`;
}
