import type { DatabaseKind, Queryable } from './types.js';

/**
 * The backup file format and what writing and restoring share.
 * Backup and restore as gzip'd JSON lines, portable between PGlite and PostgreSQL:
 *
 *   {"format":"navet-backup","version":1,"createdAt":…,"migrations":[…],"database":"pglite"}
 *   {"table":"users","columns":["id","email",…],"sequences":{}}
 *   ["6f1c…","anna@example.se",…]            one line per row, in primary-key order
 *   …                                       every table of schema public, parents before children
 *   {"end":true,"rows":{"users":12,…}}
 *
 * A value is JSON null for SQL NULL, a JSON boolean/number for boolean and integer/numeric
 * columns, and otherwise the column's canonical PostgreSQL text form as a JSON string (under
 * fixed DateStyle/TimeZone/bytea_output), so uuid, timestamptz, date, bytea, arrays and jsonb
 * (whose JSON null stays distinct from SQL NULL) go back exactly as they were. Rows are never
 * parsed into JavaScript values on the way: the server renders and parses them.
 */

export const BACKUP_FORMAT = 'navet-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  migrations: string[];
  database: DatabaseKind;
}

export interface BackupSummary {
  createdAt: string;
  database: DatabaseKind;
  migrations: string[];
  rows: Record<string, number>;
}

/** An expected failure — a refused target, an unreadable file — with a message for people. */
export class BackupError extends Error {
  override name = 'BackupError';
}

export interface SequenceState {
  lastValue: string;
  isCalled: boolean;
}
export interface Column {
  name: string;
  type: string;
  typeOid: number;
  identity: boolean;
  sequence: string | null;
}
export interface Table {
  name: string;
  columns: Column[];
  primaryKey: string[];
}
export interface ForeignKey {
  name: string;
  table: string;
  references: string;
  definition: string;
}
export interface Schema {
  tables: Map<string, Table>;
  order: string[];
  /** Self-references and cycle breakers: dropped during a restore and added back after. */
  deferred: ForeignKey[];
}

export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const qualified = (table: string) => `public.${ident(table)}`;

/** bool, int8, int2, int4, numeric: their text form is already a JSON literal (or "NaN"). */
export const JSON_NATIVE = new Set([16, 20, 21, 23, 1700]);

/** Fixed output formats: a backup reads the same whatever the server's defaults are. */
export async function useCanonicalFormats(tx: Queryable): Promise<void> {
  await tx.exec(
    `SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres'; SET LOCAL TimeZone = 'UTC';
     SET LOCAL bytea_output = 'hex'; SET LOCAL extra_float_digits = 1`,
  );
}

/**
 * Tables in the order a restore inserts them: every table after the tables it references.
 * When only cycles remain, the table most other remaining tables wait for goes next (the one that
 * unblocks most; e.g. groups, which a § reference closes a cycle through) and its references to
 * tables not yet placed are deferred, like self-references. Ties go alphabetically, so the order
 * is stable.
 */
export function dependencyOrder(tables: string[], fks: ForeignKey[]): { order: string[]; deferred: ForeignKey[] } {
  const remaining = [...tables].sort();
  const done = new Set<string>();
  const deferred = fks.filter((fk) => fk.table === fk.references);
  const order: string[] = [];
  const pending = (t: string) => fks.filter((fk) => fk.table === t && fk.references !== t && !done.has(fk.references));
  while (remaining.length) {
    let i = remaining.findIndex((t) => pending(t).every((fk) => !remaining.includes(fk.references)));
    if (i < 0) {
      const waitingOn = (t: string) => remaining.filter((r) => pending(r).some((fk) => fk.references === t)).length;
      const counts = remaining.map(waitingOn);
      i = counts.indexOf(Math.max(...counts));
      deferred.push(...pending(remaining[i]!));
    }
    const [t] = remaining.splice(i, 1);
    done.add(t!);
    order.push(t!);
  }
  return { order, deferred };
}

/**
 * Tables a backup leaves out: the migrations (the target has its own) and the versions of the
 * cached reads (migration 0056), which the restore's own writes bump.
 */
export const NOT_BACKED_UP = ['schema_migrations', 'read_versions'];

