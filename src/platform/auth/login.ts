import './audit.js';
import { recordAudit } from '../audit/record.js';
import type { Ctx } from '../context.js';
import type { Db } from '../db/index.js';
import { Problem, tooManyRequests } from '../errors.js';
import { queueEmail } from '../jobs/email.js';
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
 * repeated failures (audited, and the owner is told by e-mail). Failures, locked accounts
 * included, say the same thing whether or not the account exists.
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
  // The password is always checked (against a dummy when there is no account), and a locked
  // account answers exactly like an unknown one: the answer tells nobody who has an account.
  const ok = await verifyPassword(user?.password_hash, input.password);
  const locked = !!user?.locked_until && user.locked_until.getTime() > Date.now();
  if (!user || !ok || user.disabled || locked) {
    if (user && !ok && !locked) {
      await db.transaction(async (tx) => {
        const after = await repo.recordFailedLogin(tx, user.id, LOGIN_LOCK_AFTER, LOGIN_LOCK_MINUTES);
        if (after.newlyLocked) {
          await recordAudit(tx, ctx, {
            entityType: 'user',
            entityId: user.id,
            action: 'login-locked',
            after: { lockedUntil: after.locked_until, failedLogins: after.failed_logins, clientIp: input.clientIp },
          });
          if (!user.disabled) await queueEmail(tx, lockNotice(user.email, after, input.clientIp));
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

/** The e-mail the owner gets when their account is locked: they learn of it, the caller does not. */
export function lockNotice(to: string, lock: { failed_logins: number; locked_until: Date | null }, clientIp: string) {
  const until = lock.locked_until
    ? lock.locked_until.toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' })
    : 'en stund';
  return {
    to,
    subject: 'Ditt Navet-konto är tillfälligt låst',
    text: [
      `Någon har angett fel lösenord för ditt konto i Navet ${lock.failed_logins} gånger i rad, senast från adressen ${clientIp}.`,
      `Kontot är därför låst för inloggning med lösenord till ${until}.`,
      '',
      'Var det du, behöver du inte göra något: vänta och försök igen.',
      'Var det inte du, kan någon ha försökt gissa ditt lösenord. Byt lösenord när låset har släppt, eller be en systemadministratör om hjälp.',
    ].join('\n'),
  };
}

export function actorOf(user: Pick<repo.UserWithRoles, 'id' | 'email' | 'name' | 'roles'>, via: 'session' | 'token') {
  return { userId: user.id, email: user.email, name: user.name, roles: user.roles, via };
}

export async function logout(db: Db, ctx: Ctx, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await repo.deleteSession(tx, sha256(sessionId));
    if (ctx.actor) await recordAudit(tx, ctx, { entityType: 'session', entityId: ctx.actor.userId, action: 'logout' });
  });
}
