import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { acquireDataDirLock } from './lock.js';
import { OID, keepDate, parseInt8, type Db, type Row, type Tx } from './types.js';

const parsers = { [OID.int8]: parseInt8, [OID.numeric]: parseInt8, [OID.date]: keepDate };

function wrapTx(t: Transaction): Tx {
  return {
    inTransaction: true,
    async query<T = Row>(sql: string, params: readonly unknown[] = []) {
      return (await t.query<T>(sql, params as unknown[])).rows;
    },
    async exec(sql: string) {
      await t.exec(sql);
    },
  };
}

export interface PgliteOptions {
  /** A directory to persist in; undefined keeps the database in memory (tests). */
  dataDir?: string;
  /** A tarball from dumpDataDir() to start from (tests clone a migrated template). */
  loadDataDir?: Blob | File;
}

export async function openPglite(opts: PgliteOptions): Promise<Db & { dump(): Promise<Blob> }> {
  let release = () => {};
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    release = acquireDataDirLock(opts.dataDir);
  }
  let pg: PGlite;
  try {
    pg = await PGlite.create({
      ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
      parsers,
      // Trigram indexes for the knowledge supports' substring search (migration 0031).
      extensions: { pg_trgm },
    });
  } catch (err) {
    release();
    throw err;
  }
  let closed = false;
  return {
    kind: 'pglite',
    async query<T = Row>(sql: string, params: readonly unknown[] = []) {
      return (await pg.query<T>(sql, params as unknown[])).rows;
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
    transaction<T>(fn: (tx: Tx) => Promise<T>) {
      return pg.transaction((t) => fn(wrapTx(t)));
    },
    async ping() {
      if (closed) return false;
      await pg.query('SELECT 1');
      return true;
    },
    async dump() {
      return pg.dumpDataDir('none');
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await pg.close();
      } finally {
        release();
      }
    },
  };
}
