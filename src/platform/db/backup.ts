import { createReadStream, createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import type { DatabaseKind, Db, Queryable } from './types.js';

/**
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

interface SequenceState {
  lastValue: string;
  isCalled: boolean;
}
interface Column {
  name: string;
  type: string;
  typeOid: number;
  identity: boolean;
  sequence: string | null;
}
interface Table {
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
interface Schema {
  tables: Map<string, Table>;
  order: string[];
  /** Self-references and cycle breakers: dropped during a restore and added back after. */
  deferred: ForeignKey[];
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const qualified = (table: string) => `public.${ident(table)}`;

/** bool, int8, int2, int4, numeric: their text form is already a JSON literal (or "NaN"). */
const JSON_NATIVE = new Set([16, 20, 21, 23, 1700]);

/** Fixed output formats: a backup reads the same whatever the server's defaults are. */
async function useCanonicalFormats(tx: Queryable): Promise<void> {
  await tx.exec(
    `SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres'; SET LOCAL TimeZone = 'UTC';
     SET LOCAL bytea_output = 'hex'; SET LOCAL extra_float_digits = 1`,
  );
}

/**
 * Tables in the order a restore inserts them: every table after the tables it references.
 * When only cycles remain, the alphabetically first remaining table goes next and its
 * references to tables not yet placed are deferred, like self-references. Ties go
 * alphabetically, so the order is stable.
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
      i = 0;
      deferred.push(...pending(remaining[0]!));
    }
    const [t] = remaining.splice(i, 1);
    done.add(t!);
    order.push(t!);
  }
  return { order, deferred };
}

async function readSchema(db: Queryable): Promise<Schema> {
  const tableRows = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'schema_migrations'`,
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

function rowExpression(columns: Column[]): string {
  if (columns.length === 0) return `'[]'::jsonb`;
  const values = columns.map((c) => (JSON_NATIVE.has(c.typeOid) ? ident(c.name) : `${ident(c.name)}::text`));
  const parts: string[] = [];
  // jsonb_build_array takes at most 100 arguments.
  for (let i = 0; i < values.length; i += 50) parts.push(`jsonb_build_array(${values.slice(i, i + 50).join(', ')})`);
  return parts.join(' || ');
}

/** Keyset pages in primary-key order (ctid order for a table without one). */
function pageQuery(t: Table, batchRows: number) {
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

async function sequenceStates(db: Queryable, t: Table): Promise<Record<string, SequenceState>> {
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

/**
 * Writes a backup of the whole database to `out`, from one consistent snapshot (a read-only
 * repeatable-read transaction), reading each table in pages of `batchRows`.
 */
export async function writeBackup(db: Db, out: Writable, opts: { batchRows?: number } = {}): Promise<BackupSummary> {
  const batchRows = opts.batchRows ?? 1000;
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    await useCanonicalFormats(tx);
    const migrations = await appliedMigrations(tx);
    if (!migrations) throw new BackupError('Databasen är inte migrerad och har inget att säkerhetskopiera.');
    const schema = await readSchema(tx);
    const [{ now } = { now: new Date() }] = await tx.query<{ now: Date }>('SELECT now() AS now');
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: now.toISOString(),
      migrations,
      database: db.kind,
    };
    const rows: Record<string, number> = {};
    async function* lines(): AsyncGenerator<string> {
      yield `${JSON.stringify(header)}\n`;
      for (const name of schema.order) {
        const t = schema.tables.get(name)!;
        const sequences = await sequenceStates(tx, t);
        yield `${JSON.stringify({ table: name, columns: t.columns.map((c) => c.name), sequences })}\n`;
        const q = pageQuery(t, batchRows);
        let n = 0;
        let after: string[] | undefined;
        for (;;) {
          const page = await tx.query<Record<string, string>>(after ? q.next : q.first, after ?? []);
          n += page.length;
          if (page.length) yield page.map((p) => `${p.r}\n`).join('');
          if (page.length < batchRows) break;
          after = q.keyOf(page[page.length - 1]!);
        }
        rows[name] = n;
      }
      yield `${JSON.stringify({ end: true, rows })}\n`;
    }
    await pipeline(Readable.from(lines()), createGzip(), out);
    return { createdAt: header.createdAt, database: db.kind, migrations, rows };
  });
}

