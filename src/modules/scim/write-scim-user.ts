import { recordAudit } from '../../platform/audit/record.js';
import { endAccessOf } from '../../platform/auth/api-tokens.js';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { scimUserAudit } from './audit.js';
import { scimConflict } from './errors.js';
import { linkPerson } from './link-person.js';
import type { ScimClientIdentity } from './policy.js';
import { leaveAllGroups } from './group-repository.js';
import * as repo from './repository.js';
import { syncGroupGrants } from './sync-group-grants.js';
import type { DesiredUser, ScimUserRow } from './rules/user-mapping.js';

/**
 * The one write of a provisioned user, shared by POST, PUT, PATCH and DELETE, inside the
 * caller's transaction: uniqueness, the person, the users row, the SCIM row, ending every
 * session and API token when the user is disabled or deleted, and the audit event.
 */
export async function writeScimUser(
  tx: Queryable,
  ctx: Ctx,
  client: ScimClientIdentity,
  owners: string[] | undefined,
  current: ScimUserRow | undefined,
  desired: DesiredUser,
  opts: { deleted?: boolean } = {},
): Promise<ScimUserRow> {
  const selfId = current?.id ?? null;
  if (await repo.userHolding(tx, 'email', desired.email, selfId)) {
    throw scimConflict(`Det finns redan en användare i Navet med e-postadressen ${desired.email}.`);
  }
  if (desired.hsaId && (await repo.userHolding(tx, 'hsa_id', desired.hsaId, selfId))) {
    throw scimConflict(`Det finns redan en användare i Navet med HSA-id ${desired.hsaId}.`);
  }
  const sameName = await repo.findByUserName(tx, desired.userName);
  if (sameName && sameName.userId !== selfId) throw scimConflict(`userName ${desired.userName} finns redan.`);

  const personId = await linkPerson(tx, ctx, client, owners, desired, current?.personId ?? null);
  const deleted = opts.deleted === true;
  const disabled = deleted || !desired.active;
  const fields = { email: desired.email, name: desired.displayName, hsaId: desired.hsaId, disabled };
  const scim = { userName: desired.userName, givenName: desired.givenName, familyName: desired.familyName, personId, deleted };
  let id: string;
  if (current) {
    id = current.id;
    await repo.updateUserFields(tx, id, fields);
    await repo.updateScimUser(tx, id, scim);
  } else {
    id = await repo.insertUser(tx, fields);
    await repo.insertScimUser(tx, { userId: id, clientId: client.id, owner: client.owner, ...scim });
  }
  const wasOut = current ? current.disabled || current.deleted : true;
  if (disabled && current && !current.disabled) await endAccessOf(tx, ctx, id, 'user-disabled');
  // A deleted user leaves their groups; a disabled one keeps them but holds none of their roles
  // until enabled again (syncGroupGrants gives a disabled user nothing).
  if (deleted && current) await leaveAllGroups(tx, id);
  if (current && (current.disabled !== disabled || deleted)) await syncGroupGrants(tx, ctx, [id]);

  const after = (await repo.getUser(tx, id, { includeDeleted: true }))!;
  const audited = scimUserAudit(after, client);
  if (!current) {
    await recordAudit(tx, ctx, { entityType: 'user', entityId: id, action: 'scim-create', after: audited });
  } else {
    const before = scimUserAudit(current, client);
    const action = deleted
      ? 'scim-delete'
      : disabled && !current.disabled
        ? 'scim-disable'
        : !disabled && wasOut
          ? 'scim-enable'
          : 'scim-update';
    await recordAudit(tx, ctx, { entityType: 'user', entityId: id, action, before, after: audited });
  }
  return after;
}
