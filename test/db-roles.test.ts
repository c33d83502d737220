import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config.js';
import { writeBackup } from '../src/platform/db/backup.js';
import type { Db } from '../src/platform/db/index.js';
import { migrate, MigrationPermissionError } from '../src/platform/db/migrate.js';
import { openPostgres } from '../src/platform/db/postgres.js';
import { checkApplicationRole, DatabaseRoleError, grantApplicationRole } from '../src/platform/db/roles.js';
import { jobHandlers } from '../src/jobs.js';
import { drainJobs } from '../src/platform/jobs/worker.js';
import { projectRoot } from '../src/platform/version.js';
import { createApp, prepareDatabase } from '../src/server.js';
import { testConfig } from './helpers/app.js';
import { createEmptyTestDatabaseUrl, dropTestDatabases, testDb, usingPostgres } from './helpers/db.js';

/**
 * The application's database role cannot rewrite the audit trail (PostgreSQL server only).
 * As in production: a database owned by an owner role that is no superuser, migrated by it with
 * NAVET_DB_APP_ROLE (which grants the application role its rights), and the application running
 * as a login role that owns nothing. The five ways an owner or a superuser rewrites the trail
 * all fail for that role, its ordinary work succeeds, and the app refuses to start as the owner
 * or a superuser.
 */
const suffix = randomBytes(4).toString('hex');
const ownerRole = `navet_owner_${suffix}`;
const appRole = `navet_app_${suffix}`;
const password = randomBytes(12).toString('hex');
const ADMIN = { email: `roll-${suffix}@example.se`, password: 'ett-långt-lösenord-för-rollen' };

let superUrl: string;
let ownerUrl: string;
let appUrl: string;
let superDb: Db;
let owner: Db;
let app: Db;

const withUser = (url: string, user: string) => {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
};

