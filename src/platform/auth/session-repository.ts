/** The SQL for sessions: started at sign-in, read (and touched) on every signed-in request, ended. */
import type { RoleAssignment } from '../context.js';
import type { Queryable } from '../db/index.js';
import { gatherPerTurn } from '../db/per-turn.js';
import { prepared } from '../db/prepared.js';
import type { UserWithRoles } from './repository.js';

export interface SessionRow {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  /** The absolute end: never extended. */
  expires_at: Date;
  last_seen_at: Date;
  method: 'password' | 'oidc';
  id_token_hint: string | null;
}

export async function insertSession(
  db: Queryable,
  s: { idHash: string; userId: string; csrfToken: string; ttlHours: number; method?: 'password' | 'oidc'; idTokenHint?: string },
) {
  await db.query(
    `INSERT INTO sessions (id_hash, user_id, csrf_token, expires_at, method, id_token_hint)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4), $5, $6)`,
    [s.idHash, s.userId, s.csrfToken, s.ttlHours, s.method ?? 'password', s.idTokenHint ?? null],
  );
}

/**
 * A live session of an enabled user: before its absolute end and used within the idle
 * timeout. Use extends the idle end (written at most every 30 s); `touch: false` reads the
 * session without counting as use (the UI's own status check).
 */
export async function findLiveSession(db: Queryable, idHash: string, idleMinutes: number, touch = true) {
  return (await findSessionActor(db, idHash, idleMinutes, touch))?.session;
}

const SESSION_ACTOR = prepared(
  'navet_session_actor',
  `SELECT s.id_hash, s.user_id, s.csrf_token, s.expires_at, s.last_seen_at, s.method, s.id_token_hint, u.email, u.name,
            COALESCE((SELECT json_agg(json_build_object('role', r.role, 'scopeType', r.scope_type, 'scopeId', r.scope_id)
                                      ORDER BY r.role, r.scope_type, r.scope_id)
                      FROM role_assignments r WHERE r.user_id = u.id), '[]'::json) AS roles,
            (SELECT json_object_agg(v.topic, v.version) FROM read_versions v) AS read_versions
     FROM sessions s
     JOIN users u ON u.id = s.user_id
     WHERE s.id_hash = ANY($1::text[]) AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(mins => $2)
       AND NOT u.disabled`,
);

type SessionActorRow = SessionRow & {
  email: string;
  name: string;
  roles: RoleAssignment[];
  read_versions: Record<string, number | string> | null;
};

/**
 * The sessions asked for by every request that arrives in one turn, read with one query
 * (db/per-turn.ts): each request sees a session started or ended, or a role changed, before it
 * arrived, as with a query of its own. Per database handle and idle timeout.
 */
const sessionActorRows = gatherPerTurn(
  async (db: Queryable, idleMinutes: string, ids: string[]): Promise<Map<string, SessionActorRow>> =>
    new Map((await db.query<SessionActorRow>(SESSION_ACTOR, [ids, Number(idleMinutes)])).map((r) => [r.id_hash, r])),
);

/**
 * A live session with its user's name, e-mail and roles, in one round trip: every signed-in
 * request asks it, so it is one indexed query rather than session, user and roles in turn.
 * Touches the session as findLiveSession does.
 */
export async function findSessionActor(
  db: Queryable,
  idHash: string,
  idleMinutes: number,
  touch = true,
): Promise<
  | {
      session: SessionRow;
      user: Pick<UserWithRoles, 'id' | 'email' | 'name' | 'roles'>;
      /** The cached reads' topic versions as of this query (read-cache.ts): a signed-in read needs no query of its own for them. */
      readVersions: Record<string, number | string>;
    }
  | undefined
> {
  const r = (await sessionActorRows(db, String(idleMinutes), idHash)).get(idHash);
  if (!r) return undefined;
  // A copy: requests with the same session share the row.
  const { email, name, roles, read_versions: readVersions, ...session } = r;
  if (touch && Date.now() - session.last_seen_at.getTime() > 30_000) {
    const [t] = await db.query<{ last_seen_at: Date }>(
      'UPDATE sessions SET last_seen_at = now() WHERE id_hash = $1 RETURNING last_seen_at',
      [idHash],
    );
    if (t) session.last_seen_at = t.last_seen_at;
  }
  return { session, user: { id: session.user_id, email, name, roles }, readVersions: readVersions ?? {} };
}

export async function deleteSession(db: Queryable, idHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
}

export async function deleteSessionsOfUser(db: Queryable, userId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

export async function deleteExpiredSessions(db: Queryable): Promise<number> {
  const rows = await db.query('DELETE FROM sessions WHERE expires_at <= now() RETURNING id_hash');
  return rows.length;
}

// API tokens
