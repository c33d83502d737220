import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config.js';
import type { Db } from '../src/platform/db/index.js';
import { openPostgres } from '../src/platform/db/postgres.js';
import type { App } from '../src/platform/http/app.js';
import { loggableUrl } from '../src/platform/http/app.js';
import { CLAIM_LEASE_SECONDS, deleteExpiredIdempotencyKeys } from '../src/platform/http/idempotency.js';
import { RATE_LIMITS, rateLimitOf } from '../src/platform/http/rate-limit.js';
import { createApp, createLogger } from '../src/server.js';
import { buildUser, DEFAULT_TEST_PASSWORD } from '../src/testing/builders.js';
import { testConfig, useTestApp } from './helpers/app.js';
import { dropTestDatabases, testDb } from './helpers/db.js';

const t = useTestApp();

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

function expectSecurityHeaders(res: { headers: Record<string, unknown> }, what: string, csp = true) {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(res.headers[k], `${what}: ${k}`).toBe(v);
  if (csp)
    expect(String(res.headers['content-security-policy']), `${what}: CSP`).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
}

describe('security headers', { timeout: 240_000 }, () => {
  it('are on every answer: API, problems, 404s, malformed URLs, wrong types, big bodies, the web page', async () => {
    const admin = await t.newAdmin();
    const cases: [string, Parameters<typeof t.request>[0], number][] = [
      ['API 200', { method: 'GET', url: '/api/health' }, 200],
      ['problem 401', { method: 'GET', url: '/api/v1/me' }, 401],
      ['unknown API route 404', { method: 'GET', url: '/api/v1/finns-inte' }, 404],
      ['unknown id 404', { method: 'GET', url: '/api/v1/groups/00000000-0000-4000-8000-000000000000' }, 404],
      ['overlong path parameter', { method: 'GET', url: `/api/v1/groups/${'x'.repeat(3000)}` }, 400],
      ['malformed URL', { method: 'GET', url: '/api/v1/groups/%E0%A4%A' }, 400],
      [
        'wrong content type 415',
        { method: 'POST', url: '/api/v1/groups', as: admin, payload: 'x', headers: { 'content-type': 'text/plain' } },
        415,
      ],
      [
        'body too large 413',
        { method: 'POST', url: '/api/v1/groups', as: admin, payload: { name: 'x'.repeat(t.config.bodyLimitBytes) } },
        413,
      ],
      [
        'broken JSON 400',
        { method: 'POST', url: '/api/v1/groups', as: admin, payload: '{"a":', headers: { 'content-type': 'application/json' } },
        400,
      ],
      ['the web app (any non-API path)', { method: 'GET', url: '/grupper/123' }, 200],
      ['a static-looking file', { method: 'GET', url: '/assets/finns-inte.js' }, 200],
    ];
    for (const [what, req, status] of cases) {
      const res = await t.request(req);
      expect(res.statusCode, `${what}: ${res.body.slice(0, 200)}`).toBe(status);
      expectSecurityHeaders(res, what);
      if (status >= 400) expect(res.headers['content-type'], what).toMatch(/^application\/problem\+json/);
    }
    // The API reference needs inline scripts (no CSP there), but gets the other headers.
    const docs = await t.request({ method: 'GET', url: '/api/docs/' });
    expectSecurityHeaders(docs, 'API reference', false);
  });

  it('adds HSTS when served over TLS', async () => {
    const db = await testDb();
    const app = await createApp(db, testConfig({ secureCookies: true, publicUrl: 'https://navet.example.se' }), false);
    try {
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    } finally {
      await app.close();
      await db.close();
    }
  });
});

describe('Cache-Control: no-store', { timeout: 240_000 }, () => {
  it('on every signed-in answer (cookie or API key), errors included, and on sign-in itself', async () => {
    const user = await buildUser(t.db);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: DEFAULT_TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect(login.headers['cache-control']).toBe('no-store');
    const session = await t.login(user.email);
    const token = (
      await t.request({ method: 'POST', url: '/api/v1/auth/tokens', as: session, payload: { name: 'cache' } })
    ).json().token as string;
    for (const res of [
      await t.request({ method: 'GET', url: '/api/v1/me', as: session }),
      await t.request({ method: 'GET', url: '/api/v1/groups', as: session }),
      await t.request({ method: 'GET', url: '/api/v1/users', as: session }), // 403
      await t.request({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } }),
      await t.request({ method: 'GET', url: '/api/v1/finns-inte', headers: { authorization: `Bearer ${token}` } }),
    ]) {
      expect(res.headers['cache-control'], `${res.statusCode} ${res.body.slice(0, 100)}`).toBe('no-store');
    }
  });
});

