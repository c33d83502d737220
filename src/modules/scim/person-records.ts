import { endAccessOf } from '../../platform/auth/api-tokens.js';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { leaveAllGroups } from './group-repository.js';
import { syncGroupGrants } from './sync-group-grants.js';

/** A Navet account a directory provisioned for the person, as the register extract shows it. */
export interface DirectoryAccount {
  userId: string;
  userName: string;
  externalId: string | null;
  emails: string[];
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  active: boolean;
  deletedAt: string | null;
  client: string;
  owner: string;
  createdAt: string;
}

/** A directory group the person's account is in, and the roles it gives them in Navet. */
export interface DirectoryGroupMembership {
  userName: string;
  group: string;
  externalId: string | null;
  client: string;
  since: string;
  roles: { role: string; scopeType: string; scopeId: string }[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What the directories told Navet about a person (GDPR art. 15): their SCIM accounts and group memberships. */
export async function directoryRecordsOf(db: Queryable, personId: string) {
  const accounts = await db.query<{
    userId: string;
    userName: string;
    hsaId: string | null;
    email: string;
    name: string;
    givenName: string | null;
    familyName: string | null;
    disabled: boolean;
    deletedAt: Date | null;
    client: string;
    owner: string;
    createdAt: Date;
  }>(
    `SELECT s.user_id AS "userId", s.user_name AS "userName", u.hsa_id AS "hsaId", u.email, u.name, s.given_name AS "givenName",
            s.family_name AS "familyName", u.disabled, s.deleted_at AS "deletedAt", c.name AS client, s.owner, s.created_at AS "createdAt"
       FROM scim_users s JOIN users u ON u.id = s.user_id JOIN scim_clients c ON c.id = s.client_id
      WHERE s.person_id = $1 ORDER BY s.created_at, s.user_id`,
    [personId],
  );
  const ids = accounts.map((a) => a.userId);
  const groups = ids.length
    ? await db.query<{ userId: string; group: string; externalId: string | null; client: string; since: Date; groupId: string }>(
        `SELECT m.user_id AS "userId", g.display_name AS "group", g.external_id AS "externalId", c.name AS client,
                m.created_at AS since, g.id AS "groupId"
           FROM scim_group_members m JOIN scim_groups g ON g.id = m.group_id JOIN scim_clients c ON c.id = g.client_id
          WHERE m.user_id = ANY($1::uuid[]) ORDER BY sv_key(g.display_name) COLLATE "C", g.id`,
        [ids],
      )
    : [];
  const grants = ids.length
    ? await db.query<{ userId: string; groupId: string; role: string; scopeType: string; scopeId: string }>(
        `SELECT user_id AS "userId", scim_group_id AS "groupId", role, scope_type AS "scopeType", scope_id AS "scopeId"
           FROM role_assignments WHERE user_id = ANY($1::uuid[]) AND scim_group_id IS NOT NULL ORDER BY role, scope_type, scope_id`,
        [ids],
      )
    : [];
  const userNames = new Map(accounts.map((a) => [a.userId, a.userName]));
  return {
    userIds: ids,
    accounts: accounts.map((a): DirectoryAccount => ({
      userId: a.userId,
      userName: a.userName,
      externalId: a.hsaId,
      emails: [a.email],
      displayName: a.name,
      givenName: a.givenName,
      familyName: a.familyName,
      active: !a.disabled,
      deletedAt: iso(a.deletedAt),
      client: a.client,
      owner: a.owner,
      createdAt: a.createdAt.toISOString(),
    })),
    groups: groups.map((g): DirectoryGroupMembership => ({
      userName: userNames.get(g.userId) ?? '',
      group: g.group,
      externalId: g.externalId,
      client: g.client,
      since: g.since.toISOString(),
      roles: grants
        .filter((r) => r.userId === g.userId && r.groupId === g.groupId)
        .map(({ role, scopeType, scopeId }) => ({ role, scopeType, scopeId })),
    })),
  };
}

/**
 * Anonymisation of a person reaches the accounts directories provisioned for them, inside the
 * caller's transaction: userName, e-mail, HSA-id and the name's parts give way to the
 * pseudonym, the account is disabled (sessions and API keys end) and gone for SCIM (404, as after
 * a DELETE), and it leaves every directory group, so the roles the groups gave end. The users row
 * stays, so what the account did keeps its (pseudonymous) author. Returns how many accounts.
 */
export async function eraseDirectoryRecordsOf(tx: Queryable, ctx: Ctx, personId: string, pseudonym: string): Promise<number> {
  const rows = await tx.query<{ userId: string; disabled: boolean }>(
    `SELECT s.user_id AS "userId", u.disabled FROM scim_users s JOIN users u ON u.id = s.user_id WHERE s.person_id = $1
     FOR UPDATE OF s, u`,
    [personId],
  );
  for (const r of rows) {
    const tag = `anonymiserad-${r.userId}`;
    await tx.query(
      `UPDATE users SET name = $2, email = $3, hsa_id = NULL, disabled = true, version = version + 1, updated_at = now() WHERE id = $1`,
      [r.userId, pseudonym, `${tag}@navet.invalid`],
    );
    await tx.query(
      `UPDATE scim_users SET user_name = $2, given_name = NULL, family_name = NULL, deleted_at = COALESCE(deleted_at, now())
       WHERE user_id = $1`,
      [r.userId, tag],
    );
    if (!r.disabled) await endAccessOf(tx, ctx, r.userId, 'user-disabled');
    await leaveAllGroups(tx, r.userId);
  }
  await syncGroupGrants(
    tx,
    ctx,
    rows.map((r) => r.userId),
  );
  return rows.length;
}
