import type { Queryable } from '../../platform/db/index.js';
import { Filters } from '../../platform/db/sql.js';
import type { UserCriterion } from './rules/filter.js';
import type { ScimUserRow } from './rules/user-mapping.js';

/** The only SQL for SCIM clients and provisioned users. Credentials are hashes; rows never carry them. */

export interface ScimClientRow {
  id: string;
  name: string;
  owner: string;
  prefix: string;
  createdAt: Date;
  rotatedAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  version: number;
}

const CLIENT = `SELECT id, name, owner, prefix, created_at AS "createdAt", rotated_at AS "rotatedAt",
  last_used_at AS "lastUsedAt", revoked_at AS "revokedAt", version FROM scim_clients`;

export async function insertClient(
  db: Queryable,
  c: { name: string; owner: string; hash: string; prefix: string; createdBy: string | null },
): Promise<ScimClientRow> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO scim_clients (name, owner, token_hash, prefix, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [c.name, c.owner, c.hash, c.prefix, c.createdBy],
  );
  return (await getClient(db, row!.id))!;
}

export async function getClient(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}) {
  return (await db.query<ScimClientRow>(`${CLIENT} WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [id]))[0];
}

export async function listClients(db: Queryable, owners: string[] | undefined): Promise<ScimClientRow[]> {
  return db.query<ScimClientRow>(
    `${CLIENT} WHERE revoked_at IS NULL AND ($1::text[] IS NULL OR owner = ANY($1::text[])) ORDER BY sv_key(name) COLLATE "C", id`,
    [owners ?? null],
  );
}

export async function rotateClient(db: Queryable, id: string, version: number, hash: string, prefix: string) {
  const rows = await db.query<{ id: string }>(
    `UPDATE scim_clients SET token_hash = $3, prefix = $4, rotated_at = now(), version = version + 1
     WHERE id = $1 AND version = $2 AND revoked_at IS NULL RETURNING id`,
    [id, version, hash, prefix],
  );
  return rows[0] ? getClient(db, id) : undefined;
}

export async function revokeClient(db: Queryable, id: string) {
  const rows = await db.query<{ id: string }>(
    `UPDATE scim_clients SET revoked_at = now(), version = version + 1 WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
    [id],
  );
  return rows[0] ? getClient(db, id) : undefined;
}

/** The live client a credential belongs to; its last use is written at most once a minute. */
export async function findClientByTokenHash(db: Queryable, hash: string) {
  const [row] = await db.query<{ id: string; name: string; owner: string }>(
    'SELECT id, name, owner FROM scim_clients WHERE token_hash = $1 AND revoked_at IS NULL',
    [hash],
  );
  if (row) {
    await db.query(
      `UPDATE scim_clients SET last_used_at = now()
       WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [row.id],
    );
  }
  return row ? { id: row.id, name: row.name, owner: row.owner } : undefined;
}

// Provisioned users

const USER = `SELECT u.id, u.email, u.name, u.hsa_id AS "hsaId", u.disabled, u.version, u.created_at AS "createdAt",
  u.updated_at AS "updatedAt", s.user_name AS "userName", s.given_name AS "givenName", s.family_name AS "familyName",
  s.owner, s.person_id AS "personId", s.deleted_at IS NOT NULL AS deleted
  FROM scim_users s JOIN users u ON u.id = s.user_id`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function userFilters(owners: string[] | undefined, criteria: UserCriterion[]): Filters {
  const w = new Filters().add('s.deleted_at IS NULL');
  if (owners) w.add('s.owner = ANY(?::text[])', owners);
  for (const c of criteria) {
    if (c.attr === 'userName') w.add('lower(s.user_name) = lower(?)', c.value);
    else if (c.attr === 'externalId') w.add('u.hsa_id = ?', c.value);
    else if (c.attr === 'email') w.add('u.email = lower(?)', c.value);
    else if (c.attr === 'active') w.add('u.disabled = ?', !c.value);
    else if (UUID.test(c.value)) w.add('u.id = ?::uuid', c.value);
    else w.add('false');
  }
  return w;
}

/** One page of the users a client may see, in the order they were provisioned, and how many match. */
export async function listUsers(
  db: Queryable,
  q: { owners: string[] | undefined; criteria: UserCriterion[]; offset: number; count: number },
): Promise<{ total: number; rows: ScimUserRow[] }> {
  const w = userFilters(q.owners, q.criteria);
  const [total] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM scim_users s JOIN users u ON u.id = s.user_id ${w.where}`,
    w.params,
  );
  if (q.count === 0) return { total: total!.n, rows: [] };
  const limit = w.param(q.count);
  const offset = w.param(q.offset);
  const rows = await db.query<ScimUserRow>(
    `${USER} ${w.where} ORDER BY s.created_at, s.user_id LIMIT ${limit} OFFSET ${offset}`,
    w.params,
  );
  return { total: total!.n, rows };
}

export async function getUser(
  db: Queryable,
  id: string,
  opts: { forUpdate?: boolean; includeDeleted?: boolean } = {},
): Promise<ScimUserRow | undefined> {
  if (!UUID.test(id)) return undefined;
  const live = opts.includeDeleted ? '' : ' AND s.deleted_at IS NULL';
  return (await db.query<ScimUserRow>(`${USER} WHERE u.id = $1${live}${opts.forUpdate ? ' FOR UPDATE OF u, s' : ''}`, [id]))[0];
}

/** A new users row for a provisioned user: no password (they sign in through the identity provider). */
export async function insertUser(db: Queryable, u: { email: string; name: string; hsaId: string | null; disabled: boolean }) {
  const [row] = await db.query<{ id: string }>(
    'INSERT INTO users (email, name, hsa_id, disabled) VALUES ($1, $2, $3, $4) RETURNING id',
    [u.email, u.name, u.hsaId, u.disabled],
  );
  return row!.id;
}

/** A provisioned user by userName, deleted or not (a POST of a deleted user's userName brings it back). */
export async function findByUserName(db: Queryable, userName: string) {
  return (
    await db.query<{ userId: string; owner: string; deleted: boolean }>(
      'SELECT user_id AS "userId", owner, deleted_at IS NOT NULL AS deleted FROM scim_users WHERE lower(user_name) = lower($1)',
      [userName],
    )
  )[0];
}

/** Who else holds an e-mail or HSA-id among users (provisioned or made by hand). */
export async function userHolding(db: Queryable, field: 'email' | 'hsa_id', value: string, exceptId: string | null) {
  const [row] = await db.query<{ id: string }>(
    `SELECT id FROM users WHERE ${field === 'email' ? 'email' : 'hsa_id'} = $1 AND ($2::uuid IS NULL OR id <> $2::uuid)`,
    [value, exceptId],
  );
  return row?.id;
}

export async function insertScimUser(
  db: Queryable,
  s: {
    userId: string;
    clientId: string;
    owner: string;
    userName: string;
    givenName: string | null;
    familyName: string | null;
    personId: string | null;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO scim_users (user_id, client_id, owner, user_name, given_name, family_name, person_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [s.userId, s.clientId, s.owner, s.userName, s.givenName, s.familyName, s.personId],
  );
}

export async function updateScimUser(
  db: Queryable,
  userId: string,
  s: { userName: string; givenName: string | null; familyName: string | null; personId: string | null; deleted: boolean },
): Promise<void> {
  await db.query(
    `UPDATE scim_users SET user_name = $2, given_name = $3, family_name = $4, person_id = $5,
       deleted_at = CASE WHEN $6::boolean THEN COALESCE(deleted_at, now()) ELSE NULL END
     WHERE user_id = $1`,
    [userId, s.userName, s.givenName, s.familyName, s.personId, s.deleted],
  );
}

/** Writes the users row's SCIM-managed fields; the version moves with every SCIM change. */
export async function updateUserFields(
  db: Queryable,
  id: string,
  u: { email: string; name: string; hsaId: string | null; disabled: boolean },
): Promise<void> {
  await db.query(
    `UPDATE users SET email = $2, name = $3, hsa_id = $4, disabled = $5, version = version + 1, updated_at = now() WHERE id = $1`,
    [id, u.email, u.name, u.hsaId, u.disabled],
  );
}

/** Moves a client's version (its group → role mapping changed); false when it was not at `version`. */
export async function bumpClientVersion(db: Queryable, id: string, version: number): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    'UPDATE scim_clients SET version = version + 1 WHERE id = $1 AND version = $2 AND revoked_at IS NULL RETURNING id',
    [id, version],
  );
  return rows.length > 0;
}