describe('rate limits', { timeout: 240_000 }, () => {
  it('decide a limit for a route by its own option, else by its shape', () => {
    const route = (url: string, extra: Record<string, unknown> = {}) => ({ url, method: 'GET' as const, ...extra });
    expect(rateLimitOf(route('/api/v1/cases/export.csv'))).toEqual(RATE_LIMITS.export);
    expect(rateLimitOf(route('/api/v1/groups/{id}/members.xlsx'))).toEqual(RATE_LIMITS.export);
    expect(rateLimitOf(route('/api/v1/consultation-answers/{id}/document.pdf'))).toEqual(RATE_LIMITS.export);
    expect(rateLimitOf(route('/api/v1/consultation-calendar.ics')), 'calendar feeds are polled').toBeUndefined();
    expect(rateLimitOf(route('/api/v1/cases/exports/{id}'))).toEqual(RATE_LIMITS.export);
    expect(rateLimitOf(route('/api/v1/groups', { schema: { querystring: { properties: { q: {} } } } }))).toEqual(
      RATE_LIMITS.search,
    );
    expect(rateLimitOf(route('/api/v1/groups'))).toBeUndefined();
    expect(rateLimitOf(route('/api/v1/x.csv', { config: { rateLimit: false } }))).toBeUndefined();
    expect(rateLimitOf(route('/api/v1/x', { config: { rateLimit: 'sign-in' } }))).toEqual(RATE_LIMITS['sign-in']);
    const own = { bucket: 'pdf', max: 3, windowSeconds: 10 };
    expect(rateLimitOf({ url: '/api/v1/y', method: 'POST', config: { rateLimit: own } })).toEqual(own);
  });

  it('answer 429 with Retry-After and a problem body after too many searches, per user, counted in the database', async () => {
    const a = await t.newUser();
    const b = await t.newUser();
    const { max } = RATE_LIMITS.search;
    for (let i = 0; i < max; i++) {
      const res = await t.request({ method: 'GET', url: `/api/v1/groups?q=s${i}`, as: a });
      expect(res.statusCode).toBe(200);
    }
    const over = await t.request({ method: 'GET', url: '/api/v1/groups?q=en-till', as: a });
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(over.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(over.json()).toMatchObject({ status: 429, title: expect.any(String), detail: expect.stringMatching(/sökningar/) });
    // Listing without searching is not counted; another user has their own budget.
    expect((await t.request({ method: 'GET', url: '/api/v1/groups', as: a })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/groups?q=x', as: b })).statusCode).toBe(200);
    const rows = await t.db.query<{ hits: number }>('SELECT hits FROM rate_limits WHERE key = $1', [`search:user:${a.userId}`]);
    expect(rows[0]!.hits).toBe(max + 1);
  });

  it('answer 429 after too many exports (attempts count, whatever their answer)', async () => {
    const { max } = RATE_LIMITS.export;
    const url = '/api/v1/people/00000000-0000-4000-8000-000000000000/register-extract.docx';
    const a = await t.newAdmin();
    const statuses: number[] = [];
    for (let i = 0; i <= max; i++) statuses.push((await t.request({ method: 'GET', url, as: a })).statusCode);
    expect(statuses.slice(0, max).every((s) => s !== 429)).toBe(true);
    expect(statuses[max]).toBe(429);
    // Another user is not affected.
    expect((await t.request({ method: 'GET', url, as: await t.newAdmin() })).statusCode).not.toBe(429);
  });
});

describe('Idempotency-Key', { timeout: 240_000 }, () => {
  const group = (name: string) => ({ kind: 'forum', level: 'region', owner: '10', name });
  const count = async (name: string) =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM groups WHERE name = $1', [name]))[0]!.n;

  it('replays the stored answer of a retried write instead of doing it twice', async () => {
    const admin = await t.newAdmin();
    const headers = { 'idempotency-key': 'skapa-forum-1' };
    const first = await t.request({
      method: 'POST',
      url: '/api/v1/groups',
      as: admin,
      headers,
      payload: group('Idempotent forum'),
    });
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await t.request({
      method: 'POST',
      url: '/api/v1/groups',
      as: admin,
      headers,
      payload: group('Idempotent forum'),
    });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await count('Idempotent forum')).toBe(1);
    expect(
      (
        await t.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'create'`,
          [first.json().id],
        )
      )[0]!.n,
    ).toBe(1);
  });

  it('refuses the same key for another request with 422, and another user may use the same key', async () => {
    const admin = await t.newAdmin();
    const headers = { 'idempotency-key': 'nyckel-2' };
    expect(
      (await t.request({ method: 'POST', url: '/api/v1/groups', as: admin, headers, payload: group('Första') })).statusCode,
    ).toBe(201);
    const other = await t.request({ method: 'POST', url: '/api/v1/groups', as: admin, headers, payload: group('Andra') });
    expect(other.statusCode).toBe(422);
    expect(other.json().type).toBe('urn:navet:problem:idempotency-mismatch');
    expect(await count('Andra')).toBe(0);
    const someoneElse = await t.newAdmin();
    expect(
      (await t.request({ method: 'POST', url: '/api/v1/groups', as: someoneElse, headers, payload: group('Andra') })).statusCode,
    ).toBe(201);
  });

  it('leaves nothing behind for a refused request, so a corrected retry runs', async () => {
    const admin = await t.newAdmin();
    const headers = { 'idempotency-key': 'nyckel-3' };
    const bad = await t.request({
      method: 'POST',
      url: '/api/v1/groups',
      as: admin,
      headers,
      payload: { ...group('Rätt'), owner: '99' },
    });
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect((await t.db.query('SELECT 1 FROM idempotency_keys WHERE key = $1', ['nyckel-3'])).length).toBe(0);
    const retry = await t.request({
      method: 'POST',
      url: '/api/v1/groups',
      as: admin,
      headers,
      payload: { ...group('Rätt'), owner: '99' },
    });
    expect(retry.statusCode).toBe(bad.statusCode);
  });

  it('lets exactly one of many simultaneous requests with the same key do the work', async () => {
    const admin = await t.newAdmin();
    const headers = { 'idempotency-key': 'samtidigt' };
    const all = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.request({ method: 'POST', url: '/api/v1/groups', as: admin, headers, payload: group('Samtidigt forum') }),
      ),
    );
    const statuses = all.map((r) => r.statusCode);
    expect(
      statuses.every((s) => s === 201 || s === 409),
      statuses.join(),
    ).toBe(true);
    expect(statuses.filter((s) => s === 201 && true).length).toBeGreaterThanOrEqual(1);
    expect(all.filter((r) => r.statusCode === 201 && !r.headers['idempotent-replayed']).length).toBe(1);
    // A loser either finds the first still running (in progress: try again later) or, on the
    // PostgreSQL server, loses the race to commit the claim (its transaction rolls back).
    for (const r of all.filter((x) => x.statusCode === 409)) {
      if (r.json<{ type: string }>().type === 'urn:navet:problem:idempotency-in-progress') {
        expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(await count('Samtidigt forum')).toBe(1);
  });

  it('lets a retry take over a claim whose request died before committing, and only one of them commits', async () => {
    const admin = await t.newAdmin();
    const payload = group('Övertaget forum');
    // A claim left by a process that died mid-request (never committed), older than the lease.
    await t.db.query(
      `INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, claim_token, claimed_at)
       VALUES ($1, 'dog', 'POST', '/api/v1/groups', $2, gen_random_uuid(), now() - make_interval(secs => $3))`,
      [
        admin.userId,
        (await import('../src/platform/http/idempotency.js')).requestHash('POST', '/api/v1/groups', payload),
        CLAIM_LEASE_SECONDS + 1,
      ],
    );
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/groups',
      as: admin,
      headers: { 'idempotency-key': 'dog' },
      payload,
    });
    expect(res.statusCode).toBe(201);
    expect(await count('Övertaget forum')).toBe(1);
  });

  it('is ignored on reads and for anonymous callers, refuses malformed keys, and expires after a day', async () => {
    const admin = await t.newAdmin();
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/groups', as: admin, headers: { 'idempotency-key': 'läsning' } }))
        .statusCode,
    ).toBe(200);
    const bad = await t.request({
      method: 'POST',
      url: '/api/v1/groups',
      as: admin,
      headers: { 'idempotency-key': 'å'.repeat(3) },
      payload: group('X'),
    });
    expect(bad.statusCode).toBe(400);
    await t.db.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'skapa-forum-1'`);
    expect(await deleteExpiredIdempotencyKeys(t.db)).toBeGreaterThanOrEqual(1);
    expect((await t.db.query(`SELECT 1 FROM idempotency_keys WHERE key = 'skapa-forum-1'`)).length).toBe(0);
  });
});

describe('the database away', { timeout: 240_000 }, () => {
  it('gives 503 with a problem body and Retry-After, not a crash or a 500', async () => {
    const gone: Db = await openPostgres('postgres://navet@127.0.0.1:1/navet', { max: 2 });
    const app = await createApp(gone, testConfig(), false);
    try {
      for (const url of ['/api/health', '/api/v1/groups', '/api/v1/regions']) {
        const res = await app.inject({ method: 'GET', url, headers: { cookie: 'navet_session=x' } });
        expect(res.statusCode, url).toBe(503);
        expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/);
        expect(Number(res.headers['retry-after']), url).toBeGreaterThan(0);
        expect(res.json()).toMatchObject({ status: 503 });
      }
    } finally {
      await app.close();
      await gone.close();
    }
  });
});

describe('logs', { timeout: 240_000 }, () => {
  it('never contain passwords, tokens, session ids, CSRF tokens or personnummer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'navet-log-'));
    const file = join(dir, 'app.log');
    // The application's own logger (its redaction), writing to a file at the most verbose level.
    const log = createLogger({ logLevel: 'trace' });
    const dest = pino.destination({ dest: file, sync: true });
    (log as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = dest;
    let db: Db | undefined;
    let app: App | undefined;
    const secrets: string[] = [];
    const personnummer = ['19121212-1212', '191212121212', '121212-1212', '201001019802', '900101+1234'];
    try {
      db = await testDb();
      app = await createApp(db, { ...loadConfig({}), demo: false, logLevel: 'trace' }, log);
      await app.ready();
      const password = 'Hemligt-lösenord-4711';
      const user = await buildUser(db, { password, roles: [{ role: 'admin', scopeType: 'system', scopeId: '' }] });
      secrets.push(password);
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: 'fel-lösenord-0815' },
      });
      secrets.push('fel-lösenord-0815');
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password } });
      const sid = String(login.headers['set-cookie']).split(';')[0]!.split('=')[1]!;
      const csrf = login.json().csrfToken as string;
      secrets.push(sid, csrf);
      const cookie = `navet_session=${sid}`;
      const token = (
        await app.inject({
          method: 'POST',
          url: '/api/v1/auth/tokens',
          headers: { cookie, 'x-csrf-token': csrf },
          payload: { name: 'logg' },
        })
      ).json().token as string;
      secrets.push(token);
      const bearer = { authorization: `Bearer ${token}` };
      for (const p of personnummer) {
        await app.inject({ method: 'GET', url: `/api/v1/groups?q=${encodeURIComponent(p)}`, headers: bearer });
        await app.inject({ method: 'GET', url: `/api/v1/users?q=${encodeURIComponent(p)}`, headers: bearer });
        await app.inject({ method: 'GET', url: `/api/v1/people/${p}`, headers: bearer });
        await app.inject({
          method: 'POST',
          url: '/api/v1/groups',
          headers: bearer,
          payload: { kind: 'forum', level: 'region', owner: '10', name: `Forum ${p}` },
        });
      }
      // Secrets in query strings (an OIDC callback) and a failing request.
      await app.inject({
        method: 'GET',
        url: `/api/v1/auth/oidc/callback?code=hemlig-kod-123&state=hemligt-state-456&token=${token}`,
      });
      secrets.push('hemlig-kod-123', 'hemligt-state-456');
      await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'x-csrf-token': csrf } });
    } finally {
      await app?.close();
      await db?.close();
      await dropTestDatabases();
    }
    dest.flushSync();
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n').length, 'the workload was logged').toBeGreaterThan(20);
    for (const s of secrets) expect(text.includes(s), `secret ${s.slice(0, 6)}… in the log`).toBe(false);
    for (const p of personnummer) expect(text.includes(p), `personnummer ${p} in the log`).toBe(false);
    // Not inside a hex id (a request id's last group can be twelve digits that start with 19 or 20).
    expect(text).not.toMatch(/(?<![\da-f])(19|20)\d{6}[-+]?\d{4}(?![\da-f])/i);
  });

  it('scrubs secret query values and personnummer from logged URLs', () => {
    expect(loggableUrl('/api/v1/auth/oidc/callback?code=abc&state=def&x=1')).toBe(
      '/api/v1/auth/oidc/callback?code=[dolt]&state=[dolt]&x=1',
    );
    expect(loggableUrl('/api/v1/people?q=19121212-1212&limit=5')).toBe('/api/v1/people?q=[pnr]&limit=5');
    expect(loggableUrl('/api/v1/people/191212121212/x')).toBe('/api/v1/people/[pnr]/x');
    expect(loggableUrl('/api/v1/groups?q=%C3%85sa')).toBe('/api/v1/groups?q=%C3%85sa');
  });
});
