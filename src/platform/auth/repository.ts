import type { RoleAssignment } from '../context.js';
import type { Queryable } from '../db/index.js';

/** The only SQL for users, roles, sessions (session-repository.ts), API tokens and rate limits. */

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  locale: 'sv' | 'en';
  disabled: boolean;
  failed_logins: number;
  locked_until: Date | null;
  is_demo: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
  /** Present on list queries: the Swedish sort key, for keyset cursors. */
  sort_key?: string;
}

export interface UserWithRoles extends UserRow {
  roles: RoleAssignment[];
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

async function rolesOf(db: Queryable, userIds: string[]): Promise<Map<string, RoleAssignment[]>> {
  const map = new Map<string, RoleAssignment[]>();
  if (userIds.length === 0) return map;
  const rows = await db.query<{ user_id: string; role: string; scope_type: RoleAssignment['scopeType']; scope_id: string }>(
    `SELECT user_id, role, scope_type, scope_id FROM role_assignments WHERE user_id = ANY($1::uuid[])
     ORDER BY role, scope_type, scope_id`,
    [userIds],
  );
  for (const r of rows) {
    const list = map.get(r.user_id) ?? [];
    list.push({ role: r.role, scopeType: r.scope_type, scopeId: r.scope_id });
    map.set(r.user_id, list);
  }
  return map;
}

async function withRoles(db: Queryable, rows: UserRow[]): Promise<UserWithRoles[]> {
  const roles = await rolesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, roles: roles.get(r.id) ?? [] }));
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserWithRoles | undefined> {
  const rows = await db.query<UserRow>('SELECT * FROM users WHERE email = $1', [normaliseEmail(email)]);
  return (await withRoles(db, rows))[0];
}

