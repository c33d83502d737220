import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../src/platform/auth/api-tokens.js';
import { actorOf } from '../src/platform/auth/login.js';
import { insertSession } from '../src/platform/auth/repository.js';
import { systemCtx } from '../src/platform/context.js';
import { BackupError, dependencyOrder, restoreBackupFile, writeBackupFile, type ForeignKey } from '../src/platform/db/backup.js';
import { NOT_BACKED_UP } from '../src/platform/db/backup-format.js';
import type { Db } from '../src/platform/db/index.js';
import { migrate } from '../src/platform/db/migrate.js';
import { openPglite } from '../src/platform/db/pglite.js';
import { openPostgres } from '../src/platform/db/postgres.js';
import { enqueue, ensureSchedule } from '../src/platform/jobs/queue.js';
import { loadStructures } from '../src/modules/organisation/load-structures.js';
import { loadReference } from '../src/modules/reference/load-reference.js';
import { updateUser } from '../src/modules/users/update-user.js';
import { buildAdmin, buildLpo, buildUser } from '../src/testing/builders.js';
import { createEmptyTestDatabaseUrl, dropTestDatabases, testDb, usingPostgres } from './helpers/db.js';
import type { InjectOptions } from 'fastify';
import { loadDemo } from '../src/modules/demo/load-demo.js';
import { createApp } from '../src/server.js';
import { DEFAULT_TEST_PASSWORD } from '../src/testing/builders.js';
import { ACCESS_MODULES } from './access/index.js';
import type { Fixture } from './access/types.js';
import { testConfig, type Session } from './helpers/app.js';
import { changedTables, checksumQuery, checksums, listTables } from './fuzz/checksum.js';
import { useClock } from './helpers/clock.js';

const dir = mkdtempSync(join(tmpdir(), 'navet-backup-'));
let files = 0;
const newFile = () => join(dir, `backup-${++files}.jsonl.gz`);
const opened: Db[] = [];
const track = (db: Db) => (opened.push(db), db);

/**
 * Tables beyond the real schema, in source and target alike: every awkward type, a
 * self-reference pointing forward, a cycle between two tables, a table without a primary
 * key, generated and identity columns, and names that need quoting.
 */
const EXTRA_TABLES = `
  CREATE TABLE zz_types (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_id int REFERENCES zz_types (id),
    partner_id text,
    b bytea, f float8, n numeric(40, 10), big int8, i interval, j json, jb jsonb, arr text[], grid int[],
    ts timestamp, tstz timestamptz, d date, tod time, flag boolean, ch char(3), u uuid,
    doubled int GENERATED ALWAYS AS (id * 2) STORED
  );
  CREATE TABLE zz_cycle (id text PRIMARY KEY, types_id int NOT NULL REFERENCES zz_types (id));
  ALTER TABLE zz_types ADD CONSTRAINT zz_types_partner FOREIGN KEY (partner_id) REFERENCES zz_cycle (id);
  CREATE TABLE zz_no_key (v text, w int);
  CREATE TABLE "zz Odd ""Name""" ("Key" text PRIMARY KEY, "a,b" text);
`;

