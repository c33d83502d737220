import pg from 'pg';
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

export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Db & { pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, types });
  // An idle client losing its server (restart, failover) must not crash the process.
  pool.on('error', () => {});
  const wrap = (client: pg.PoolClient): Tx => ({
    inTransaction: true,
    async query<T = Row>(sql: string, params: readonly unknown[] = []) {
      return (await client.query(sql, params as unknown[])).rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  });
  return {
    kind: 'postgresql',
    pool,
    async query<T = Row>(sql: string, params: readonly unknown[] = []) {
      return (await pool.query(sql, params as unknown[])).rows as T[];
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: Tx) => Promise<T>) {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await fn(wrap(client));
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => {});
          const code = (err as { code?: string }).code;
          if (code && RETRYABLE.has(code) && attempt < 5) continue;
          throw err;
        } finally {
          client.release();
        }
      }
    },
    async ping() {
      await pool.query('SELECT 1');
      return true;
    },
    async close() {
      await pool.end();
    },
  };
}
