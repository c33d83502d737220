import { createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Db } from './types.js';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  BackupHeader,
  BackupSummary,
  appliedMigrations,
  pageQuery,
  readSchema,
  sequenceStates,
  useCanonicalFormats,
} from './backup-format.js';

export { BackupError, BACKUP_FORMAT, BACKUP_VERSION, appliedMigrations, dependencyOrder } from './backup-format.js';
export type { BackupHeader, BackupSummary, ForeignKey } from './backup-format.js';
export { restoreBackup, restoreBackupFile, type RestoreSummary } from './restore.js';

/**
 * Writes a backup of the whole database to `out`, from one consistent snapshot (a read-only
 * repeatable-read transaction), reading each table in pages of `batchRows`. The format is in
 * backup-format.ts; restoring is in restore.ts.
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
