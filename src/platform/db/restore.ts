import { createReadStream, existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import type { DatabaseKind, Db, Queryable } from './types.js';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  BackupHeader,
  Column,
  Schema,
  SequenceState,
  Table,
  appliedMigrations,
  ident,
  qualified,
  readSchema,
  useCanonicalFormats,
} from './backup-format.js';

// Restoring a backup into an empty database, in one transaction. The format is in backup-format.ts.

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
    // Deferred triggers (the read versions bumped at commit, migration 0060) run now: a table with
    // trigger events still pending cannot be altered.
    if (this.schema.deferred.length) await this.tx.exec('SET CONSTRAINTS ALL IMMEDIATE');
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