export async function findUserById(
  db: Queryable,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<UserWithRoles | undefined> {
  const rows = await db.query<UserRow>(`SELECT * FROM users WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return (await withRoles(db, rows))[0];
}

export async function listUsers(
  db: Queryable,
  opts: { limit: number; after?: [string, string]; q?: string },
): Promise<UserWithRoles[]> {
  const params: unknown[] = [opts.limit + 1];
  const where: string[] = [];
  if (opts.after) {
    params.push(opts.after[0], opts.after[1]);
    where.push(`(sv_key(name) COLLATE "C", id) > ($2::text COLLATE "C", $3::uuid)`);
  }
  if (opts.q) {
    params.push(`%${opts.q.toLowerCase()}%`);
    where.push(`(lower(name) LIKE $${params.length} OR email LIKE $${params.length})`);
  }
  const rows = await db.query<UserRow>(
    `SELECT *, sv_key(name) AS sort_key FROM users ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY sv_key(name) COLLATE "C", id LIMIT $1`,
    params,
  );
  return withRoles(db, rows);
}

export async function insertUser(
  db: Queryable,
  u: { email: string; name: string; passwordHash: string | null; locale?: 'sv' | 'en'; isDemo?: boolean },
): Promise<UserRow> {
  const [row] = await db.query<UserRow>(
    `INSERT INTO users (email, name, password_hash, locale, is_demo) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [normaliseEmail(u.email), u.name.trim(), u.passwordHash, u.locale ?? 'sv', u.isDemo ?? false],
  );
  return row!;
}

/** Optimistic update: returns undefined when the version did not match (nothing changed). */
export async function updateUser(
  db: Queryable,
  id: string,
  expectedVersion: number,
  patch: { name?: string; disabled?: boolean; locale?: 'sv' | 'en'; passwordHash?: string },
): Promise<UserRow | undefined> {
  const [row] = await db.query<UserRow>(
    `UPDATE users SET
       name = COALESCE($3, name),
       disabled = COALESCE($4, disabled),
       locale = COALESCE($5, locale),
       password_hash = COALESCE($6, password_hash),
       failed_logins = CASE WHEN $6::text IS NULL THEN failed_logins ELSE 0 END,
       locked_until = CASE WHEN $6::text IS NULL THEN locked_until ELSE NULL END,
       version = version + 1,
       updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING *`,
    [id, expectedVersion, patch.name ?? null, patch.disabled ?? null, patch.locale ?? null, patch.passwordHash ?? null],
  );
  return row;
}

/** Whether the scope a role is held at exists: a healthcare region, a region or a group. */
export async function scopeExists(
  db: Queryable,
  scopeType: 'healthcare-region' | 'region' | 'group',
  id: string,
): Promise<boolean> {
  const sql = {
    'healthcare-region': 'SELECT 1 FROM healthcare_regions WHERE id = $1',
    region: 'SELECT 1 FROM regions WHERE code = $1',
    group: 'SELECT 1 FROM groups WHERE id::text = $1',
  }[scopeType];
  return (await db.query(sql, [id])).length > 0;
}

/**
 * Sets the roles given by hand. Roles held through a directory group (scim_group_id set) are the
 * directory's: they stay until the user leaves the group, and a hand-given copy of one is not
 * stored twice (ON CONFLICT).
 */
export async function replaceRoles(db: Queryable, userId: string, roles: RoleAssignment[]): Promise<void> {
  await db.query('DELETE FROM role_assignments WHERE user_id = $1 AND scim_group_id IS NULL', [userId]);
  for (const r of roles) {
    await db.query(
      `INSERT INTO role_assignments (user_id, role, scope_type, scope_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [userId, r.role, r.scopeType, r.scopeType === 'system' ? '' : r.scopeId],
    );
  }
}

/**
 * Counts a wrong password; the account locks at `lockAfter` failures in a row (and again at each
 * failure after a lock has run out). `newlyLocked`: this failure set the lock (the row is locked
 * first, so of two failures at once only one reports it).
 */
export async function recordFailedLogin(db: Queryable, userId: string, lockAfter: number, lockMinutes: number) {
  const [before] = await db.query<{ locked: boolean }>(
    'SELECT COALESCE(locked_until > now(), false) AS locked FROM users WHERE id = $1 FOR UPDATE',
    [userId],
  );
  const [row] = await db.query<{ failed_logins: number; locked_until: Date | null; locked: boolean }>(
    `UPDATE users SET failed_logins = failed_logins + 1,
       locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
     WHERE id = $1 RETURNING failed_logins, locked_until, COALESCE(locked_until > now(), false) AS locked`,
    [userId, lockAfter, lockMinutes],
  );
  return { failed_logins: row!.failed_logins, locked_until: row!.locked_until, newlyLocked: row!.locked && !before!.locked };
}

export async function recordSuccessfulLogin(db: Queryable, userId: string): Promise<void> {
  await db.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [userId]);
}

// Sessions

export {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  findLiveSession,
  findSessionActor,
  insertSession,
  type SessionRow,
} from './session-repository.js';

export interface TokenRow {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date;
  revoked_at: Date | null;
}

export async function insertToken(
  db: Queryable,
  t: { userId: string; name: string; hash: string; prefix: string; validDays: number },
) {
  const [row] = await db.query<TokenRow>(
    `INSERT INTO api_tokens (user_id, name, token_hash, prefix, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(days => $5))
     RETURNING id, user_id, name, prefix, created_at, last_used_at, expires_at, revoked_at`,
    [t.userId, t.name, t.hash, t.prefix, t.validDays],
  );
  return row!;
}

export async function findUserIdByToken(db: Queryable, hash: string): Promise<string | undefined> {
  const rows = await db.query<{ user_id: string; id: string; last_used_at: Date | null }>(
    `SELECT t.user_id, t.id, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now()
       AND NOT u.disabled`,
    [hash],
  );
  const t = rows[0];
  if (t && (!t.last_used_at || Date.now() - t.last_used_at.getTime() > 60_000)) {
    await db.query('UPDATE api_tokens SET last_used_at = now() WHERE id = $1', [t.id]);
  }
  return t?.user_id;
}

export async function listTokens(db: Queryable, userId: string): Promise<TokenRow[]> {
  return db.query<TokenRow>(
    `SELECT id, user_id, name, prefix, created_at, last_used_at, expires_at, revoked_at FROM api_tokens
     WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC, id`,
    [userId],
  );
}

export async function revokeToken(db: Queryable, userId: string, id: string): Promise<TokenRow | undefined> {
  const [row] = await db.query<TokenRow>(
    `UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL
     RETURNING id, user_id, name, prefix, created_at, last_used_at, expires_at, revoked_at`,
    [id, userId],
  );
  return row;
}

/** Every live token of a user, revoked at once (a changed password, a disabled user). */
export async function revokeTokensOfUser(db: Queryable, userId: string): Promise<TokenRow[]> {
  return db.query<TokenRow>(
    `UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL
     RETURNING id, user_id, name, prefix, created_at, last_used_at, expires_at, revoked_at`,
    [userId],
  );
}

// Rate limits: a fixed window per key, shared by every app process through the database.

/** Counts `count` hits (one by default) in the key's current window; a new window starts at its first hit. */
export async function hitRateLimit(
  db: Queryable,
  key: string,
  windowSeconds: number,
  count = 1,
): Promise<{ hits: number; resetAt: Date }> {
  const [row] = await db.query<{ hits: number; window_start: Date }>(
    `INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, now(), $3)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN rate_limits.window_start <= now() - make_interval(secs => $2) THEN $3 ELSE rate_limits.hits + $3 END,
       window_start = CASE WHEN rate_limits.window_start <= now() - make_interval(secs => $2) THEN now() ELSE rate_limits.window_start END
     RETURNING hits, window_start`,
    [key, windowSeconds, count],
  );
  return { hits: row!.hits, resetAt: new Date(row!.window_start.getTime() + windowSeconds * 1000) };
}

export async function deleteStaleRateLimits(db: Queryable, olderThanSeconds: number): Promise<void> {
  await db.query('DELETE FROM rate_limits WHERE window_start < now() - make_interval(secs => $1)', [olderThanSeconds]);
}

// Sign-in through an identity provider

export async function insertOidcRequest(
  db: Queryable,
  r: { stateHash: string; nonce: string; codeVerifier: string; returnTo: string; ttlMinutes: number },
): Promise<void> {
  await db.query('DELETE FROM oidc_requests WHERE expires_at <= now()');
  await db.query(
    `INSERT INTO oidc_requests (state_hash, nonce, code_verifier, return_to, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))`,
    [r.stateHash, r.nonce, r.codeVerifier, r.returnTo, r.ttlMinutes],
  );
}

/** Consumes the request: a second callback with the same state finds nothing (no replay). */
export async function takeOidcRequest(
  db: Queryable,
  stateHash: string,
): Promise<{ nonce: string; code_verifier: string; return_to: string } | undefined> {
  const [row] = await db.query<{ nonce: string; code_verifier: string; return_to: string }>(
    `DELETE FROM oidc_requests WHERE state_hash = $1 AND expires_at > now() RETURNING nonce, code_verifier, return_to`,
    [stateHash],
  );
  return row;
}

export async function findUserIdByIdentity(db: Queryable, issuer: string, hsaId: string): Promise<string | undefined> {
  const [row] = await db.query<{ user_id: string }>(
    `UPDATE user_identities SET last_sign_in_at = now() WHERE issuer = $1 AND hsa_id = $2 RETURNING user_id`,
    [issuer, hsaId],
  );
  return row?.user_id;
}

export async function findUserIdByHsaId(db: Queryable, hsaId: string): Promise<string | undefined> {
  const [row] = await db.query<{ id: string }>('SELECT id FROM users WHERE hsa_id = $1', [hsaId]);
  return row?.id;
}

/** The person register is where an administrator first records someone's HSA-id. */
export async function findPersonByHsaId(
  db: Queryable,
  hsaId: string,
): Promise<{ name: string; email: string | null } | undefined> {
  const [row] = await db.query<{ name: string; email: string | null }>('SELECT name, email FROM persons WHERE hsa_id = $1', [
    hsaId,
  ]);
  return row;
}

export async function linkIdentity(
  db: Queryable,
  i: { issuer: string; hsaId: string; subject: string; userId: string },
): Promise<void> {
  await db.query('UPDATE users SET hsa_id = $2 WHERE id = $1 AND hsa_id IS NULL', [i.userId, i.hsaId]);
  await db.query(`INSERT INTO user_identities (issuer, hsa_id, subject, user_id) VALUES ($1, $2, $3, $4)`, [
    i.issuer,
    i.hsaId,
    i.subject,
    i.userId,
  ]);
}

export async function touchSession(db: Queryable, idHash: string): Promise<void> {
  await db.query('UPDATE sessions SET last_seen_at = now() WHERE id_hash = $1', [idHash]);
}