async function asSuperuser(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

describe.skipIf(!usingPostgres)('the application role on PostgreSQL', () => {
  beforeAll(async () => {
    superUrl = await createEmptyTestDatabaseUrl('navet_roles');
    const database = new URL(superUrl).pathname.slice(1);
    await asSuperuser(`CREATE ROLE ${ownerRole} LOGIN PASSWORD '${password}' NOSUPERUSER NOCREATEDB NOCREATEROLE`);
    await asSuperuser(`CREATE ROLE ${appRole} LOGIN PASSWORD '${password}' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS`);
    await asSuperuser(`ALTER DATABASE ${database} OWNER TO ${ownerRole}`);
    ownerUrl = withUser(superUrl, ownerRole);
    appUrl = withUser(superUrl, appRole);
    superDb = await openPostgres(superUrl, { max: 1 });
    owner = await openPostgres(ownerUrl, { max: 2 });
    // The operator's upgrade step: `NAVET_DB_APP_ROLE=<approll> navet migrate`, as the owner.
    expect((await migrate(owner, { appRole })).length).toBeGreaterThan(10);
    app = await openPostgres(appUrl, { max: 4 });
    // What a start of the app does, as the application role: nothing to migrate, then reference
    // data, structures, the bootstrap administrator and the schedules (inserts and updates).
    expect(await checkApplicationRole(app, { allowOwner: false })).toEqual([]);
    await prepareDatabase(app, testConfig({ bootstrapAdmin: ADMIN }));
  });

  afterAll(async () => {
    await app?.close();
    await owner?.close();
    await superDb?.close();
    await dropTestDatabases();
    await asSuperuser(`DROP ROLE IF EXISTS ${appRole}`).catch(() => {});
    await asSuperuser(`DROP ROLE IF EXISTS ${ownerRole}`).catch(() => {});
  });

  it('cannot update, delete, truncate, switch off the triggers of, or replicate past the audit trail', async () => {
    const c = new pg.Client({ connectionString: appUrl });
    await c.connect();
    try {
      await c.query(
        `INSERT INTO audit_events (actor_label, entity_type, entity_id, action) VALUES ('test', 'user', 'roll', 'create')`,
      );
      const before = (
        await c.query<{ n: number; sum: string }>(
          `SELECT count(*)::int AS n, md5(string_agg(action || entity_id, ',' ORDER BY id)) AS sum FROM audit_events`,
        )
      ).rows[0]!;
      const refused = async (...statements: string[]) => {
        await c.query('BEGIN');
        let error: { code?: string; message: string } | undefined;
        try {
          for (const sql of statements) await c.query(sql);
        } catch (e) {
          error = e as { code?: string; message: string };
        } finally {
          await c.query('ROLLBACK');
        }
        expect(error, statements.join('; ')).toBeDefined();
        expect(error!.code, `${statements.join('; ')}: ${error!.message}`).toBe('42501');
      };
      await refused(`UPDATE audit_events SET action = 'ändrad'`);
      await refused(`DELETE FROM audit_events`);
      await refused(`TRUNCATE audit_events`);
      await refused(`ALTER TABLE audit_events DISABLE TRIGGER USER`, `DELETE FROM audit_events`);
      await refused(`SET LOCAL session_replication_role = replica`, `UPDATE audit_events SET action = 'ändrad'`);
      // Nor around the trail: dropping the trigger or the table, or a trigger of its own.
      await refused(`DROP TRIGGER audit_events_no_update ON audit_events`);
      await refused(`DROP TABLE audit_events`);
      await refused(
        `CREATE TRIGGER blank BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`,
      );
      const after = (
        await c.query<{ n: number; sum: string }>(
          `SELECT count(*)::int AS n, md5(string_agg(action || entity_id, ',' ORDER BY id)) AS sum FROM audit_events`,
        )
      ).rows[0]!;
      expect(after).toEqual(before);
    } finally {
      await c.end();
    }
  });

  it('does its ordinary work: sign-in, a business write with its audit row, sequences and the job worker', async () => {
    const server = await createApp(app, testConfig(), false);
    try {
      const login = await server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: ADMIN });
      expect(login.statusCode, login.body).toBe(200);
      const headers = {
        cookie: String(login.headers['set-cookie']).split(';')[0]!,
        'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken,
      };
      const created = await server.inject({
        method: 'POST',
        url: '/api/v1/groups',
        headers: { ...headers, 'idempotency-key': `roll-${suffix}` },
        payload: { kind: 'forum', level: 'region', owner: '10', name: 'Forum under approllen' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: string }>().id;
      expect(await owner.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [id])).toEqual([{ action: 'create' }]);
      const token = await server.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers, payload: { name: 'roll' } });
      expect(token.statusCode, token.body).toBe(201);
    } finally {
      await server.close();
    }
    const sequences = await app.query<{ name: string }>(
      `SELECT format('%I.%I', sequence_schema, sequence_name) AS name FROM information_schema.sequences`,
    );
    for (const s of sequences) await app.query('SELECT nextval($1::regclass)', [s.name]);
    await drainJobs(app, jobHandlers(app, testConfig()));
    expect((await app.query(`SELECT 1 FROM jobs WHERE status = 'done' LIMIT 1`)).length).toBe(1);
    // `navet backup` reads everything, so it works as the app role too.
    const sink = new Writable({ write: (_chunk, _enc, done) => done() });
    expect(Object.keys((await writeBackup(app, sink)).rows).length).toBeGreaterThan(10);
  });

  it('refuses to start as a superuser or as the owner of the audit trail, unless told it is development', async () => {
    await expect(checkApplicationRole(superDb, { allowOwner: false })).rejects.toThrow(DatabaseRoleError);
    await expect(checkApplicationRole(superDb, { allowOwner: false })).rejects.toThrow(/superanvändare/);
    await expect(checkApplicationRole(owner, { allowOwner: false })).rejects.toThrow(/äger granskningsloggen/);
    expect(await checkApplicationRole(owner, { allowOwner: true })).toHaveLength(1);
    // A role granted more than reading and adding on the trail is refused as well.
    await owner.exec(`GRANT UPDATE ON audit_events TO ${appRole}`);
    await expect(checkApplicationRole(app, { allowOwner: false })).rejects.toThrow(/UPDATE på granskningsloggen/);
    await migrate(owner, { appRole }); // the next `navet migrate` takes the extra right back
    expect(await checkApplicationRole(app, { allowOwner: false })).toEqual([]);
  });

  it('the web process exits with a clear message when it connects as the superuser', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: projectRoot,
      env: {
        ...process.env,
        DATABASE_URL: superUrl,
        NAVET_DB_ALLOW_OWNER: '0',
        NAVET_DEMO: '0',
        NAVET_IN_PROCESS_WORKER: '0',
        PORT: '0',
        LOG_LEVEL: 'info',
      },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, output).toBe(2);
    expect(output).toContain('Navet startar inte');
    expect(output).toContain('superanvändare');
    expect(output).toContain('NAVET_DB_ALLOW_OWNER');
  }, 60_000);

  it('cannot migrate as the application role, and says who must', async () => {
    const [last] = await owner.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name DESC LIMIT 1');
    await owner.query('DELETE FROM schema_migrations WHERE name = $1', [last!.name]);
    try {
      const err = await migrate(app).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(MigrationPermissionError);
      expect((err as Error).message).toContain('navet migrate');
    } finally {
      await owner.query('INSERT INTO schema_migrations (name) VALUES ($1)', [last!.name]);
    }
  });

  it('grants only to a role that owns nothing and exists', async () => {
    await expect(owner.transaction((tx) => grantApplicationRole(tx, ownerRole))).rejects.toThrow(/ska inte äga något/);
    await expect(owner.transaction((tx) => grantApplicationRole(tx, 'postgres'))).rejects.toThrow(/superanvändare/);
    await expect(owner.transaction((tx) => grantApplicationRole(tx, `saknas_${suffix}`))).rejects.toThrow(/finns inte/);
  });
});

describe('the role check on the embedded database', () => {
  it.skipIf(usingPostgres)(
    'does not apply: PGlite has no roles to speak of (the PostgreSQL part runs with npm run test:pg)',
    async () => {
      const db = await testDb();
      try {
        expect(await checkApplicationRole(db, { allowOwner: false })).toEqual([]);
        expect(await migrate(db, { appRole: 'navet_app' })).toEqual([]);
      } finally {
        await db.close();
      }
    },
  );

  it('reads NAVET_DB_APP_ROLE and NAVET_DB_ALLOW_OWNER (off unless said)', () => {
    expect(loadConfig({})).toMatchObject({ dbAppRole: undefined, dbAllowOwner: false });
    expect(loadConfig({ NAVET_DB_APP_ROLE: 'navet_app', NAVET_DB_ALLOW_OWNER: '1' })).toMatchObject({
      dbAppRole: 'navet_app',
      dbAllowOwner: true,
    });
    expect(() => loadConfig({ NAVET_DB_APP_ROLE: 'navet"; DROP TABLE users; --' })).toThrow(/NAVET_DB_APP_ROLE/);
  });
});
