import type { Queryable } from '../../platform/db/index.js';
import { Filters } from '../../platform/db/sql.js';
import type { GroupCriterion } from './rules/filter.js';
import type { GroupMember, GroupRoleMapping, ScimGroupRow } from './rules/group-mapping.js';

/** The only SQL for SCIM groups, their members, the clients' group → role mappings and the roles they give. */

const GROUP = `SELECT g.id, g.client_id AS "clientId", g.owner, g.display_name AS "displayName", g.external_id AS "externalId",
  g.version, g.created_at AS "createdAt", g.updated_at AS "updatedAt" FROM scim_groups g`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function groupFilters(owners: string[] | undefined, criteria: GroupCriterion[]): Filters {
  const w = new Filters();
  if (owners) w.add('g.owner = ANY(?::text[])', owners);
  for (const c of criteria) {
    if (c.attr === 'displayName') w.add('lower(g.display_name) = lower(?)', c.value);
    else if (c.attr === 'externalId') w.add('g.external_id = ?', c.value);
    else if (!UUID.test(c.value)) w.add('false');
    else if (c.attr === 'id') w.add('g.id = ?::uuid', c.value);
    else w.add('EXISTS (SELECT 1 FROM scim_group_members m WHERE m.group_id = g.id AND m.user_id = ?::uuid)', c.value);
  }
  return w;
}

export async function listGroups(
  db: Queryable,
  q: { owners: string[] | undefined; criteria: GroupCriterion[]; offset: number; count: number },
): Promise<{ total: number; rows: ScimGroupRow[] }> {
  const w = groupFilters(q.owners, q.criteria);
  const [total] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM scim_groups g ${w.where}`, w.params);
  if (q.count === 0) return { total: total!.n, rows: [] };
  const limit = w.param(q.count);
  const offset = w.param(q.offset);
  const rows = await db.query<ScimGroupRow>(
    `${GROUP} ${w.where} ORDER BY g.created_at, g.id LIMIT ${limit} OFFSET ${offset}`,
    w.params,
  );
  return { total: total!.n, rows };
}

/** The groups a client made, in the order it made them (the administrators' page). */
export async function groupsOfClient(db: Queryable, clientId: string): Promise<ScimGroupRow[]> {
  return db.query<ScimGroupRow>(`${GROUP} WHERE g.client_id = $1 ORDER BY sv_key(g.display_name) COLLATE "C", g.id`, [clientId]);
}

export async function getGroup(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}) {
  if (!UUID.test(id)) return undefined;
  return (await db.query<ScimGroupRow>(`${GROUP} WHERE g.id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [id]))[0];
}

/** Another group in the register with this displayName (case-insensitive). */
export async function groupNamed(db: Queryable, owner: string, displayName: string, exceptId: string | null) {
  const [row] = await db.query<{ id: string }>(
    'SELECT id FROM scim_groups WHERE owner = $1 AND lower(display_name) = lower($2) AND ($3::uuid IS NULL OR id <> $3::uuid)',
    [owner, displayName, exceptId],
  );
  return row?.id;
}

export async function insertGroup(
  db: Queryable,
  g: { clientId: string; owner: string; displayName: string; externalId: string | null },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    'INSERT INTO scim_groups (client_id, owner, display_name, external_id) VALUES ($1, $2, $3, $4) RETURNING id',
    [g.clientId, g.owner, g.displayName, g.externalId],
  );
  return row!.id;
}

export async function updateGroup(db: Queryable, id: string, g: { displayName: string; externalId: string | null }) {
  await db.query(
    'UPDATE scim_groups SET display_name = $2, external_id = $3, version = version + 1, updated_at = now() WHERE id = $1',
    [id, g.displayName, g.externalId],
  );
}

export async function deleteGroup(db: Queryable, id: string) {
  await db.query('DELETE FROM scim_groups WHERE id = $1', [id]);
}

/** Each group's members (user id and name), in name order. */
export async function membersOf(db: Queryable, groupIds: string[]): Promise<Map<string, GroupMember[]>> {
  const map = new Map<string, GroupMember[]>(groupIds.map((id) => [id, []]));
  if (groupIds.length === 0) return map;
  const rows = await db.query<{ groupId: string; userId: string; name: string }>(
    `SELECT m.group_id AS "groupId", u.id AS "userId", u.name FROM scim_group_members m JOIN users u ON u.id = m.user_id
     WHERE m.group_id = ANY($1::uuid[]) ORDER BY sv_key(u.name) COLLATE "C", u.id`,
    [groupIds],
  );
  for (const r of rows) map.get(r.groupId)?.push({ userId: r.userId, name: r.name });
  return map;
}

