import { describe, expect, it } from 'vitest';
import { buildUser, DEFAULT_TEST_PASSWORD } from '../src/testing/builders.js';
import { LOGIN_LOCK_AFTER } from '../src/platform/auth/login.js';
import { hashPassword, verifyPassword } from '../src/platform/auth/passwords.js';
import { loadConfig } from '../src/platform/config.js';
import { problem, useTestApp } from './helpers/app.js';

const t = useTestApp();

describe('sign-in with a session cookie', () => {
  it('logs in, sets an HttpOnly SameSite=Lax cookie, and /me returns the user with roles', async () => {
    const u = await buildUser(t.db, { roles: [{ role: 'samordnare', scopeType: 'region', scopeId: '07' }] });
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: u.email.toUpperCase(), password: DEFAULT_TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^navet_session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const { csrfToken, user } = res.json();
    expect(user).toMatchObject({ email: u.email, roles: [{ role: 'samordnare', scopeType: 'region', scopeId: '07' }] });
    const me = await t.request({ method: 'GET', url: '/api/v1/me', headers: { cookie: cookie.split(';')[0]! } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { id: user.id }, csrfToken });
    expect(me.headers['cache-control']).toBe('no-store');
  });

  it('answers wrong password and unknown account alike with 401', async () => {
    const u = await buildUser(t.db);
    const wrong = problem(
      await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: 'fel-lösenord-fel' } }),
    );
    const unknown = problem(
      await t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'ingen@example.se', password: 'fel-lösenord-fel' },
      }),
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('locks the account after repeated failures, even for the right password, and answers like an unknown account', async () => {
    const u = await buildUser(t.db);
    const login = (email: string, password: string) =>
      t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    for (let i = 0; i < LOGIN_LOCK_AFTER; i++) expect((await login(u.email, `fel-${i}`)).statusCode).toBe(401);
    const locked = await login(u.email, DEFAULT_TEST_PASSWORD);
    const lockedWrong = await login(u.email, 'fel-igen-fel');
    const unknown = await login(`ingen-${u.id}@example.se`, DEFAULT_TEST_PASSWORD);
    for (const res of [locked, lockedWrong]) {
      expect(res.statusCode).toBe(unknown.statusCode);
      expect(res.statusCode).toBe(401);
      expect(res.body).toBe(unknown.body);
      expect(res.headers['retry-after']).toBeUndefined();
      expect(res.headers['content-type']).toBe(unknown.headers['content-type']);
    }
    const audit = await t.db.query<{ action: string; after: { failedLogins: number } }>(
      `SELECT action, after FROM audit_events WHERE entity_id = $1 AND action = 'login-locked'`,
      [u.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after.failedLogins).toBe(LOGIN_LOCK_AFTER);
    // The owner learns of the lock by e-mail (through the outbox), exactly once.
    const mails = await t.db.query<{ subject: string; body_text: string }>(
      'SELECT subject, body_text FROM outbound_emails WHERE to_address = $1',
      [u.email],
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('låst');
    expect(mails[0]!.body_text).toContain(`${LOGIN_LOCK_AFTER} gånger`);
    const [job] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM jobs WHERE queue = 'email.send' AND payload->>'emailId' IN
         (SELECT id::text FROM outbound_emails WHERE to_address = $1)`,
      [u.email],
    );
    expect(job!.n).toBe(1);
    // Once the lock has run out, the next wrong password locks again: audited and told again.
    await t.db.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`, [u.id]);
    expect((await login(u.email, 'fel-igen-igen')).body).toBe(unknown.body);
    const audits = await t.db.query(`SELECT 1 FROM audit_events WHERE entity_id = $1 AND action = 'login-locked'`, [u.id]);
    expect(audits).toHaveLength(2);
    const mailed = await t.db.query('SELECT 1 FROM outbound_emails WHERE to_address = $1', [u.email]);
    expect(mailed).toHaveLength(2);
  });

  it('spends the same password check on an unknown address as on a known one', async () => {
    const u = await buildUser(t.db);
    const hashed = await hashPassword('ett-riktigt-lösenord-1');
    const timed = async (fn: () => Promise<unknown>) => {
      const start = performance.now();
      await fn();
      return performance.now() - start;
    };
    const login = (email: string) =>
      timed(() => t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'fel-lösenord-fel' } }));
    await login(u.email); // warm up
    // The time of one password check (argon2) against a sign-in with an address nobody has,
    // interleaved and the fastest of each kept: other work on a loaded machine only adds time.
    const check: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      check.push(await timed(() => verifyPassword(hashed, 'fel-lösenord-fel')));
      unknown.push(await login(`ingen-${i}-${u.id}@example.se`));
    }
    // argon2 dominates: an unknown address is not answered in a fraction of a check's time.
    expect(Math.min(...unknown)).toBeGreaterThan(Math.min(...check) * 0.5);
  });

  it('needs no session for /me: anonymous gets 401', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token (403) and accepts it with', async () => {
    const s = await t.newUser();
    const without = await t.request({ method: 'POST', url: '/api/v1/auth/tokens', as: s, csrf: false, payload: { name: 'x' } });
    expect(without.statusCode).toBe(403);
    expect(problem(without).body.detail).toContain('CSRF');
    const wrong = await t.request({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      as: s,
      csrf: false,
      headers: { 'x-csrf-token': 'nej' },
      payload: { name: 'x' },
    });
    expect(wrong.statusCode).toBe(403);
    const { n } = (await t.db.query<{ n: number }>('SELECT count(*) AS n FROM api_tokens WHERE user_id = $1', [s.userId]))[0]!;
    expect(n).toBe(0);
    expect((await t.request({ method: 'POST', url: '/api/v1/auth/tokens', as: s, payload: { name: 'x' } })).statusCode).toBe(201);
  });

  it('logs out: the session no longer works', async () => {
    const s = await t.newUser();
    expect((await t.request({ method: 'POST', url: '/api/v1/auth/logout', as: s })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', as: s })).statusCode).toBe(401);
  });
});

