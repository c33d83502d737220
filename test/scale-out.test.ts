import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startChild, stopChild, type Child } from '../bench/processes.js';
import { openPostgres } from '../src/platform/db/postgres.js';
import type { Db } from '../src/platform/db/index.js';
import { projectRoot } from '../src/platform/version.js';
import { buildAdmin, DEFAULT_TEST_PASSWORD } from '../src/testing/builders.js';
import { createEmptyTestDatabaseUrl, dropTestDatabases, usingPostgres } from './helpers/db.js';

/**
 * Scale-out (issue 20): two real app processes on one PostgreSQL database behave as one system.
 * Sessions, rate limits, Idempotency-Keys, jobs and the start-up locks all live in the database,
 * so a load balancer may send any request to any process. PGlite is one process per data
 * directory (src/platform/db/lock.ts; test/embedded-database.test.ts), so there is nothing to
 * scale out there and this file is skipped.
 */
describe.skipIf(!usingPostgres)(
  'two app processes on one PostgreSQL database (PostgreSQL only: PGlite is one process; run npm run test:pg)',
  () => {
    let url: string;
    let db: Db;
    let a: Child;
    let b: Child;
    const email = 'skala-ut-admin@example.se';
    const dataDir = mkdtempSync(join(tmpdir(), 'navet-scale-out-'));

    beforeAll(async () => {
      url = await createEmptyTestDatabaseUrl('navet_scale');
      const start = async (name: string) => {
        const port = await freePort();
        return startChild({
          name,
          // Always the current source (a dist/ may be stale).
          args: ['--import', 'tsx', join(projectRoot, 'src/main.ts')],
          env: {
            ...process.env,
            DATABASE_URL: url,
            // Files would live here; everything this test touches is in the database.
            NAVET_DATA_DIR: join(dataDir, name),
            NAVET_PUBLIC_URL: `http://127.0.0.1:${port}`,
            NAVET_DB_ALLOW_OWNER: '1',
            NAVET_DEMO: '0',
            LOG_LEVEL: 'warn',
            SMTP_HOST: '',
            NAVET_RATE_LIMIT_SEARCH: '3/60',
            // Every import of more than 10 rows goes to the job queue; both processes run a worker.
            NAVET_FOLLOWUP_IMPORT_SYNC_ROWS: '10',
            NAVET_IN_PROCESS_WORKER: '1',
          },
          port,
          readyPath: '/api/health',
          // Generous: two processes compiling through tsx at once take ~30 s on a quiet machine,
          // but took 7 minutes on the shared two-core machine at load average 30.
          timeoutMs: 540_000,
        });
      };
      // Both start at once on an empty database: each migrates and loads the reference data, and
      // the advisory locks (migrations 7277001, reference data 7277002) let one do it while the
      // other waits, then finds nothing left to do.
      [a, b] = await Promise.all([start('a'), start('b')]);
      db = await openPostgres(url, { max: 2 });
      await buildAdmin(db, { name: 'Skala Ut', email });
    }, 600_000);

    afterAll(async () => {
      await Promise.all([a, b].filter(Boolean).map((c) => stopChild(c.process)));
      await db?.close();
      await dropTestDatabases();
      rmSync(dataDir, { recursive: true, force: true });
    });

    async function login(server: Child): Promise<{ cookie: string; csrf: string }> {
      const res = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: DEFAULT_TEST_PASSWORD }),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { csrfToken: string };
      return { cookie: res.headers.getSetCookie()[0]!.split(';')[0]!, csrf: body.csrfToken };
    }

    const me = (server: Child, cookie: string) => fetch(`${server.url}/api/v1/me`, { headers: { cookie } });
    const post = (server: Child, path: string, s: { cookie: string; csrf: string }, body: unknown, extra = {}) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf, ...extra },
        body: JSON.stringify(body),
      });

    it('both started on the empty database and applied each migration once', async () => {
      const [m] = await db.query<{ n: number; distinct: number }>(
        'SELECT count(*)::int AS n, count(DISTINCT name)::int AS distinct FROM schema_migrations',
      );
      expect(m!.n).toBeGreaterThan(30);
      expect(m!.n).toBe(m!.distinct);
      const [r] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM regions');
      expect(r!.n).toBe(21);
      for (const s of [a, b]) expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
    });

    it('a session made on A works on B, and logging out on B ends it on A', async () => {
      const s = await login(a);
      expect((await me(b, s.cookie)).status).toBe(200);
      expect((await me(a, s.cookie)).status).toBe(200);
      // A write on B with A's session and CSRF token.
      const out = await post(b, '/api/v1/auth/logout', s, {});
      expect(out.status).toBe(204);
      expect((await me(a, s.cookie)).status).toBe(401);
      expect((await me(b, s.cookie)).status).toBe(401);
    });

    it('a rate limit counts the hits on both processes together', async () => {
      const search = (server: Child) => fetch(`${server.url}/api/v1/knowledge-supports?q=hj%C3%A4rtsvikt`);
      // 3 per minute per address: A, B, A are answered; the fourth, on B, is refused.
      expect((await search(a)).status).toBe(200);
      expect((await search(b)).status).toBe(200);
      expect((await search(a)).status).toBe(200);
      const refused = await search(b);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect((await search(a)).status).toBe(429);
    });

    it('an Idempotency-Key answered by A is replayed by B, with no second record', async () => {
      const s = await login(a);
      const body = { owner: 'sydostra', title: 'Behandling inom fyra veckor (skala ut)' };
      const key = { 'idempotency-key': `skala-ut-${process.pid}` };
      const first = await post(a, '/api/v1/goals', s, body, key);
      expect(first.status).toBe(201);
      const created = (await first.json()) as { id: string };
      const again = await post(b, '/api/v1/goals', s, body, key);
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(((await again.json()) as { id: string }).id).toBe(created.id);
      const [n] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM followup_goals WHERE title = $1', [body.title]);
      expect(n!.n).toBe(1);
      // The same key with another request is refused on either process.
      expect((await post(b, '/api/v1/goals', s, { ...body, title: 'Något annat' }, key)).status).toBe(422);
    });

    it('jobs enqueued through A run exactly once with a worker in each process', async () => {
      const s = await login(a);
      const [indicator] = await db.query<{ id: string }>(
        `INSERT INTO followup_indicators (code, name, definition, unit, direction, periodicity, source)
         VALUES ('SKALA-1', 'Skala ut', 'Test', '%', 'higher', 'month', 'waiting-time-database') RETURNING id`,
      );
      const regions = (await db.query<{ code: string }>('SELECT code FROM regions ORDER BY code')).map((r) => r.code);
      // Six imports of one year each, 21 regions × 12 months = 252 rows: each above the
      // synchronous limit, so each becomes a job for whichever worker claims it first.
      const years = [2020, 2021, 2022, 2023, 2024, 2025];
      const ids: string[] = [];
      for (const y of years) {
        const rows = [['Region', 'Månad', 'Andel (%)']];
        for (const code of regions)
          for (let m = 1; m <= 12; m++) rows.push([code, `${y}-${String(m).padStart(2, '0')}`, String(m)]);
        const res = await post(a, `/api/v1/indicators/${indicator!.id}/imports`, s, {
          fileName: `ar-${y}.csv`,
          format: 'csv',
          contentBase64: Buffer.from(rows.map((r) => r.join(';')).join('\r\n')).toString('base64'),
          mapping: { area: 'Region', period: 'Månad', value: 'Andel (%)' },
        });
        expect(res.status).toBe(202);
        ids.push(((await res.json()) as { id: string }).id);
      }
      const deadline = Date.now() + 45_000;
      let statuses: string[] = [];
      while (Date.now() < deadline) {
        statuses = (
          await db.query<{ status: string }>('SELECT status FROM followup_imports WHERE id = ANY($1::uuid[])', [ids])
        ).map((r) => r.status);
        if (statuses.length === ids.length && statuses.every((st) => st === 'done' || st === 'failed')) break;
        await sleep(250);
      }
      expect(statuses).toEqual(ids.map(() => 'done'));
      const jobs = await db.query<{ status: string; attempts: number }>(
        `SELECT status, attempts FROM jobs WHERE queue = 'followup.import' OR dedupe_key LIKE 'followup-import:%'`,
      );
      // Claimed once each (a second claim would count a second attempt), and done.
      expect(jobs).toHaveLength(ids.length);
      for (const j of jobs) expect(j).toEqual({ status: 'done', attempts: 1 });
      const [v] = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM followup_indicator_values WHERE indicator_id = $1',
        [indicator!.id],
      );
      expect(v!.n).toBe(years.length * regions.length * 12);
    }, 60_000);
  },
);
