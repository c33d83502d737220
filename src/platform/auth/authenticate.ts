import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/app.js';
import { forbidden, unauthorized } from '../errors.js';
import { rememberVersionsReadFirst } from '../db/read-first.js';
import { actorOf } from './login.js';
import * as repo from './repository.js';
import { safeEqual, sha256, TOKEN_PREFIX } from './secrets.js';

export const SESSION_COOKIE = 'navet_session';
/** Over TLS the cookie gets the __Host- prefix: Secure, Path=/, no Domain. */
export const sessionCookieName = (secure: boolean) => (secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes that read the session's state without counting as use (else the UI's check would keep it alive). */
export const SESSION_STATUS_URL = '/api/v1/auth/session';

/**
 * Resolves the caller on every /api request: a bearer API token, or a session cookie.
 * Cookie-authenticated writes must carry the session's CSRF token in X-CSRF-Token.
 * Roles are read on every request, so a changed role takes effect on the very next one.
 */
export async function authenticate({ db, config }: AppDeps, req: FastifyRequest): Promise<void> {
  const auth = req.headers.authorization;
  if (auth !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!m?.[1] || !m[1].startsWith(TOKEN_PREFIX))
      throw unauthorized('Ogiltig Authorization-rubrik. Använd "Bearer <API-nyckel>".');
    const userId = await repo.findUserIdByToken(db, sha256(m[1]));
    const user = userId ? await repo.findUserById(db, userId) : undefined;
    if (!user || user.disabled) throw unauthorized('API-nyckeln är ogiltig, återkallad eller har gått ut.');
    req.ctx.actor = actorOf(user, 'token');
    return;
  }
  const sid = req.cookies[sessionCookieName(config.secureCookies)];
  if (!sid) return;
  const touch = !(req.method === 'GET' && req.routeOptions.url === SESSION_STATUS_URL);
  const found = await repo.findSessionActor(db, sha256(sid), config.sessionIdleMinutes, touch);
  if (!found) return;
  const { session, user } = found;
  req.ctx.actor = actorOf(user, 'session');
  req.sessionId = sid;
  // A read answered from the cache then costs no second round trip (read versions before data).
  if (SAFE_METHODS.has(req.method)) rememberVersionsReadFirst(req.ctx, found.readVersions);
  if (!SAFE_METHODS.has(req.method) && req.routeOptions.url !== '/api/v1/auth/login') {
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, session.csrf_token)) {
      throw forbidden('CSRF-token saknas eller är fel. Skicka X-CSRF-Token från inloggningen.');
    }
  }
}

export async function csrfTokenOf({ db, config }: AppDeps, sid: string): Promise<string | undefined> {
  return (await repo.findLiveSession(db, sha256(sid), config.sessionIdleMinutes))?.csrf_token;
}

export interface SessionStatus {
  idleMinutes: number;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
  /** The server's clock, so the browser can correct for its own. */
  serverTime: string;
  method: 'password' | 'oidc';
}

/** When the caller's session ends, read without extending it. */
export async function sessionStatus({ db, config }: AppDeps, sid: string): Promise<SessionStatus | undefined> {
  const s = await repo.findLiveSession(db, sha256(sid), config.sessionIdleMinutes, false);
  if (!s) return undefined;
  const idleEnd = new Date(s.last_seen_at.getTime() + config.sessionIdleMinutes * 60_000);
  return {
    idleMinutes: config.sessionIdleMinutes,
    idleExpiresAt: (idleEnd < s.expires_at ? idleEnd : s.expires_at).toISOString(),
    absoluteExpiresAt: s.expires_at.toISOString(),
    serverTime: new Date().toISOString(),
    method: s.method,
  };
}
