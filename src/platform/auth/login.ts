import { recordAudit } from '../audit/record.js';
import type { Ctx } from '../context.js';
import type { Db } from '../db/index.js';
import { Problem, tooManyRequests } from '../errors.js';
import { verifyPassword } from './passwords.js';
import * as repo from './repository.js';
import { randomToken, sha256 } from './secrets.js';

export const LOGIN_LOCK_AFTER = 5;
export const LOGIN_LOCK_MINUTES = 15;
export const LOGIN_IP_WINDOW_SECONDS = 300;

const badCredentials = () => new Problem(401, 'Inloggningen misslyckades', 'Fel e-postadress eller lösenord.');

export interface LoginResult {
  user: repo.UserWithRoles;
  sessionId: string;
  csrfToken: string;
}

/**
 * Password sign-in. Throttled per client address; an account is locked for a while after
 * repeated failures. Failures say the same thing whether or not the account exists.
 */
export async function login(
  db: Db,
  ctx: Ctx,
  input: { email: string; password: string; clientIp: string; ttlHours: number; ipLimit: number },
): Promise<LoginResult> {
  const ip = await repo.hitRateLimit(db, `login:ip:${input.clientIp}`, LOGIN_IP_WINDOW_SECONDS);
  if (ip.hits > input.ipLimit) {
    const wait = Math.max(1, Math.ceil((ip.resetAt.getTime() - Date.now()) / 1000));
    throw tooManyRequests(`För många inloggningsförsök från din adress. Försök igen om ${Math.ceil(wait / 60)} minuter.`, wait);
  }
  const user = await repo.findUserByEmail(db, input.email);
  if (user?.locked_until && user.locked_until.getTime() > Date.now()) {
    const wait = Math.ceil((user.locked_until.getTime() - Date.now()) / 1000);
    throw tooManyRequests(
      `Kontot är tillfälligt låst efter ${LOGIN_LOCK_AFTER} misslyckade försök. Försök igen om ${Math.ceil(wait / 60)} minuter.`,
      wait,
    );
  }
  const ok = await verifyPassword(user?.password_hash, input.password);
  if (!user || !ok || user.disabled) {
    if (user && !ok) {
      await db.transaction(async (tx) => {
        const after = await repo.recordFailedLogin(tx, user.id, LOGIN_LOCK_AFTER, LOGIN_LOCK_MINUTES);
        if (after.failed_logins === LOGIN_LOCK_AFTER) {
          await recordAudit(tx, ctx, {
            entityType: 'user',
            entityId: user.id,
            action: 'login-locked',
            after: { lockedUntil: after.locked_until },
          });
        }
      });
    }
    throw badCredentials();
  }
  const sessionId = randomToken();
  const csrfToken = randomToken();
  await db.transaction(async (tx) => {
    await repo.recordSuccessfulLogin(tx, user.id);
    await repo.insertSession(tx, { idHash: sha256(sessionId), userId: user.id, csrfToken, ttlHours: input.ttlHours });
    await recordAudit(
      tx,
      { ...ctx, actor: actorOf(user, 'session') },
      {
        entityType: 'session',
        entityId: user.id,
        action: 'login',
      },
    );
  });
  return { user, sessionId, csrfToken };
}

export function actorOf(user: repo.UserWithRoles, via: 'session' | 'token') {
  return { userId: user.id, email: user.email, name: user.name, roles: user.roles, via };
}

export async function logout(db: Db, ctx: Ctx, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await repo.deleteSession(tx, sha256(sessionId));
    if (ctx.actor) await recordAudit(tx, ctx, { entityType: 'session', entityId: ctx.actor.userId, action: 'logout' });
  });
}
