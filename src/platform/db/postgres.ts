import pg from 'pg';
import { forgetStale, statementName } from './prepared.js';
import { OID, keepDate, parseInt8, type Db, type Row, type Tx } from './types.js';

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID.int8 || oid === OID.numeric) return parseInt8;
    if (oid === OID.date) return keepDate;
    return pg.types.getTypeParser(oid, format) as (v: string) => unknown;
  },
};

/** Serialization failures and deadlocks are retried; everything else surfaces. */
const RETRYABLE = new Set(['40001', '40P01']);

/** SQLSTATEs and socket codes that mean "the server is away", not "the input is wrong". */
const UNAVAILABLE_CODES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down)
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300', // too_many_connections
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection error|not queryable|Client was closed|timeout exceeded when trying to connect|terminating connection|the database system is|ECONNREFUSED|ECONNRESET|read ETIMEDOUT|socket hang up/i;

/**
 * The database could not be reached. Carries SQLSTATE 08006 so the HTTP layer answers 503
 * (problemFromDatabaseError) instead of 500, whatever the driver's own error looked like.
 */
export class DatabaseUnavailableError extends Error {
  readonly code = '08006';
  constructor(override readonly cause: unknown) {
    super(`database unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'DatabaseUnavailableError';
  }
}

export function isConnectionError(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  const e = err as { code?: unknown; message?: unknown } | undefined;
  if (!e) return false;
  if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
  return typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message);
}

/**
 * Runs a statement, named when prepared.ts names it. A named statement the server will not run
 * from its kept plan any more is forgotten and run again unnamed; inside a transaction the error
 * aborted it, so it surfaces and the transaction is retried (RETRYABLE_ONCE_FORGOTTEN).
 */
async function run<T>(on: pg.Pool | pg.PoolClient, sql: string, params: readonly unknown[]): Promise<T[]> {
  const name = statementName(sql, params.length > 0);
  if (!name) return (await on.query(sql, params as unknown[])).rows as T[];
  try {
    return (await on.query({ name, text: sql, values: params as unknown[] })).rows as T[];
  } catch (err) {
    if (!forgetStale(sql, err)) throw err;
    if (!(on instanceof pg.Pool)) throw Object.assign(err as Error, { staleStatement: true });
    return (await on.query(sql, params as unknown[])).rows as T[];
  }
}

const classify = (err: unknown): unknown => (isConnectionError(err) ? new DatabaseUnavailableError(err) : err);

export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Db & { pool: pg.Pool }> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    types,
    // Fail fast while the server is away (the API answers 503) instead of queueing forever.
    connectionTimeoutMillis: 5000,
    keepAlive: true,
  });
  // An idle client losing its server (restart, failover) must not crash the process, nor may
  // a checked-out one: its error surfaces through the query that was running.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  const wrap = (client: pg.PoolClient): Tx => ({
    inTransaction: true,
    async query<T = Row>(sql: string, params: readonly unknown[] = []) {
      try {
        return await run<T>(client, sql, params);
      } catch (err) {
        throw classify(err);
      }
    },
    async exec(sql: string) {
      try {
        await client.query(sql);
      } catch (err) {
        throw classify(err);
      }
    },
  });
  const connect = async () => {
    try {
      return await pool.connect();
    } catch (err) {
      throw classify(err);
    }
  };
  return {
    kind: 'postgresql',
    pool,
    async query<T = Row>(sql: string, params: readonly unknown[] = []) {
      try {
        return await run<T>(pool, sql, params);
      } catch (err) {
        throw classify(err);
      }
    },
    async exec(sql: string) {
      try {
        await pool.query(sql);
      } catch (err) {
        throw classify(err);
      }
    },
    async transaction<T>(fn: (tx: Tx) => Promise<T>) {
      for (let attempt = 1; ; attempt++) {
        const client = await connect();
        let broken: Error | undefined;
        try {
          await client.query('BEGIN');
          const result = await fn(wrap(client));
          await client.query('COMMIT');
          return result;
        } catch (err) {
          // A lost connection: the client is destroyed, not returned to the pool. (A COMMIT
          // that failed this way may or may not have committed; the caller gets a 503 and
          // retries with its Idempotency-Key.)
          if (isConnectionError(err)) broken = err instanceof Error ? err : new Error(String(err));
          else await client.query('ROLLBACK').catch((e: unknown) => (broken = e instanceof Error ? e : new Error(String(e))));
          const code = (err as { code?: string }).code;
          const stale = (err as { staleStatement?: boolean }).staleStatement === true;
          if (!broken && ((code && RETRYABLE.has(code)) || stale) && attempt < 5) continue;
          throw classify(err);
        } finally {
          client.release(broken);
        }
      }
    },
    async ping() {
      try {
        await pool.query('SELECT 1');
      } catch (err) {
        throw classify(err);
      }
      return true;
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * Runs one statement on a connection of its own, outside any pool: CREATE/DROP DATABASE (which
 * cannot run in a transaction), or a change as another process would make it (tests, bench).
 */
export async function queryOnOwnConnection(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
