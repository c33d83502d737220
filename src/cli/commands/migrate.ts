import { listMigrations, migrate } from '../../platform/db/migrate.js';
import { describeDatabase, withDatabase } from '../database.js';
import { print } from '../output.js';

export function printMigrations(applied: string[], where: string): void {
  if (applied.length === 0) {
    print(`${where}: alla ${listMigrations().length} migreringar är redan körda.`);
    return;
  }
  print(`${where}: körde ${applied.length} migreringar:`);
  for (const name of applied) print(`  ${name}`);
}

export async function migrateCommand(): Promise<void> {
  await withDatabase(async (db, config) => printMigrations(await migrate(db), describeDatabase(config)));
}
