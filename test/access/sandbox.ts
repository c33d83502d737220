import type { Db, Row, Tx } from '../../src/platform/db/index.js';

/**
 * A database whose changes can be thrown away: `run(fn)` opens one outer transaction, the
 * app's own transactions become savepoints inside it, and everything is rolled back when fn
 * ends. So every request of the own-scope matrix starts from the same fixture state.
 *
 * Needs a single connection: PGlite has one; on PostgreSQL open the pool with `max: 1`.
 * Requests inside run() must be awaited one at a time (they share the outer transaction).
 */
export interface SandboxDb extends Db {
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** Inside run(): fn's changes are undone when it ends, the rest of the run's are kept. */
  attempt<T>(fn: () => Promise<T>): Promise<T>;
}

export function sandboxDb(inner: Db): SandboxDb {
  let active = false;
  // The app's transactions become savepoints, one at a time (queries of one request may run
  // side by side, and savepoints must not interleave). Plain queries run as they are: one that
  // fails would abort the outer transaction, and every later query would then fail loudly.
  let queue: Promise<unknown> = Promise.resolve();
  const savepoint = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = async () => {
      await inner.exec('SAVEPOINT sandbox_tx');
      try {
        const out = await fn();
        await inner.exec('RELEASE SAVEPOINT sandbox_tx');
        return out;
      } catch (err) {
        await inner.exec('ROLLBACK TO SAVEPOINT sandbox_tx');
        await inner.exec('RELEASE SAVEPOINT sandbox_tx');
        throw err;
      }
    };
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };
  const tx: Tx = {
    inTransaction: true,
    query: <T = Row>(sql: string, params?: readonly unknown[]) => inner.query<T>(sql, params),
    exec: (sql: string) => inner.exec(sql),
  };
  return {
    kind: inner.kind,
    query: <T = Row>(sql: string, params?: readonly unknown[]) => inner.query<T>(sql, params),
    exec: (sql: string) => inner.exec(sql),
    transaction<T>(fn: (t: Tx) => Promise<T>) {
      return active ? savepoint(() => fn(tx)) : inner.transaction(fn);
    },
    ping: () => inner.ping(),
    close: () => inner.close(),
    async attempt<T>(fn: () => Promise<T>) {
      if (!active) throw new Error('attempt() belongs inside run()');
      await inner.exec('SAVEPOINT sandbox_attempt');
      try {
        return await fn();
      } finally {
        await inner.exec('ROLLBACK TO SAVEPOINT sandbox_attempt');
        await inner.exec('RELEASE SAVEPOINT sandbox_attempt');
      }
    },
    async run<T>(fn: () => Promise<T>) {
      if (active) throw new Error('sandbox runs do not nest');
      await inner.exec('BEGIN');
      active = true;
      try {
        return await fn();
      } finally {
        active = false;
        await inner.exec('ROLLBACK');
      }
    },
  };
}
