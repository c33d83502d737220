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

/**
 * Run as the owner of the database. With NAVET_DB_APP_ROLE set (PostgreSQL) the application's
 * role is then given exactly the rights it needs, tables of this version included.
 */
export async function migrateCommand(): Promise<void> {
  await withDatabase(async (db, config) => {
    printMigrations(await migrate(db, { appRole: config.dbAppRole }), describeDatabase(config));
    if (config.dbAppRole && db.kind === 'postgresql') {
      print(`Rollen ${config.dbAppRole} har fått appens rättigheter (granskningsloggen: bara läsa och lägga till).`);
    }
  });
}
