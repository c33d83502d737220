import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/platform/db/index.js';
import { openPostgres } from '../src/platform/db/postgres.js';
import { createApp } from '../src/server.js';
import { buildAdmin, DEFAULT_TEST_PASSWORD } from '../src/testing/builders.js';
import { testConfig } from './helpers/app.js';
import { createTestDatabaseUrl, dropTestDatabases, usingPostgres } from './helpers/db.js';

/**
 * The audit trail cannot be rewritten by the application's own database role (PostgreSQL
 * server only; PGlite has no roles). The app runs as a role that does not own the tables —
 * the owner runs the migrations — with the grants of docs/security.md.
 */
const role = `navet_app_${randomBytes(4).toString('hex')}`;
const password = randomBytes(12).toString('hex');
let ownerUrl: string;
let appUrl: string;
let owner: Db;
let asApp: pg.Client;

describe.skipIf(!usingPostgres)('audit rows under the application role', () => {
  beforeAll(async () => {
    ownerUrl = await createTestDatabaseUrl();
    owner = await openPostgres(ownerUrl, { max: 2 });
    const database = new URL(ownerUrl).pathname.slice(1);
    // The grants an operator gives the application role (docs/security.md).
    await owner.exec(`
      CREATE ROLE ${role} LOGIN PASSWORD '${password}' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
      GRANT CONNECT ON DATABASE ${database} TO ${role};
      GRANT USAGE ON SCHEMA public TO ${role};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role};
      GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${role};
      REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${role};
    `);
    const u = new URL(ownerUrl);
    u.username = role;
    u.password = password;
    appUrl = u.toString();
    asApp = new pg.Client({ connectionString: appUrl });
    await asApp.connect();
  });

  afterAll(async () => {
    await asApp?.end();
    await owner?.close();
    await dropTestDatabases();
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${role}`).catch(() => {});
    await admin.end();
  });

  it('lets the role add audit rows but not change, delete, truncate or unprotect them', async () => {
    await asApp.query(
      `INSERT INTO audit_events (actor_label, entity_type, entity_id, action) VALUES ('test', 'user', 'x', 'create')`,
    );
    const refused = async (sql: string) => {
      const err = await asApp.query(sql).then(
        () => undefined,
        (e: { code?: string; message: string }) => e,
      );
      expect(err, sql).toBeDefined();
      expect(err!.code, `${sql}: ${err!.message}`).toBe('42501');
    };
    await refused(`UPDATE audit_events SET action = 'ändrad'`);
    await refused(`DELETE FROM audit_events`);
    await refused(`TRUNCATE audit_events`);
    await refused(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`);
    await refused(`DROP TRIGGER audit_events_no_update ON audit_events`);
    await refused(`DROP TABLE audit_events`);
    expect((await asApp.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'ändrad'`)).rows[0].n).toBe(0);
  });

  it('refuses UPDATE and DELETE even to the owner, through the append-only trigger', async () => {
    await expect(owner.query(`UPDATE audit_events SET action = 'x'`)).rejects.toMatchObject({ code: '42501' });
    await expect(owner.query(`DELETE FROM audit_events`)).rejects.toMatchObject({ code: '42501' });
  });

  it('runs the application under that role: sign-in, a write and its audit row', async () => {
    const email = (await buildAdmin(owner)).email;
    const db = await openPostgres(appUrl, { max: 2 });
    const app = await createApp(db, testConfig(), false);
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: DEFAULT_TEST_PASSWORD },
      });
      expect(login.statusCode).toBe(200);
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/groups',
        headers: { cookie, 'x-csrf-token': login.json().csrfToken, 'idempotency-key': 'roll' },
        payload: { kind: 'forum', level: 'region', owner: '10', name: 'Forum under approllen' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const rows = await owner.query(`SELECT 1 FROM audit_events WHERE entity_id = $1`, [created.json().id]);
      expect(rows.length).toBe(1);
    } finally {
      await app.close();
      await db.close();
    }
  });
});
