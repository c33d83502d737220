import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { scimGroupAudit } from './audit.js';
import { scimConflict, scimInvalid, scimGroupNotFound, scimPreconditionFailed } from './errors.js';
import * as groups from './group-repository.js';
import { covers, scimPolicy, type ScimClientIdentity } from './policy.js';
import type { DesiredGroup, ScimGroupRow } from './rules/group-mapping.js';
import { ifMatchVersion } from './rules/user-mapping.js';
import { syncGroupGrants } from './sync-group-grants.js';

export interface LockedGroup {
  row: ScimGroupRow;
  members: string[];
}

/** Loads and locks a group for a change: 404 outside the client's register, 412 when If-Match names another version. */
export async function lockScimGroup(
  tx: Queryable,
  ctx: Ctx,
  client: ScimClientIdentity,
  id: string,
  ifMatch: string | undefined,
) {
  const expected = ifMatchVersion(ifMatch);
  const owners = await scimPolicy(ctx, tx).ownersOf(client);
  const row = await groups.getGroup(tx, id, { forUpdate: true });
  if (!row || !covers(owners, row.owner)) throw scimGroupNotFound(id);
  if (expected !== undefined && expected !== row.version) throw scimPreconditionFailed(row.version, 'Gruppen');
  const members = ((await groups.membersOf(tx, [id])).get(id) ?? []).map((m) => m.userId);
  return { current: { row, members } satisfies LockedGroup, owners };
}

/**
 * The one write of a group, shared by POST, PUT and PATCH, inside the caller's transaction: the
 * displayName unique in the register, new members only among the live users the client
 * provisioned into its register, the group and its members, the roles the group gives (taken
 * back from those who left, given to those who came, for all members when the name changed),
 * and the audit event.
 */
export async function writeScimGroup(
  tx: Queryable,
  ctx: Ctx,
  client: ScimClientIdentity,
  owners: string[] | undefined,
  current: LockedGroup | undefined,
  desired: DesiredGroup,
): Promise<ScimGroupRow> {
  const owner = current?.row.owner ?? client.owner;
  if (await groups.groupNamed(tx, owner, desired.displayName, current?.row.id ?? null)) {
    throw scimConflict(`Det finns redan en grupp med displayName ${desired.displayName}.`);
  }
  const before = current?.members ?? [];
  const added = desired.members.filter((m) => !before.includes(m));
  const removed = before.filter((m) => !desired.members.includes(m));
  const live = await groups.liveScimUsers(tx, added, owners);
  const unknown = added.find((m) => !live.has(m));
  if (unknown) {
    throw scimInvalid(`Medlemmen ${unknown} är ingen användare som klienten har etablerat i sitt register.`);
  }
  const fields = { displayName: desired.displayName, externalId: desired.externalId };
  let id: string;
  if (current) {
    id = current.row.id;
    await groups.updateGroup(tx, id, fields);
  } else {
    id = await groups.insertGroup(tx, { clientId: client.id, owner, ...fields });
  }
  await groups.addMembers(tx, id, added);
  await groups.removeMembers(tx, id, removed);
  const renamed = current && (current.row.displayName !== desired.displayName || current.row.externalId !== desired.externalId);
  await syncGroupGrants(tx, ctx, renamed ? [...before, ...added] : [...added, ...removed]);

  const after = (await groups.getGroup(tx, id))!;
  const audited = scimGroupAudit(after, desired.members, client);
  if (!current) await recordAudit(tx, ctx, { entityType: 'scim-group', entityId: id, action: 'create', after: audited });
  else {
    const was = scimGroupAudit(current.row, before, client);
    await recordAudit(tx, ctx, { entityType: 'scim-group', entityId: id, action: 'update', before: was, after: audited });
  }
  return after;
}
