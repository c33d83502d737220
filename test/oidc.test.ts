import type { LightMyRequestResponse } from 'fastify';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { OidcConfig } from '../src/platform/config.js';
import { buildPerson } from '../src/testing/builders.js';
import { problem, useTestApp, type TestApp } from './helpers/app.js';
import { browseToCallback, HSA_CLAIM, LOA2, LOA3, startRealIdp, startScriptedIdp } from './helpers/idp.js';

/**
 * Sign-in through an identity provider, against a real OpenID Connect provider started by
 * the test (oidc-provider) and a scripted one that hands out forged tokens.
 */

const REDIRECT = 'http://localhost:3000/api/v1/auth/oidc/callback';
const real = await startRealIdp([
  { clientId: 'navet', clientSecret: 'navet-hemlighet', redirectUri: REDIRECT },
  { clientId: 'annan-tjanst', clientSecret: 'annan-hemlighet', redirectUri: REDIRECT },
]);
const scripted = await startScriptedIdp();
afterAll(async () => {
  await real.close();
  await scripted.close();
});

const oidc = (issuer: string, over: Partial<OidcConfig> = {}): OidcConfig => ({
  issuer,
  clientId: 'navet',
  clientSecret: 'navet-hemlighet',
  redirectUri: REDIRECT,
  acrValues: [LOA3],
  hsaIdClaim: HSA_CLAIM,
  scope: 'openid profile email',
  displayName: 'SITHS',
  allowInsecure: true,
  ...over,
});

const t = useTestApp({ oidc: oidc(real.issuer) });
const s = useTestApp({ oidc: oidc(scripted.issuer) });

const location = (res: LightMyRequestResponse) => String(res.headers.location);
const sessionCookie = (res: LightMyRequestResponse) => {
  const set = res.headers['set-cookie'];
  const all = Array.isArray(set) ? set : set ? [set] : [];
  return all.map((c) => c.split(';')[0]!).find((c) => c.startsWith('navet_session=') && c.length > 'navet_session='.length);
};

async function begin(app: TestApp, returnTo?: string) {
  const res = await app.request({
    method: 'GET',
    url: `/api/v1/auth/oidc/login${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`,
  });
  expect(res.statusCode).toBe(302);
  return new URL(location(res));
}

const callback = (app: TestApp, url: string) =>
  app.request({ method: 'GET', url: `/api/v1/auth/oidc/callback${url.slice(url.indexOf('?'))}` });

async function signInAtRealIdp(returnTo?: string) {
  const auth = await begin(t, returnTo);
  const back = await browseToCallback(auth.href, REDIRECT);
  return { back, res: await callback(t, back) };
}

const countUsers = async (app: TestApp) => (await app.db.query<{ n: number }>('SELECT count(*) AS n FROM users'))[0]!.n;

