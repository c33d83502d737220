import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { scimPolicy, type ScimClientIdentity } from './policy.js';
import { desiredGroupFromScim } from './rules/group-mapping.js';
import { writeScimGroup } from './write-scim-group.js';

/** POST /Groups: a group in the client's register, with the members it names (RFC 7644 §3.3). */
export async function provisionScimGroup(db: Db, ctx: Ctx, client: ScimClientIdentity, body: unknown) {
  const desired = desiredGroupFromScim(body);
  return db.transaction(async (tx) => {
    const owners = await scimPolicy(ctx, tx).ownersOf(client);
    return writeScimGroup(tx, ctx, client, owners, undefined, desired);
  });
}
