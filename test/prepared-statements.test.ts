import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../src/platform/db/postgres.js';
import type { Db } from '../src/platform/db/index.js';
import { createEmptyTestDatabaseUrl, dropTestDatabases, queryOnOwnConnection, usingPostgres } from './helpers/db.js';

/**
 * Statements are kept planned per connection on the PostgreSQL server (src/platform/db/prepared.ts).
 * During a rolling deploy a newer version's migration can change a table while older processes
 * run: a kept `SELECT *` then no longer matches its plan's result type, and the server refuses
 * it. The statement is run unnamed from then on, outside a transaction and (retried) inside one.
 */
describe.skipIf(!usingPostgres)('statements kept planned on the PostgreSQL server', () => {
  let url: string;
  let db: Db;
  const alter = (sql: string) => queryOnOwnConnection(url, sql);

  beforeAll(async () => {
    url = await createEmptyTestDatabaseUrl();
    // One connection: every run of a statement is on the connection that keeps its plan.
    db = await openPostgres(url, { max: 1 });
    await db.exec(`CREATE TABLE deploys (id int PRIMARY KEY, region text NOT NULL); INSERT INTO deploys VALUES (1, '14')`);
  });
  afterAll(async () => {
    await db?.close();
    await dropTestDatabases();
  });

  it('keeps answering a SELECT * after another process added a column to its table', async () => {
    const sql = 'SELECT * FROM deploys WHERE id = $1';
    for (let i = 0; i < 6; i++) expect(await db.query(sql, [1])).toEqual([{ id: 1, region: '14' }]);
    await alter(`ALTER TABLE deploys ADD COLUMN name text NOT NULL DEFAULT 'Västra Götaland'`);
    expect(await db.query(sql, [1])).toEqual([{ id: 1, region: '14', name: 'Västra Götaland' }]);
    expect(await db.query(sql, [1])).toEqual([{ id: 1, region: '14', name: 'Västra Götaland' }]);
  });

  it('retries a transaction whose kept statement went stale, and commits it once', async () => {
    const sql = 'SELECT * FROM deploys WHERE id = $1 AND region IS NOT NULL';
    const write = (tx: Db | Parameters<Parameters<Db['transaction']>[0]>[0], n: number) =>
      tx.query('INSERT INTO deploys (id, region) VALUES ($1, $2)', [n, '01']);
    await db.transaction(async (tx) => {
      await tx.query(sql, [1]);
      await write(tx, 2);
    });
    await alter(`ALTER TABLE deploys ADD COLUMN short_name text`);
    let attempts = 0;
    const rows = await db.transaction(async (tx) => {
      attempts++;
      const r = await tx.query(sql, [1]);
      await write(tx, 3);
      return r;
    });
    expect(attempts).toBe(2);
    expect(rows).toEqual([expect.objectContaining({ id: 1, short_name: null })]);
    expect(await db.query('SELECT id FROM deploys ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });
});
