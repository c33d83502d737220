import { scimPatch, ScimError, type ScimPatchOperation } from 'scim-patch';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { asProblem, patchOf } from './patch-scim-user.js';
import type { ScimClientIdentity } from './policy.js';
import { desiredGroupFromScim, GROUP_SCHEMA } from './rules/group-mapping.js';
import { lockScimGroup, writeScimGroup } from './write-scim-group.js';

/**
 * PATCH /Groups/{id} (RFC 7644 §3.5.2) as Entra ID sends it: `Add` and `Remove` of `members`
 * with a list of `{value}`, `Remove` with the path filter `members[value eq "…"]`, `Replace` of
 * displayName or externalId (also path-less with a value object). The operations are applied by
 * scim-patch to the group as SCIM shows it and the result is written like a PUT. Removing a
 * member who is not in the group is not an error (the directory's view wins).
 */
export async function patchScimGroup(
  db: Db,
  ctx: Ctx,
  client: ScimClientIdentity,
  id: string,
  body: unknown,
  ifMatch: string | undefined,
) {
  const patch = patchOf(body);
  return db.transaction(async (tx) => {
    const { current, owners } = await lockScimGroup(tx, ctx, client, id, ifMatch);
    let resource: Record<string, unknown> = {
      schemas: [GROUP_SCHEMA],
      id: current.row.id,
      displayName: current.row.displayName,
      ...(current.row.externalId ? { externalId: current.row.externalId } : {}),
      members: current.members.map((value) => ({ value })),
      meta: { resourceType: 'Group' },
    };
    for (const op of patch.Operations) resource = applyOne(resource, op);
    return writeScimGroup(tx, ctx, client, owners, current, desiredGroupFromScim(resource));
  });
}

function applyOne(resource: Record<string, unknown>, op: ScimPatchOperation): Record<string, unknown> {
  try {
    return scimPatch(resource as never, [op], { mutateDocument: false, treatMissingAsAdd: true });
  } catch (err) {
    if (err instanceof ScimError && err.scimCode === 'noTarget' && op.op === 'remove') return resource;
    throw asProblem(err);
  }
}
