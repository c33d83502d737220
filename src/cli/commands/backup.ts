import {
  appliedMigrations,
  restoreBackup,
  restoreBackupFile,
  writeBackup,
  writeBackupFile,
  type BackupSummary,
  type RestoreSummary,
} from '../../platform/db/backup.js';
import { migrate } from '../../platform/db/migrate.js';
import { describeDatabase, withDatabase } from '../database.js';
import { note } from '../output.js';
import { printMigrations } from './migrate.js';

const total = (rows: Record<string, number>) => Object.values(rows).reduce((a, b) => a + b, 0);
const counts = (s: BackupSummary | RestoreSummary) => `${Object.keys(s.rows).length} tabeller, ${total(s.rows)} rader`;

/** navet-backup-20250131-142500.jsonl.gz, in UTC. */
export const defaultBackupFile = (now = new Date()) =>
  `navet-backup-${now.toISOString().slice(0, 19).replaceAll('-', '').replace('T', '-').replaceAll(':', '')}.jsonl.gz`;

export async function backupCommand(o: { out?: string }): Promise<void> {
  const file = o.out ?? defaultBackupFile();
  await withDatabase(async (db, config) => {
    const s = file === '-' ? await writeBackup(db, process.stdout) : await writeBackupFile(db, file);
    note(`Säkerhetskopian av ${describeDatabase(config)} är skriven till ${file === '-' ? 'standard ut' : file}: ${counts(s)}.`);
  });
}

/** A database with no migrations at all is migrated first; any other must already match the backup. */
export async function restoreCommand(file: string, o: { force?: boolean }): Promise<void> {
  await withDatabase(async (db, config) => {
    const where = describeDatabase(config);
    if (!(await appliedMigrations(db))) printMigrations(await migrate(db), where);
    const s = file === '-' ? await restoreBackup(db, () => process.stdin, o) : await restoreBackupFile(db, file, o);
    note(`Säkerhetskopian från ${s.createdAt} (${s.database}) är återställd i ${where}: ${counts(s)}.`);
  });
}