async function fillExtraTables(db: Db): Promise<void> {
  await db.exec(`
    INSERT INTO zz_types (b, f, n, big, i, j, jb, arr, grid, ts, tstz, d, tod, flag, ch, u) VALUES
      ('\\x00ff10', 'NaN', 12345678901234567890.0123456789, 9007199254740993, '1 year 2 mons 3 days 04:05:06.789',
       '{ "b" : 1,   "a": [1, 2] }', '{"x": null, "big": 123456789012345678901234567890.5, "s": "rad\\nbrytning ö"}',
       ARRAY['a,b', 'c"d', 'e\\f', NULL, '', 'NULL', 'ö å'], '{{1,2},{3,4}}', '2024-02-29 23:59:59.999999',
       '1999-12-31 23:00:00.123456+02', '0044-03-15 BC', '12:34:56.5', true, 'ab', gen_random_uuid()),
      ('', '-0', -0.5, -9223372036854775808, '-1 day', 'null', 'null', '{}', NULL, 'infinity', '-infinity', 'infinity',
       '00:00', false, NULL, NULL),
      (NULL, '1e308', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
      (NULL, 0.1, 1, 1, NULL, '[]', '[]', ARRAY[]::text[], NULL, NULL, now(), current_date, NULL, NULL, 'xyz', NULL),
      (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
    UPDATE zz_types SET parent_id = 3 WHERE id IN (1, 2);
    DELETE FROM zz_types WHERE id = 5;
    INSERT INTO zz_cycle VALUES ('c1', 1), ('c2', 3);
    UPDATE zz_types SET partner_id = 'c2' WHERE id = 1;
    INSERT INTO zz_no_key SELECT 'rad ' || g, g FROM generate_series(1, 40) g;
    INSERT INTO zz_no_key VALUES (NULL, NULL), (NULL, NULL);
    INSERT INTO "zz Odd ""Name""" VALUES ('nyckel ''1''', 'värde, "citerat"');
  `);
}

async function fillDomain(db: Db): Promise<void> {
  const admin = await buildAdmin(db);
  const user = await buildUser(db, { roles: [{ role: 'samordnare', scopeType: 'region', scopeId: '07' }] });
  await updateUser(db, systemCtx('test'), user.id, user.version, { name: 'Åsa Öberg-Ängström' });
  const [area] = await db.query<{ id: string }>('SELECT id FROM program_areas ORDER BY id LIMIT 1');
  await buildLpo(db, { region: '07', programAreaId: area!.id, mandate: '## Uppdrag\n\nMed "citat" och\ttabb.' });
  await createApiToken(db, { actor: actorOf(admin, 'session'), requestId: 'test' }, { name: 'Export' });
  await insertSession(db, { idHash: randomBytes(16).toString('hex'), userId: admin.id, csrfToken: 'csrf', ttlHours: 8 });
  await enqueue(db, 'test.backup', { nested: { list: [1, 'två', null] }, big: Number.MAX_SAFE_INTEGER });
}

