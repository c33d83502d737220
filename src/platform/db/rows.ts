import type { Queryable, Row } from './types.js';

/**
 * Rows in API shape. PostgreSQL names columns in snake_case, the API in camelCase: a repository
 * reads through `selectRows`/`selectRow` (or maps with `camelRows`) and returns records typed by
 * the response schema (`Static<typeof XSchema>`, a Pick or an intersection of it). Presenters then
 * only mask, compute and attach permissions. Where the SQL name and the API name differ, a column
 * alias names it (`region_code AS region`); the alias is written in snake_case or quoted camelCase.
 *
 * The engines' differences (counts and bigints as numbers, `date` as 'YYYY-MM-DD') are settled
 * once by the drivers' type parsers (types.ts); here only the top-level keys are renamed and
 * timestamps (Date) are written as the API writes them, ISO 8601 strings. Nested values (jsonb)
 * are left as they are stored.
 *
 * Writes name their columns the same way: `insertColumns` and `setColumns` take the use case's
 * camelCase record, so a field added to the body schema reaches its column without SQL edits.
 */

const camelCache = new Map<string, string>();
const snakeCache = new Map<string, string>();

/** `case_number` → `caseNumber`; a name without underscores is kept (`decisionRef` stays). */
export function camelKey(key: string): string {
  let k = camelCache.get(key);
  if (k === undefined) {
    k = key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    camelCache.set(key, k);
  }
  return k;
}

/** `caseNumber` → `case_number`. Only plain identifiers: anything else is a programming error. */
export function snakeKey(key: string): string {
  let k = snakeCache.get(key);
  if (k === undefined) {
    if (!/^[a-z][a-zA-Z0-9]*$/.test(key)) throw new Error(`Not a column name: ${JSON.stringify(key)}`);
    k = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    snakeCache.set(key, k);
  }
  return k;
}

/** One row with camelCase keys and ISO timestamps. */
export function camelRow<T>(row: Row): T {
  const out: Row = {};
  for (const key of Object.keys(row)) {
    const v = row[key];
    out[camelKey(key)] = v instanceof Date ? v.toISOString() : v;
  }
  return out as T;
}

export function camelRows<T>(rows: readonly Row[]): T[] {
  return rows.map((r) => camelRow<T>(r));
}

/** A query whose rows come back in API shape. */
export async function selectRows<T>(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  return camelRows<T>(await db.query<Row>(sql, params));
}

/** The first row in API shape, or undefined. */
export async function selectRow<T>(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
  const [row] = await db.query<Row>(sql, params);
  return row ? camelRow<T>(row) : undefined;
}

/** Fields whose value is undefined are left out (absent means "not given"). */
function given(fields: Record<string, unknown>): [string, unknown][] {
  return Object.entries(fields).filter(([, v]) => v !== undefined);
}

/**
 * The column list and placeholders of an INSERT from camelCase fields; the values are appended to
 * `params`. `INSERT INTO t ${c.columns} VALUES ${c.values}`.
 */
export function insertColumns(fields: Record<string, unknown>, params: unknown[]): { columns: string; values: string } {
  const names: string[] = [];
  const places: string[] = [];
  for (const [k, v] of given(fields)) {
    params.push(v);
    names.push(snakeKey(k));
    places.push(`$${params.length}`);
  }
  return { columns: `(${names.join(', ')})`, values: `(${places.join(', ')})` };
}

/** `a = $n, b_c = $n+1` for an UPDATE's SET from camelCase fields; the values are appended to `params`. */
export function setColumns(fields: Record<string, unknown>, params: unknown[]): string {
  return given(fields)
    .map(([k, v]) => {
      params.push(v);
      return `${snakeKey(k)} = $${params.length}`;
    })
    .join(', ');
}

/** The named fields of a record (what an audit trail keeps of a row that carries more). */
export function pickFields<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = row[k];
  return out;
}
