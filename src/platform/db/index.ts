import { join } from 'node:path';
import type { Config } from '../config.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import type { Db } from './types.js';

export type { Db, Tx, Queryable, Row, DatabaseKind } from './types.js';

/** The embedded database lives in a subfolder so the data dir can also hold other files. */
export function pgliteDir(dataDir: string): string {
  return join(dataDir, 'pglite');
}

export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openPglite({ dataDir: pgliteDir(config.dataDir) });
}
