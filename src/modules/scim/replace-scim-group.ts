import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import type { ScimClientIdentity } from './policy.js';
import { desiredGroupFromScim } from './rules/group-mapping.js';
import { lockScimGroup, writeScimGroup } from './write-scim-group.js';

/** PUT /Groups/{id}: the whole group replaced, its members too (RFC 7644 §3.5.1). */
export async function replaceScimGroup(
  db: Db,
  ctx: Ctx,
  client: ScimClientIdentity,
  id: string,
  body: unknown,
  ifMatch: string | undefined,
) {
  const desired = desiredGroupFromScim(body);
  return db.transaction(async (tx) => {
    const { current, owners } = await lockScimGroup(tx, ctx, client, id, ifMatch);
    return writeScimGroup(tx, ctx, client, owners, current, desired);
  });
}