/** Every table's rows in their text form, the constraints and the sequences: what must survive. */
async function snapshot(db: Db) {
  return db.transaction(async (tx) => {
    await tx.exec(
      `SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres';
       SET LOCAL extra_float_digits = 1; SET LOCAL bytea_output = 'hex'`,
    );
    const tables = await tx.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> ALL($1::text[])`,
      [NOT_BACKED_UP],
    );
    const rows: Record<string, string[]> = {};
    for (const { name } of tables) {
      const found = await tx.query<{ r: string }>(`SELECT zz_row::text AS r FROM public."${name.replaceAll('"', '""')}" zz_row`);
      rows[name] = found.map((f) => f.r).sort();
    }
    // NOT NULL constraints are catalogued from PostgreSQL 18 (PGlite) on only; sorted here, not by a collation.
    const constraints = (
      await tx.query<{ c: string }>(
        `SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS c FROM pg_constraint
         WHERE connamespace = 'public'::regnamespace AND contype <> 'n'`,
      )
    )
      .map((r) => r.c)
      .sort();
    const sequences: Record<string, unknown> = {};
    for (const { name } of await tx.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY 1`,
    )) {
      sequences[name] = (await tx.query(`SELECT last_value::text AS v, is_called FROM public."${name}"`))[0];
    }
    return { rows, constraints, sequences };
  });
}

// Empty, migrated targets: a PGlite template migrated once, or a new database on the server.

async function newServerDatabase(): Promise<Db> {
  return track(await openPostgres(await createEmptyTestDatabaseUrl('navet_bk'), { max: 2 }));
}

let pgliteTemplate: Promise<Blob> | undefined;

async function emptyTarget(
  kind: 'pglite' | 'postgresql' = usingPostgres ? 'postgresql' : 'pglite',
  migrated = true,
): Promise<Db> {
  if (kind === 'postgresql') {
    const db = await newServerDatabase();
    if (migrated) {
      await migrate(db);
      await db.exec(EXTRA_TABLES);
    }
    return db;
  }
  if (!migrated) return track(await openPglite({}));
  pgliteTemplate ??= (async () => {
    const db = await openPglite({});
    await migrate(db);
    await db.exec(EXTRA_TABLES);
    const dump = await db.dump();
    await db.close();
    return dump;
  })();
  return track(await openPglite({ loadDataDir: await pgliteTemplate }));
}

/** A source like a running installation: reference data, users, groups, tokens, jobs, audit. */
async function filledSource(db: Db): Promise<Db> {
  await db.exec(EXTRA_TABLES);
  await fillExtraTables(db);
  await fillDomain(db);
  return db;
}

const lines = (file: string) => gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter(Boolean);
const rewrite = (from: string, edit: (lines: string[]) => string[]) => {
  const to = newFile();
  writeFileSync(to, gzipSync(`${edit(lines(from)).join('\n')}\n`));
  return to;
};

let source: Db;
let backup: string;
let sourceSnapshot: Awaited<ReturnType<typeof snapshot>>;

// The workload plans rounds, surveys and meetings on real dates of the calendar as of this day.
useClock('2026-11-26');

beforeAll(async () => {
  source = track(await filledSource(await testDb()));
  backup = newFile();
  // Small pages, so every table with more than a few rows is read over several keyset pages.
  await writeBackupFile(source, backup, { batchRows: 7 });
  sourceSnapshot = await snapshot(source);
});

afterAll(async () => {
  for (const db of opened.splice(0)) await db.close().catch(() => {});
  await dropTestDatabases();
});

describe('backup file', { timeout: 180_000 }, () => {
  it('starts with a header naming the format, the migrations and the engine, and ends with row counts', async () => {
    const all = lines(backup);
    const header = JSON.parse(all[0]!);
    expect(header).toMatchObject({ format: 'navet-backup', version: 1, database: source.kind });
    expect(header.migrations).toEqual(
      (await source.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map((r) => r.name),
    );
    expect(Date.parse(header.createdAt)).not.toBeNaN();
    const end = JSON.parse(all.at(-1)!);
    expect(end.end).toBe(true);
    expect(end.rows.users).toBe(sourceSnapshot.rows.users!.length);
    expect(all.some((l) => l.includes('"table":"schema_migrations"'))).toBe(false);
  });

  it('puts every table after the tables it references', () => {
    const order = lines(backup)
      .filter((l) => l.startsWith('{"table"'))
      .map((l) => JSON.parse(l).table as string);
    const before = (a: string, b: string) => order.indexOf(a) < order.indexOf(b);
    expect(before('users', 'role_assignments')).toBe(true);
    expect(before('users', 'api_tokens')).toBe(true);
    expect(before('groups', 'group_mandates')).toBe(true);
    expect(before('regions', 'municipalities')).toBe(true);
    expect(new Set(order)).toEqual(new Set(Object.keys(sourceSnapshot.rows)));
  });

  it('orders by dependency, deferring self-references and breaking cycles', () => {
    const fk = (table: string, references: string): ForeignKey => ({
      name: `${table}_${references}`,
      table,
      references,
      definition: '',
    });
    const { order, deferred } = dependencyOrder(
      ['c', 'b', 'a', 'd', 'e'],
      [fk('c', 'b'), fk('b', 'a'), fk('a', 'a'), fk('d', 'e'), fk('e', 'd'), fk('e', 'c')],
    );
    expect(order).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(deferred.map((f) => f.name).sort()).toEqual(['a_a', 'd_e']);
  });
});

describe('restore', { timeout: 180_000 }, () => {
  it('round-trips every row, constraint and sequence into a new database', async () => {
    const target = await emptyTarget();
    const summary = await restoreBackupFile(target, backup);
    expect(summary.database).toBe(source.kind);
    expect(await snapshot(target)).toEqual(sourceSnapshot);
    // Identity sequences continue where the source's did, past rows deleted there.
    const [next] = await target.query<{ id: number }>(`INSERT INTO zz_types DEFAULT VALUES RETURNING id`);
    expect(next!.id).toBe(6);
  });

  it('refuses a target with an audit trail, even with --force, and changes nothing', async () => {
    const target = track(await testDb());
    await buildUser(target);
    await target.exec(EXTRA_TABLES);
    const before = await snapshot(target);
    await expect(restoreBackupFile(target, backup)).rejects.toThrow(/redan en granskningslogg/);
    await expect(restoreBackupFile(target, backup, { force: true })).rejects.toThrow(/inte heller med --force/);
    expect(await snapshot(target)).toEqual(before);
  });

  it('refuses a target with users unless forced, which empties its tables first', async () => {
    const target = await emptyTarget();
    await target.query(`INSERT INTO users (email, name) VALUES ('kvar@example.se', 'Kvar')`);
    await ensureSchedule(target, 'test.schedule', 'test.schedule', 60);
    await expect(restoreBackupFile(target, backup)).rejects.toThrow(/redan 1 användare.*--force/);
    await restoreBackupFile(target, backup, { force: true });
    expect(await snapshot(target)).toEqual(sourceSnapshot);
  });

  it('refuses a target whose migrations differ, or that is not migrated', async () => {
    const older = await emptyTarget();
    await older.query('DELETE FROM schema_migrations WHERE name = (SELECT max(name) FROM schema_migrations)');
    await expect(restoreBackupFile(older, backup)).rejects.toThrow(/migreringar skiljer sig/);
    const bare = await emptyTarget(undefined, false);
    await expect(restoreBackupFile(bare, backup)).rejects.toThrow(/inte migrerad/);
  });

  it('fails on a damaged file and leaves the target as it was', async () => {
    const target = await emptyTarget();
    await ensureSchedule(target, 'test.schedule', 'test.schedule', 60);
    const before = await snapshot(target);
    const bytes = readFileSync(backup);
    const truncated = newFile();
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    const notGzip = newFile();
    writeFileSync(notGzip, 'hej\n');
    const usersAt = (l: string[]) => l.findIndex((x) => x.startsWith('{"table":"users"')) + 1;
    const damaged: [string, RegExp][] = [
      [truncated, /kunde inte läsas/],
      [notGzip, /kunde inte läsas/],
      [rewrite(backup, (l) => l.slice(0, -1)), /slutraden saknas/],
      [
        rewrite(backup, (l) => l.map((x, i) => (i === usersAt(l) ? x.replace(/^\["[0-9a-f-]+"/, '["inte-ett-uuid"') : x))),
        /tabellen users/,
      ],
      [
        rewrite(backup, (l) => l.map((x, i) => (i === usersAt(l) ? x.replace(/^\[/, '[null, ') : x))),
        /passar inte tabellen users/,
      ],
      [rewrite(backup, (l) => [...l.slice(0, -1), l.at(-1)!.replace(/"users":\d+/, '"users":999')]), /slutraden anger 999/],
      [
        rewrite(backup, (l) => [JSON.stringify({ ...JSON.parse(l[0]!), format: 'annat' }), ...l.slice(1)]),
        /inte en säkerhetskopia/,
      ],
      [rewrite(backup, (l) => [...l, '["efter slutet"]']), /efter slutraden/],
    ];
    for (const [file, message] of damaged) {
      const failure = restoreBackupFile(target, file);
      await expect(failure).rejects.toBeInstanceOf(BackupError);
      await expect(failure).rejects.toThrow(message);
    }
    expect(await snapshot(target)).toEqual(before);
  });
});

describe.skipIf(!usingPostgres)('between engines', { timeout: 180_000 }, () => {
  it('restores a PGlite backup into PostgreSQL and back into PGlite', async () => {
    const embedded = track(await openPglite({}));
    await migrate(embedded);
    await loadReference(embedded, systemCtx('test'));
    await loadStructures(embedded, systemCtx('test'));
    await filledSource(embedded);
    const fromPglite = newFile();
    await writeBackupFile(embedded, fromPglite);
    const expected = await snapshot(embedded);

    const server = await emptyTarget('postgresql');
    expect((await restoreBackupFile(server, fromPglite)).database).toBe('pglite');
    expect(await snapshot(server)).toEqual(expected);

    const fromServer = newFile();
    await writeBackupFile(server, fromServer);
    const back = await emptyTarget('pglite');
    expect((await restoreBackupFile(back, fromServer)).database).toBe('postgresql');
    expect(await snapshot(back)).toEqual(expected);
  });
});

describe('a restore you can trust', () => {
  it('restores the demo plus a workload over every route into a fresh database, every table checksum equal', async () => {
    // The source: the demo, and every valid request of the access matrix sent by an
    // administrator — so tables added by any module get rows without a list here.
    const db = track(await testDb());
    await loadDemo(db, systemCtx('test'));
    const app = await createApp(db, testConfig(), false);
    const login = async (email: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: DEFAULT_TEST_PASSWORD },
      });
      const cookie = String(res.headers['set-cookie']).split(';')[0]!;
      return {
        cookie,
        csrfToken: res.json<{ csrfToken: string }>().csrfToken,
        userId: res.json<{ user: { id: string } }>().user.id,
      };
    };
    try {
      const request = ({ as, headers, ...o }: InjectOptions & { as?: Session }) =>
        app.inject({
          ...o,
          headers: { ...(as ? { cookie: as.cookie, 'x-csrf-token': as.csrfToken } : {}), ...(headers ?? {}) },
        } as InjectOptions);
      const f: Fixture = {};
      for (const m of ACCESS_MODULES) {
        if (!m.setup) continue;
        Object.assign(
          f,
          await m.setup({
            db,
            newUser: async (roles) => login((await buildUser(db, { roles: roles ?? [] })).email),
            request,
            fixture: f,
          }),
        );
      }
      const admin = await login((await buildAdmin(db)).email);
      let sent = 0;
      for (const m of ACCESS_MODULES) {
        for (const [key, [, req]] of Object.entries(m.routes)) {
          const method = key.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
          if (method === 'GET' || key.includes('/auth/logout')) continue;
          const r = req(f);
          await request({ method, as: admin, ...r, headers: { ...(r.headers ?? {}), 'idempotency-key': `backup-${++sent}` } });
        }
      }
      await enqueue(db, 'test.backup', { workload: true });
    } finally {
      await app.close();
    }

    const file = newFile();
    await writeBackupFile(db, file);
    const target = usingPostgres ? await newServerDatabase() : track(await openPglite({}));
    await migrate(target);
    await restoreBackupFile(target, file);

    const tables = await listTables(db);
    // Migrations are applied to the target, not restored: when they ran differs, nothing else.
    // The cached reads' versions are not data: the restore's own writes bump them.
    const migrationTime = { schema_migrations: ['applied_at'], read_versions: '*' as const };
    const before = await checksums(db, await checksumQuery(db, migrationTime));
    const after = await checksums(target, await checksumQuery(target, migrationTime));
    expect(Object.keys(after).sort()).toEqual(
      tables
        .map((t) => t.name)
        .filter((t) => t !== 'read_versions')
        .sort(),
    );
    expect(changedTables(before, after), 'tables whose checksum differs after restore').toEqual([]);
    const empty = Object.entries(before)
      .filter(([, c]) => c.rows === 0)
      .map(([name]) => name);
    const rows = Object.values(before).reduce((n, c) => n + c.rows, 0);
    console.info(
      `backup: ${tables.length} tables, ${rows} rows restored with equal checksums (${db.kind}); ` +
        `tables without rows in this workload: ${empty.join(', ') || 'none'}`,
    );
    expect(tables.length - empty.length).toBeGreaterThan(tables.length / 2);
  }, 600_000);
});