export async function addMembers(db: Queryable, groupId: string, userIds: string[]) {
  for (const u of userIds) {
    await db.query('INSERT INTO scim_group_members (group_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [groupId, u]);
  }
}

export async function removeMembers(db: Queryable, groupId: string, userIds: string[]) {
  if (userIds.length === 0) return;
  await db.query('DELETE FROM scim_group_members WHERE group_id = $1 AND user_id = ANY($2::uuid[])', [groupId, userIds]);
}

export async function leaveAllGroups(db: Queryable, userId: string) {
  await db.query(
    'UPDATE scim_groups SET version = version + 1, updated_at = now() WHERE id IN (SELECT group_id FROM scim_group_members WHERE user_id = $1)',
    [userId],
  );
  await db.query('DELETE FROM scim_group_members WHERE user_id = $1', [userId]);
}

/** Of these ids, the live provisioned users in the registers `owners` (undefined: all). */
export async function liveScimUsers(db: Queryable, ids: string[], owners: string[] | undefined): Promise<Set<string>> {
  const valid = ids.filter((id) => UUID.test(id));
  if (valid.length === 0) return new Set();
  const rows = await db.query<{ id: string }>(
    `SELECT user_id AS id FROM scim_users WHERE user_id = ANY($1::uuid[]) AND deleted_at IS NULL
       AND ($2::text[] IS NULL OR owner = ANY($2::text[]))`,
    [valid, owners ?? null],
  );
  return new Set(rows.map((r) => r.id));
}

// The clients' mappings

export async function mappingsOf(db: Queryable, clientId: string): Promise<GroupRoleMapping[]> {
  return db.query<GroupRoleMapping>(
    `SELECT group_key AS "group", role, scope_type AS "scopeType", scope_id AS "scopeId" FROM scim_group_roles
     WHERE client_id = $1 ORDER BY sv_key(group_key) COLLATE "C", role, scope_type, scope_id`,
    [clientId],
  );
}

export async function replaceMappings(db: Queryable, clientId: string, mappings: GroupRoleMapping[]) {
  await db.query('DELETE FROM scim_group_roles WHERE client_id = $1', [clientId]);
  for (const m of mappings) {
    await db.query(
      `INSERT INTO scim_group_roles (client_id, group_key, role, scope_type, scope_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [clientId, m.group, m.role, m.scopeType, m.scopeType === 'system' ? '' : m.scopeId],
    );
  }
}

/** The members of a client's groups (whom a change of its mapping may concern). */
export async function membersOfClientGroups(db: Queryable, clientId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT DISTINCT m.user_id AS id FROM scim_group_members m JOIN scim_groups g ON g.id = m.group_id WHERE g.client_id = $1`,
    [clientId],
  );
  return rows.map((r) => r.id);
}

// The roles groups give

export interface GroupGrant {
  userId: string;
  groupId: string;
  role: string;
  scopeType: GroupRoleMapping['scopeType'];
  scopeId: string;
}

/**
 * What the users' groups give them by their clients' mappings, with the client's owner for the
 * check; nothing for a disabled user (their grants come back when they are enabled again).
 */
export async function mappedGrants(db: Queryable, userIds: string[]) {
  return db.query<GroupGrant & { clientOwner: string }>(
    `SELECT m.user_id AS "userId", g.id AS "groupId", r.role, r.scope_type AS "scopeType", r.scope_id AS "scopeId",
            c.owner AS "clientOwner"
       FROM scim_group_members m
       JOIN users u ON u.id = m.user_id AND NOT u.disabled
       JOIN scim_groups g ON g.id = m.group_id
       JOIN scim_clients c ON c.id = g.client_id AND c.revoked_at IS NULL
       JOIN scim_group_roles r ON r.client_id = g.client_id
        AND (lower(r.group_key) = lower(g.display_name) OR r.group_key = g.external_id)
      WHERE m.user_id = ANY($1::uuid[])
      ORDER BY m.user_id, g.created_at, g.id, r.role, r.scope_type, r.scope_id`,
    [userIds],
  );
}

export async function heldGroupGrants(db: Queryable, userIds: string[]): Promise<GroupGrant[]> {
  return db.query<GroupGrant>(
    `SELECT user_id AS "userId", scim_group_id AS "groupId", role, scope_type AS "scopeType", scope_id AS "scopeId"
       FROM role_assignments WHERE user_id = ANY($1::uuid[]) AND scim_group_id IS NOT NULL`,
    [userIds],
  );
}

export async function dropGroupGrant(db: Queryable, g: GroupGrant) {
  await db.query(
    'DELETE FROM role_assignments WHERE user_id = $1 AND scim_group_id = $2 AND role = $3 AND scope_type = $4 AND scope_id = $5',
    [g.userId, g.groupId, g.role, g.scopeType, g.scopeId],
  );
}

/** Gives a role through a group; a hand-given copy already held is left as it is. */
export async function addGroupGrant(db: Queryable, g: GroupGrant) {
  await db.query(
    `INSERT INTO role_assignments (user_id, role, scope_type, scope_id, scim_group_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING`,
    [g.userId, g.role, g.scopeType, g.scopeId, g.groupId],
  );
}

export async function bumpUserVersion(db: Queryable, userId: string) {
  await db.query('UPDATE users SET version = version + 1, updated_at = now() WHERE id = $1', [userId]);
}