export async function readSchema(db: Queryable): Promise<Schema> {
  const tableRows = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> ALL($1::text[])`,
    [NOT_BACKED_UP],
  );
  const tables = new Map<string, Table>(tableRows.map((r) => [r.name, { name: r.name, columns: [], primaryKey: [] }]));
  const columns = await db.query<{
    table_name: string;
    name: string;
    type: string;
    type_oid: number;
    identity: boolean;
    sequence: string | null;
  }>(
    `SELECT c.relname AS table_name, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
            a.atttypid::int4 AS type_oid, a.attidentity <> '' AS identity,
            pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) AS sequence
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE n.nspname = 'public' AND c.relkind = 'r'
     ORDER BY c.relname, a.attnum`,
  );
  for (const c of columns) {
    tables
      .get(c.table_name)
      ?.columns.push({ name: c.name, type: c.type, typeOid: c.type_oid, identity: c.identity, sequence: c.sequence });
  }
  const keys = await db.query<{ table_name: string; name: string }>(
    `SELECT c.relname AS table_name, a.attname AS name
     FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, pos)
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
     WHERE i.indisprimary AND n.nspname = 'public'
     ORDER BY c.relname, k.pos`,
  );
  for (const k of keys) tables.get(k.table_name)?.primaryKey.push(k.name);
  const fks = await db.query<ForeignKey>(
    `SELECT con.conname AS name, src.relname AS "table", dst.relname AS "references",
            pg_get_constraintdef(con.oid) AS definition
     FROM pg_constraint con
     JOIN pg_class src ON src.oid = con.conrelid JOIN pg_namespace sn ON sn.oid = src.relnamespace
     JOIN pg_class dst ON dst.oid = con.confrelid JOIN pg_namespace dn ON dn.oid = dst.relnamespace
     WHERE con.contype = 'f' AND sn.nspname = 'public' AND dn.nspname = 'public'
     ORDER BY src.relname, con.conname`,
  );
  const { order, deferred } = dependencyOrder(
    [...tables.keys()],
    fks.filter((fk) => tables.has(fk.table) && tables.has(fk.references)),
  );
  return { tables, order, deferred };
}

export async function appliedMigrations(db: Queryable): Promise<string[] | undefined> {
  const [{ present } = { present: false }] = await db.query<{ present: boolean }>(
    `SELECT to_regclass('public.schema_migrations') IS NOT NULL AS present`,
  );
  if (!present) return undefined;
  return (await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map((r) => r.name);
}

// Backup

export function rowExpression(columns: Column[]): string {
  if (columns.length === 0) return `'[]'::jsonb`;
  const values = columns.map((c) => (JSON_NATIVE.has(c.typeOid) ? ident(c.name) : `${ident(c.name)}::text`));
  const parts: string[] = [];
  // jsonb_build_array takes at most 100 arguments.
  for (let i = 0; i < values.length; i += 50) parts.push(`jsonb_build_array(${values.slice(i, i + 50).join(', ')})`);
  return parts.join(' || ');
}

/** Keyset pages in primary-key order (ctid order for a table without one). */
export function pageQuery(t: Table, batchRows: number) {
  const keys = t.primaryKey.length ? t.primaryKey.map(ident) : ['ctid'];
  const types = t.primaryKey.length ? t.primaryKey.map((k) => t.columns.find((c) => c.name === k)!.type) : ['tid'];
  const sql = (where: string) =>
    `SELECT (${rowExpression(t.columns)})::text AS r, ${keys.map((k, i) => `${k}::text AS k${i}`).join(', ')}
     FROM ${qualified(t.name)} ${where} ORDER BY ${keys.join(', ')} LIMIT ${batchRows}`;
  return {
    first: sql(''),
    next: sql(`WHERE (${keys.join(', ')}) > (${types.map((ty, i) => `$${i + 1}::text::${ty}`).join(', ')})`),
    keyOf: (row: Record<string, string>) => keys.map((_, i) => row[`k${i}`]!),
  };
}

export async function sequenceStates(db: Queryable, t: Table): Promise<Record<string, SequenceState>> {
  const out: Record<string, SequenceState> = {};
  for (const c of t.columns) {
    if (!c.sequence) continue;
    const [s] = await db.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text AS last_value, is_called FROM ${c.sequence}`,
    );
    if (s) out[c.name] = { lastValue: s.last_value, isCalled: s.is_called };
  }
  return out;
}
