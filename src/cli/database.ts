import { loadConfig, type Config } from '../platform/config.js';
import { openDatabase, pgliteDir, type Db } from '../platform/db/index.js';
import { CliError } from './errors.js';

export function cliConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (err) {
    throw new CliError(`felaktig konfiguration: ${(err as Error).message}`);
  }
}

/** Where the data lives, for messages; never shows a password. */
export function describeDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string {
  if (!config.databaseUrl) return `inbäddad databas i ${pgliteDir(config.dataDir)}`;
  try {
    const u = new URL(config.databaseUrl);
    return `PostgreSQL ${u.host}${u.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

/** Opens the database from the configuration and always closes it: PGlite holds a lock until then. */
export async function withDatabase<T>(fn: (db: Db, config: Config) => Promise<T>): Promise<T> {
  const config = cliConfig();
  const db = await openDatabase(config);
  try {
    return await fn(db, config);
  } finally {
    await db.close();
  }
}
