import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { systemCtx } from '../../src/platform/context.js';
import type { Db } from '../../src/platform/db/index.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { openPglite } from '../../src/platform/db/pglite.js';
import { openPostgres } from '../../src/platform/db/postgres.js';
export { queryOnOwnConnection } from '../../src/platform/db/postgres.js';
import { loadReference } from '../../src/modules/reference/load-reference.js';
import { loadStructures } from '../../src/modules/organisation/load-structures.js';
import { loadReferenceGoals } from '../../src/modules/indicators/load-reference-goals.js';
import { loadReferenceObligations } from '../../src/modules/planning/load-obligations.js';

/**
 * A fresh, migrated database with the national reference data, per test file.
 * The template is made once for the whole run by the suite's global setup (db-template.ts);
 * a suite without it (the crash suite) makes one per test file.
 * PGlite (default): clone the template's data directory for each test.
 * PostgreSQL (TEST_DATABASE_URL set): CREATE DATABASE … TEMPLATE per test.
 */
export const usingPostgres = Boolean(process.env.TEST_DATABASE_URL);

let pgliteTemplate: Promise<Blob> | undefined;
let pgTemplate: Promise<string> | undefined;
const created: string[] = [];

export function serverUrl(database: string): string {
  const u = new URL(process.env.TEST_DATABASE_URL!);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Run one statement as the server's superuser (CREATE / DROP DATABASE). */
export async function adminQuery(sql: string): Promise<void> {
  await admin((c) => c.query(sql));
}

/** What every test database holds before its test: the schema and the national reference data. */
export async function prepareTestDatabase(db: Db): Promise<void> {
  await migrate(db);
  await loadReference(db, systemCtx('test'));
  await loadStructures(db, systemCtx('test'));
  await loadReferenceGoals(db, systemCtx('test'));
  await loadReferenceObligations(db, systemCtx('test'));
}

/** The run's template from the global setup, when the suite has one ('' or undefined when not). */
function provided(key: 'pgTemplateDatabase' | 'pgliteTemplateFile'): string {
  try {
    return inject(key) ?? '';
  } catch {
    return '';
  }
}

export async function createTestDatabaseUrl(): Promise<string> {
  const shared = provided('pgTemplateDatabase');
  pgTemplate ??= shared
    ? Promise.resolve(shared)
    : (async () => {
        const name = `navet_tpl_${process.pid}_${randomBytes(3).toString('hex')}`;
        await admin((c) => c.query(`CREATE DATABASE ${name}`));
        created.push(name);
        const db = await openPostgres(serverUrl(name), { max: 2 });
        await prepareTestDatabase(db);
        await db.close();
        return name;
      })();
  const template = await pgTemplate;
  const name = `navet_t_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  created.push(name);
  return serverUrl(name);
}

/** A new, empty database on the server (no migrations), dropped with the others. */
export async function createEmptyTestDatabaseUrl(prefix = 'navet_e'): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  created.push(name);
  return serverUrl(name);
}

/** A fresh database for the whole test file: `const t = useTestDb(); … t.db`. */
export function useTestDb(): { db: Db } {
  const holder = {} as { db: Db };
  beforeAll(async () => {
    holder.db = await testDb();
  });
  afterAll(async () => {
    await holder.db?.close();
    await dropTestDatabases();
  });
  return holder;
}

export async function testDb(): Promise<Db> {
  if (usingPostgres) return openPostgres(await createTestDatabaseUrl(), { max: 10 });
  const shared = provided('pgliteTemplateFile');
  pgliteTemplate ??= shared
    ? Promise.resolve(new Blob([readFileSync(shared)]))
    : (async () => {
        const db = await openPglite({});
        await prepareTestDatabase(db);
        const dump = await db.dump();
        await db.close();
        return dump;
      })();
  return openPglite({ loadDataDir: await pgliteTemplate });
}

/** Drop this worker's databases on the server (call from afterAll). */
export async function dropTestDatabases(): Promise<void> {
  if (!usingPostgres) return;
  const names = created.splice(0).reverse();
  await admin(async (c) => {
    for (const n of names) await c.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
  });
  pgTemplate = undefined;
}
