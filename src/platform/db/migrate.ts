import { readdirSync, readFileSync } from 'node:fs';
import { projectRoot } from '../version.js';
import { join } from 'node:path';
import { grantApplicationRole } from './roles.js';
import type { Db, Queryable } from './types.js';

function migrationsDir(): string {
  return join(projectRoot, 'migrations');
}

export interface Migration {
  name: string;
  sql: string;
}

export function listMigrations(dir = migrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

/** The migrations not yet run, read without writing anything (the application role may only read). */
export async function pendingMigrations(db: Queryable): Promise<string[]> {
  const [t] = await db.query<{ present: boolean }>(`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`);
  const done = t?.present
    ? new Set((await db.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name))
    : new Set<string>();
  return listMigrations()
    .map((m) => m.name)
    .filter((n) => !done.has(n));
}

/** Migrations are pending and the role cannot run them: it is the application's role, not the owner. */
export class MigrationPermissionError extends Error {
  constructor(
    readonly pending: string[],
    cause: unknown,
  ) {
    super(
      `${pending.length} databasmigreringar har inte körts (${pending.join(', ')}) och databasrollen får inte ändra schemat. ` +
        'Kör migreringarna som databasens ägare (DATABASE_URL med ägarens användare och NAVET_DB_APP_ROLE=<approll> navet migrate) och starta sedan om.',
      { cause },
    );
    this.name = 'MigrationPermissionError';
  }
}

/**
 * Forward-only. All pending migrations run in one transaction under an advisory lock, so
 * several app processes starting at once on one PostgreSQL server apply each exactly once.
 * With nothing pending nothing is written, so the application role (which owns nothing) starts.
 * `appRole` (PostgreSQL, run as the owner): afterwards give that role exactly the rights the
 * application needs (`grantApplicationRole`), in the same transaction.
 */
export async function migrate(db: Db, opts: { appRole?: string | undefined } = {}): Promise<string[]> {
  const appRole = db.kind === 'postgresql' ? opts.appRole : undefined;
  const pending = await pendingMigrations(db);
  if (pending.length === 0 && !appRole) return [];
  const migrations = listMigrations();
  try {
    return await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(7277001)');
      await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        name text PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const done = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
      const applied: string[] = [];
      for (const m of migrations) {
        if (done.has(m.name)) continue;
        await tx.exec(m.sql);
        await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [m.name]);
        applied.push(m.name);
      }
      if (appRole) await grantApplicationRole(tx, appRole);
      return applied;
    });
  } catch (err) {
    if ((err as { code?: string }).code === '42501' && pending.length) throw new MigrationPermissionError(pending, err);
    throw err;
  }
}