/** Writes to a temporary file beside `file` and renames it: a failed backup leaves no file. */
export async function writeBackupFile(db: Db, file: string, opts: { batchRows?: number } = {}): Promise<BackupSummary> {
  if (existsSync(file)) throw new BackupError(`Filen ${file} finns redan. Välj ett annat namn.`);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    // A backup holds password and token hashes: readable by the owner only.
    const summary = await writeBackup(db, createWriteStream(tmp, { flags: 'wx', mode: 0o600 }), opts);
    renameSync(tmp, file);
    return summary;
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

// Restore

async function* splitLines(source: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of source) {
    const parts = (rest + decoder.write(chunk)).split('\n');
    rest = parts.pop()!;
    yield* parts;
  }
  rest += decoder.end();
  if (rest) yield rest;
}

function parseLine(line: string, lineNo: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupError(`Säkerhetskopian är skadad: rad ${lineNo} är inte giltig JSON.`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkHeader(v: unknown): BackupHeader {
  if (!isObject(v) || v.format !== BACKUP_FORMAT) throw new BackupError('Filen är inte en säkerhetskopia från Navet.');
  if (v.version !== BACKUP_VERSION) {
    throw new BackupError(
      `Säkerhetskopian har formatversion ${String(v.version)}; den här versionen av Navet läser version ${BACKUP_VERSION}.`,
    );
  }
  if (!Array.isArray(v.migrations) || !v.migrations.every((m) => typeof m === 'string')) {
    throw new BackupError('Säkerhetskopians huvud saknar listan över migreringar.');
  }
  return v as unknown as BackupHeader;
}

const listNames = (names: string[]) => (names.length ? names.join(', ') : 'inga');

async function checkTarget(tx: Queryable, header: BackupHeader, schema: Schema, force: boolean): Promise<void> {
  const migrations = await appliedMigrations(tx);
  if (!migrations) throw new BackupError('Måldatabasen är inte migrerad. Kör `navet migrate` först.');
  const missing = header.migrations.filter((m) => !migrations.includes(m));
  const extra = migrations.filter((m) => !header.migrations.includes(m));
  if (missing.length || extra.length) {
    throw new BackupError(
      `Måldatabasens migreringar skiljer sig från säkerhetskopians (saknas i måldatabasen: ${listNames(missing)}; ` +
        `finns bara i måldatabasen: ${listNames(extra)}). Återställ med samma version av Navet som gjorde säkerhetskopian.`,
    );
  }
  const count = async (table: string) =>
    schema.tables.has(table) ? ((await tx.query<{ n: number }>(`SELECT count(*) AS n FROM ${qualified(table)}`))[0]?.n ?? 0) : 0;
  const audit = await count('audit_events');
  if (audit > 0) {
    throw new BackupError(
      `Måldatabasen har redan en granskningslogg (${audit} händelser). Granskningsloggen kan aldrig tömmas, inte heller med --force, ` +
        'så en säkerhetskopia återställs i en ny databas: skapa en tom databas (eller välj en ny NAVET_DATA_DIR), ' +
        'och kör `navet restore` där.',
    );
  }
  const users = await count('users');
  if (users > 0 && !force) {
    throw new BackupError(
      `Måldatabasen innehåller redan ${users} användare. Återställ i en ny databas, eller använd --force för att tömma tabellerna först.`,
    );
  }
}

/** Resumes a sequence where the source left it, and never below the restored rows. */
async function restoreSequence(tx: Queryable, t: Table, c: Column, saved: SequenceState | undefined): Promise<void> {
  const [{ max } = { max: null }] = await tx.query<{ max: string | null }>(
    `SELECT max(${ident(c.name)})::text AS max FROM ${qualified(t.name)}`,
  );
  const setval = (value: string, isCalled: boolean) =>
    tx.query('SELECT setval($1::text::regclass, $2::text::int8, $3::boolean)', [c.sequence, value, isCalled]);
  const sourceNext = saved ? BigInt(saved.lastValue) + (saved.isCalled ? 1n : 0n) : undefined;
  if (saved && sourceNext !== undefined && (max === null || sourceNext > BigInt(max))) {
    await setval(saved.lastValue, saved.isCalled);
  } else if (max !== null) {
    await setval(max, true);
  }
}

interface Loading {
  table: Table;
  columns: Column[];
  sequences: Record<string, SequenceState>;
  insert: string;
  batch: string[];
  bytes: number;
  rows: number;
  /** File lines of the pending batch, for messages. */
  batchLines: [number, number];
}

const BATCH_ROWS = 500;
const BATCH_BYTES = 4 * 1024 * 1024;

/** Reads a backup line by line into the transaction's database; any problem throws a BackupError. */
class Restorer {
  header: BackupHeader | undefined;
  private loading: Loading | undefined;
  private readonly seen = new Set<string>();
  private readonly loaded: Loading[] = [];
  readonly rows: Record<string, number> = {};
  ended = false;

  constructor(
    private readonly tx: Queryable,
    private readonly schema: Schema,
    private readonly force: boolean,
  ) {}

  async line(text: string, lineNo: number): Promise<void> {
    if (this.ended) throw new BackupError(`Säkerhetskopian är skadad: rad ${lineNo} kommer efter slutraden.`);
    if (!this.header) {
      this.header = checkHeader(parseLine(text, lineNo));
      await checkTarget(this.tx, this.header, this.schema, this.force);
      await this.emptyTarget();
      return;
    }
    if (text.startsWith('[')) return this.row(text, lineNo);
    const v = parseLine(text, lineNo);
    if (isObject(v) && typeof v.table === 'string') return this.startTable(v, lineNo);
    if (isObject(v) && v.end === true) return this.end(v);
    throw new BackupError(`Säkerhetskopian är skadad: rad ${lineNo} är varken en tabell, en rad eller slutraden.`);
  }

  /** Lock everything, set the cyclic references aside, and remove what a start may have loaded. */
  private async emptyTarget(): Promise<void> {
    const names = this.schema.order.map(qualified);
    if (names.length) await this.tx.exec(`LOCK TABLE ${names.join(', ')} IN ACCESS EXCLUSIVE MODE`);
    for (const fk of this.schema.deferred) {
      await this.tx.exec(`ALTER TABLE ${qualified(fk.table)} DROP CONSTRAINT ${ident(fk.name)}`);
    }
    for (const name of [...this.schema.order].reverse()) await this.tx.exec(`DELETE FROM ${qualified(name)}`);
  }

  private async startTable(v: Record<string, unknown>, lineNo: number): Promise<void> {
    await this.finishTable();
    const name = v.table as string;
    const table = this.schema.tables.get(name);
    if (!table) throw new BackupError(`Säkerhetskopian har tabellen ${name}, som inte finns i måldatabasen.`);
    if (this.seen.has(name)) throw new BackupError(`Säkerhetskopian är skadad: tabellen ${name} förekommer två gånger.`);
    const names = Array.isArray(v.columns) ? v.columns.map(String) : [];
    const columns = names.map((n) => table.columns.find((c) => c.name === n));
    const targetNames = table.columns.map((c) => c.name);
    if (columns.some((c) => !c) || names.length !== targetNames.length || new Set(names).size !== names.length) {
      throw new BackupError(
        `Tabellen ${name} har andra kolumner i säkerhetskopian (${names.join(', ')}) än i måldatabasen (${targetNames.join(', ')}).`,
      );
    }
    const cols = columns as Column[];
    const into = cols.length ? ` (${cols.map((c) => ident(c.name)).join(', ')})` : '';
    this.seen.add(name);
    this.loading = {
      table,
      columns: cols,
      sequences: isObject(v.sequences) ? (v.sequences as Record<string, SequenceState>) : {},
      insert:
        `INSERT INTO ${qualified(name)}${into}${cols.some((c) => c.identity) ? ' OVERRIDING SYSTEM VALUE' : ''} ` +
        `SELECT ${cols.map((c, i) => `(e->>${i})::${c.type}`).join(', ')} FROM jsonb_array_elements($1::text::jsonb) AS r(e)`,
      batch: [],
      bytes: 0,
      rows: 0,
      batchLines: [lineNo + 1, lineNo],
    };
  }

  private async row(text: string, lineNo: number): Promise<void> {
    const l = this.loading;
    if (!l) throw new BackupError(`Säkerhetskopian är skadad: rad ${lineNo} är en rad utan tabell.`);
    const v = parseLine(text, lineNo);
    if (
      !Array.isArray(v) ||
      v.length !== l.columns.length ||
      !v.every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x))
    ) {
      throw new BackupError(`Säkerhetskopian är skadad: rad ${lineNo} passar inte tabellen ${l.table.name}.`);
    }
    l.batch.push(text);
    l.bytes += text.length;
    l.batchLines[1] = lineNo;
    if (l.batch.length >= BATCH_ROWS || l.bytes >= BATCH_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    const l = this.loading;
    if (!l || l.batch.length === 0) return;
    try {
      await this.tx.query(l.insert, [`[${l.batch.join(',')}]`]);
    } catch (err) {
      const [from, to] = l.batchLines;
      throw new BackupError(`Raderna ${from}–${to} kunde inte läsas in i tabellen ${l.table.name}: ${(err as Error).message}`);
    }
    l.rows += l.batch.length;
    l.batchLines = [l.batchLines[1] + 1, l.batchLines[1]];
    l.batch = [];
    l.bytes = 0;
  }

  private async finishTable(): Promise<void> {
    const l = this.loading;
    if (!l) return;
    await this.flush();
    this.loaded.push(l);
    this.rows[l.table.name] = l.rows;
    this.loading = undefined;
  }

  private async end(v: Record<string, unknown>): Promise<void> {
    await this.finishTable();
    const missing = this.schema.order.filter((t) => !this.seen.has(t));
    if (missing.length) throw new BackupError(`Säkerhetskopian saknar tabellerna ${missing.join(', ')}.`);
    const expected = isObject(v.rows) ? v.rows : {};
    for (const table of new Set([...Object.keys(expected), ...Object.keys(this.rows)])) {
      const n = this.rows[table];
      if (expected[table] !== n) {
        throw new BackupError(
          `Säkerhetskopian är skadad: tabellen ${table} har ${n ?? 0} rader men slutraden anger ${String(expected[table])}.`,
        );
      }
    }
    this.ended = true;
  }

  /** After the whole file has been read: the set-aside references back, then the sequences. */
  async finish(): Promise<void> {
    for (const fk of this.schema.deferred) {
      try {
        await this.tx.exec(`ALTER TABLE ${qualified(fk.table)} ADD CONSTRAINT ${ident(fk.name)} ${fk.definition}`);
      } catch (err) {
        throw new BackupError(`Tabellen ${fk.table} pekar på rader som saknas (${fk.name}): ${(err as Error).message}`);
      }
    }
    // Last, once nothing can fail any more: setval() is not undone by a rollback.
    for (const l of this.loaded) {
      for (const c of l.columns) if (c.sequence) await restoreSequence(this.tx, l.table, c, l.sequences[c.name]);
    }
  }
}

export interface RestoreSummary {
  createdAt: string;
  database: DatabaseKind;
  rows: Record<string, number>;
}

/**
 * Restores a backup in one transaction: a failure leaves the target as it was. The target must
 * have exactly the backup's migrations and hold no users and no audit trail; `force` lets it
 * hold users (its tables are emptied first) but never an audit trail, which cannot be deleted.
 */
export async function restoreBackup(db: Db, open: () => Readable, opts: { force?: boolean } = {}): Promise<RestoreSummary> {
  return db.transaction(async (tx) => {
    await useCanonicalFormats(tx);
    const restorer = new Restorer(tx, await readSchema(tx), opts.force ?? false);
    // The pipeline reports the abort of its streams rather than why the consumer stopped.
    let stopped: unknown;
    try {
      await pipeline(open(), createGunzip(), async (source: AsyncIterable<Buffer>) => {
        let lineNo = 0;
        try {
          for await (const line of splitLines(source)) await restorer.line(line, ++lineNo);
        } catch (err) {
          stopped = err;
          throw err;
        }
      });
    } catch (caught) {
      const err = stopped ?? caught;
      if (err instanceof BackupError) throw err;
      const code = (err as { code?: string }).code ?? '';
      if (code.startsWith('Z_') || code === 'ERR_STRING_TOO_LONG') {
        throw new BackupError(`Säkerhetskopian kunde inte läsas (skadad eller inte gzip-komprimerad): ${(err as Error).message}`);
      }
      throw err;
    }
    if (!restorer.header) throw new BackupError('Säkerhetskopian är tom.');
    if (!restorer.ended) throw new BackupError('Säkerhetskopian är ofullständig: slutraden saknas.');
    await restorer.finish();
    return { createdAt: restorer.header.createdAt, database: restorer.header.database, rows: restorer.rows };
  });
}

export async function restoreBackupFile(db: Db, file: string, opts: { force?: boolean } = {}): Promise<RestoreSummary> {
  if (!existsSync(file)) throw new BackupError(`Filen ${file} finns inte.`);
  return restoreBackup(db, () => createReadStream(file), opts);
}