describe('sign-in through a real OpenID Connect provider', () => {
  it('sends the browser to the provider with PKCE (S256), state, nonce and the required assurance level', async () => {
    const auth = await begin(t);
    expect(auth.origin).toBe(real.issuer);
    expect(auth.searchParams.get('client_id')).toBe('navet');
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(auth.searchParams.get('state')).toMatch(/.{20,}/);
    expect(auth.searchParams.get('nonce')).toMatch(/.{20,}/);
    expect(auth.searchParams.get('acr_values')).toBe(LOA3);
    expect(auth.searchParams.get('redirect_uri')).toBe(REDIRECT);
  });

  it('signs a new user in on first visit, keyed on HSA-id, and finds the same user the next time', async () => {
    real.account = { sub: 'anv-ny', name: 'Nils Nyström', email: 'nils@region.example', hsaId: 'SE2321000065-2001', acr: LOA3 };
    const before = await countUsers(t);
    const { res } = await signInAtRealIdp('/kunskapsstod');
    expect(location(res)).toBe('/kunskapsstod');
    const cookie = sessionCookie(res);
    expect(cookie).toBeDefined();
    const me = (await t.request({ method: 'GET', url: '/api/v1/me', headers: { cookie: cookie! } })).json();
    expect(me.user).toMatchObject({ name: 'Nils Nyström', email: 'nils@region.example', roles: [] });
    expect(await countUsers(t)).toBe(before + 1);
    const [identity] = await t.db.query<{ hsa_id: string; issuer: string }>(
      'SELECT hsa_id, issuer FROM user_identities WHERE user_id = $1',
      [me.user.id],
    );
    expect(identity).toEqual({ hsa_id: 'SE2321000065-2001', issuer: real.issuer });
    const audit = await t.db.query<{ entity_type: string; action: string }>(
      `SELECT entity_type, action FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, id`,
      [me.user.id],
    );
    expect(audit.map((a) => `${a.entity_type}.${a.action}`)).toEqual(['user.create', 'session.login']);

    // Another name at the provider does not make another user: issuer + HSA-id decide.
    real.account = { ...real.account, name: 'Nils Nyström-Berg', sub: 'anv-ny' };
    const again = await signInAtRealIdp();
    const me2 = (await t.request({ method: 'GET', url: '/api/v1/me', headers: { cookie: sessionCookie(again.res)! } })).json();
    expect(me2.user.id).toBe(me.user.id);
    expect(await countUsers(t)).toBe(before + 1);
    expect(sessionCookie(again.res)).not.toBe(cookie); // a new session id on every sign-in
  });

  it('links the first sign-in to the person whose HSA-id the register already holds', async () => {
    const person = await buildPerson(t.db, { name: 'Pia Personregister', email: 'pia.register@region.example', homeOwner: '10' });
    await t.db.query(`UPDATE persons SET hsa_id = 'SE2321000065-3001' WHERE id = $1`, [person.id]);
    real.account = { sub: 'anv-pia', name: 'P. Register', email: 'annan@region.example', hsaId: 'SE2321000065-3001', acr: LOA3 };
    const { res } = await signInAtRealIdp();
    const me = (await t.request({ method: 'GET', url: '/api/v1/me', headers: { cookie: sessionCookie(res)! } })).json();
    expect(me.user).toMatchObject({ name: 'Pia Personregister', email: 'pia.register@region.example' });
  });

  it('refuses a replayed callback: the state is consumed by the first', async () => {
    real.account = { sub: 'anv-replay', name: 'Rut Replay', hsaId: 'SE2321000065-4001', acr: LOA3 };
    const { back, res } = await signInAtRealIdp();
    expect(sessionCookie(res)).toBeDefined();
    const replay = await callback(t, back);
    expect(location(replay)).toBe('/logga-in?inloggningsfel=unknown-request');
    expect(sessionCookie(replay)).toBeUndefined();
  });

  it('refuses a lower assurance level than configured, and creates no user', async () => {
    real.account = { sub: 'anv-loa2', name: 'Lars Lågtillit', hsaId: 'SE2321000065-5001', acr: LOA2 };
    const before = await countUsers(t);
    const { res } = await signInAtRealIdp();
    expect(location(res)).toBe('/logga-in?inloggningsfel=assurance');
    expect(sessionCookie(res)).toBeUndefined();
    expect(await countUsers(t)).toBe(before);
  });

  it('refuses a code issued to another client (wrong audience)', async () => {
    real.account = { sub: 'anv-annan', name: 'Anna Annan', hsaId: 'SE2321000065-6001', acr: LOA3 };
    const auth = await begin(t);
    auth.searchParams.set('client_id', 'annan-tjanst');
    const back = await browseToCallback(auth.href, REDIRECT);
    expect(new URL(back).searchParams.get('code')).toBeTruthy();
    const res = await callback(t, back);
    expect(location(res)).toBe('/logga-in?inloggningsfel=token-rejected');
    expect(sessionCookie(res)).toBeUndefined();
  });

  it('never redirects to another site after sign-in', async () => {
    real.account = { sub: 'anv-redir', name: 'Rebecka Redirect', hsaId: 'SE2321000065-7001', acr: LOA3 };
    for (const evil of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const { res } = await signInAtRealIdp(evil);
      expect(location(res), evil).toBe('/');
    }
  });

  it('refuses a disabled user', async () => {
    real.account = { sub: 'anv-av', name: 'Dora Disabled', hsaId: 'SE2321000065-8001', acr: LOA3 };
    const first = await signInAtRealIdp();
    const me = (await t.request({ method: 'GET', url: '/api/v1/me', headers: { cookie: sessionCookie(first.res)! } })).json();
    await t.db.query('UPDATE users SET disabled = true WHERE id = $1', [me.user.id]);
    const { res } = await signInAtRealIdp();
    expect(location(res)).toBe('/logga-in?inloggningsfel=disabled');
  });

  it('logs out at the provider too, with the ID token as hint', async () => {
    real.account = { sub: 'anv-ut', name: 'Ulla Utloggning', hsaId: 'SE2321000065-9001', acr: LOA3 };
    const { res } = await signInAtRealIdp();
    const cookie = sessionCookie(res)!;
    const out = await t.request({ method: 'GET', url: '/api/v1/auth/oidc/logout', headers: { cookie } });
    const target = new URL(location(out));
    expect(target.origin).toBe(real.issuer);
    expect(target.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('says which ways in exist', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/auth/providers' });
    expect(res.json()).toEqual({ password: true, oidc: { name: 'SITHS', loginUrl: '/api/v1/auth/oidc/login' } });
  });
});

describe('forged and wrong ID tokens (scripted provider)', () => {
  const claims = (nonce: string, over: Record<string, unknown> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return {
      iss: scripted.issuer,
      aud: 'navet',
      sub: 'skript-1',
      nonce,
      iat: now,
      exp: now + 300,
      acr: LOA3,
      name: 'Sara Skript',
      [HSA_CLAIM]: 'SE2321000065-1101',
      ...over,
    };
  };
  async function tryToken(make: (nonce: string) => string) {
    const auth = await begin(s);
    scripted.nextIdToken = make(auth.searchParams.get('nonce')!);
    return callback(s, `${REDIRECT}?code=kod-123&state=${auth.searchParams.get('state')}`);
  }
  const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

  it('accepts a well-formed token (so the refusals below are for the stated reason)', async () => {
    const res = await tryToken((nonce) => scripted.signIdToken(claims(nonce)));
    expect(location(res)).toBe('/');
    expect(sessionCookie(res)).toBeDefined();
  });

  it.each([
    ['signed with a key the provider does not publish', (n: string) => scripted.signIdToken(claims(n), otherKey)],
    ['for another audience', (n: string) => scripted.signIdToken(claims(n, { aud: 'annan-tjanst' }))],
    ['with another nonce', () => scripted.signIdToken(claims('en-annan-nonce'))],
    ['from another issuer', (n: string) => scripted.signIdToken(claims(n, { iss: 'https://falsk.example' }))],
    ['that has expired', (n: string) => scripted.signIdToken(claims(n, { iat: 1_000_000, exp: 1_000_300 }))],
  ])('refuses a token %s', async (_what, make) => {
    const res = await tryToken(make);
    expect(location(res)).toBe('/logga-in?inloggningsfel=token-rejected');
    expect(sessionCookie(res)).toBeUndefined();
  });

  it('refuses a token without an HSA-id', async () => {
    const res = await tryToken((nonce) => scripted.signIdToken(claims(nonce, { [HSA_CLAIM]: undefined })));
    expect(location(res)).toBe('/logga-in?inloggningsfel=missing-hsa-id');
  });

  it('refuses a callback with a state it never issued', async () => {
    const res = await callback(s, `${REDIRECT}?code=kod-123&state=pahittad-state-som-aldrig-utfardats`);
    expect(location(res)).toBe('/logga-in?inloggningsfel=unknown-request');
  });
});

describe('session timeouts', () => {
  it('ends a session unused for longer than the idle timeout, and the status check does not count as use', async () => {
    const admin = await t.newAdmin();
    const status = (await t.request({ method: 'GET', url: '/api/v1/auth/session', as: admin })).json();
    expect(status.idleMinutes).toBe(30);
    expect(Date.parse(status.absoluteExpiresAt) - Date.now()).toBeGreaterThan(7.9 * 3600_000);

    await t.db.query(`UPDATE sessions SET last_seen_at = now() - interval '29 minutes' WHERE user_id = $1`, [admin.userId]);
    await t.request({ method: 'GET', url: '/api/v1/auth/session', as: admin });
    const [row] = await t.db.query<{ idle: number }>(
      `SELECT extract(epoch FROM now() - last_seen_at)::int AS idle FROM sessions WHERE user_id = $1`,
      [admin.userId],
    );
    expect(row!.idle).toBeGreaterThanOrEqual(29 * 60);

    const extended = await t.request({ method: 'POST', url: '/api/v1/auth/session/extend', as: admin });
    expect(extended.statusCode).toBe(200);
    expect(Date.parse(extended.json().idleExpiresAt) - Date.now()).toBeGreaterThan(29 * 60_000);

    await t.db.query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [admin.userId]);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', as: admin })).statusCode).toBe(401);
  });

  it('ends a session at its absolute end even when it is in use', async () => {
    const admin = await t.newAdmin();
    await t.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [admin.userId]);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', as: admin })).statusCode).toBe(401);
  });
});

describe('password sign-in switched off', () => {
  const off = useTestApp({ passwordLogin: false, oidc: oidc(real.issuer) });
  it('refuses passwords and points to the identity provider', async () => {
    const res = await off.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@example.se', password: 'x' },
    });
    expect(problem(res).status).toBe(403);
    expect(problem(res).body.detail).toContain('SITHS');
    expect((await off.request({ method: 'GET', url: '/api/v1/auth/providers' })).json().password).toBe(false);
  });
});