describe('personal API tokens', () => {
  it('act as the user with Bearer and need no CSRF token; revoked tokens stop working', async () => {
    const s = await t.newUser();
    const created = await t.request({ method: 'POST', url: '/api/v1/auth/tokens', as: s, payload: { name: 'Intranätet' } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^nvt_/);
    const [stored] = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE id = $1', [id]);
    expect(stored!.token_hash).not.toContain(token.slice(4));
    const bearer = { authorization: `Bearer ${token}` };
    const me = await t.request({ method: 'GET', url: '/api/v1/me', headers: bearer });
    expect(me.json()).toMatchObject({ user: { id: s.userId }, csrfToken: null });
    const second = await t.request({ method: 'POST', url: '/api/v1/auth/tokens', as: s, payload: { name: 'Skript' } });
    expect(second.statusCode).toBe(201);
    const list = await t.request({ method: 'GET', url: '/api/v1/auth/tokens', headers: bearer });
    expect(
      list
        .json()
        .items.map((x: { name: string }) => x.name)
        .sort(),
    ).toEqual(['Intranätet', 'Skript']);
    expect(JSON.stringify(list.json())).not.toContain(token);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/auth/tokens/${id}`, as: s })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(401);
  });

  it("cannot revoke someone else's token (404) and rejects malformed bearer headers (401)", async () => {
    const a = await t.newUser();
    const b = await t.newUser();
    const { id } = (await t.request({ method: 'POST', url: '/api/v1/auth/tokens', as: a, payload: { name: 'a' } })).json();
    expect((await t.request({ method: 'DELETE', url: `/api/v1/auth/tokens/${id}`, as: b })).statusCode).toBe(404);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer nvt_fake' } })).statusCode,
    ).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Basic abc' } })).statusCode).toBe(401);
  });

  it('cannot be made with a token: only a signed-in session mints tokens (403, nothing created)', async () => {
    const s = await t.newUser();
    const { token } = (await t.request({ method: 'POST', url: '/api/v1/auth/tokens', as: s, payload: { name: 'Läckt' } })).json();
    const bearer = { authorization: `Bearer ${token}` };
    const minted = problem(
      await t.request({ method: 'POST', url: '/api/v1/auth/tokens', headers: bearer, payload: { name: 'Bakdörr' } }),
    );
    expect(minted.status).toBe(403);
    expect(minted.type).toContain('application/problem+json');
    expect(minted.body.detail).toContain('API-nyckel kan inte skapa');
    const names = await t.db.query<{ name: string }>('SELECT name FROM api_tokens WHERE user_id = $1', [s.userId]);
    expect(names.map((r) => r.name)).toEqual(['Läckt']);
    // The token may still revoke itself, and then it is gone for good.
    const [{ id }] = (await t.request({ method: 'GET', url: '/api/v1/auth/tokens', headers: bearer })).json().items;
    expect((await t.request({ method: 'DELETE', url: `/api/v1/auth/tokens/${id}`, headers: bearer })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(401);
  });

  it('expire: 90 days by default, shown on creation and in the list, and refused afterwards', async () => {
    const s = await t.newUser();
    const before = Date.now();
    const created = await t.request({ method: 'POST', url: '/api/v1/auth/tokens', as: s, payload: { name: 'Rapport' } });
    expect(created.statusCode).toBe(201);
    const { id, token, expiresAt } = created.json<{ id: string; token: string; expiresAt: string }>();
    const days = (Date.parse(expiresAt) - before) / 86_400_000;
    expect(days).toBeGreaterThan(89.99);
    expect(days).toBeLessThan(90.01);
    expect(t.config.apiTokenDays).toBe(90);
    const listed = (await t.request({ method: 'GET', url: '/api/v1/auth/tokens', as: s })).json().items;
    expect(listed).toEqual([expect.objectContaining({ id, expiresAt })]);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.request({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(200);
    await t.db.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
    const expired = problem(await t.request({ method: 'GET', url: '/api/v1/me', headers: bearer }));
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toContain('gått ut');
    // An expired token stays in the list (with its end), so its owner sees why a script stopped.
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/tokens', as: s })).json().items[0].id).toBe(id);
  });

  it('every token has an end: the column refuses a token without one', async () => {
    const s = await t.newUser();
    await expect(
      t.db.query(`INSERT INTO api_tokens (user_id, name, token_hash, prefix, expires_at) VALUES ($1, 'x', 'h', 'p', NULL)`, [
        s.userId,
      ]),
    ).rejects.toThrow();
  });
});

describe('the API token lifetime setting', () => {
  it('reads NAVET_API_TOKEN_DAYS and refuses nonsense', () => {
    expect(loadConfig({}).apiTokenDays).toBe(90);
    expect(loadConfig({ NAVET_API_TOKEN_DAYS: '30' }).apiTokenDays).toBe(30);
    expect(() => loadConfig({ NAVET_API_TOKEN_DAYS: '0' })).toThrow(/NAVET_API_TOKEN_DAYS/);
    expect(() => loadConfig({ NAVET_API_TOKEN_DAYS: 'en månad' })).toThrow(/NAVET_API_TOKEN_DAYS/);
  });
});
