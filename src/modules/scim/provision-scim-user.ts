import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { scimConflict } from './errors.js';
import { covers, scimPolicy, type ScimClientIdentity } from './policy.js';
import * as repo from './repository.js';
import { desiredFromScim } from './rules/user-mapping.js';
import { writeScimUser } from './write-scim-user.js';

/**
 * POST /Users: creates a user (and their person) in the client's register. A userName that a
 * SCIM DELETE took away comes back as the same user, so its history stays in one place; a
 * userName held by a user the client cannot see is a uniqueness conflict, as are an e-mail or
 * HSA-id that another user holds.
 */
export async function provisionScimUser(db: Db, ctx: Ctx, client: ScimClientIdentity, body: unknown) {
  const desired = desiredFromScim(body);
  return db.transaction(async (tx) => {
    const owners = await scimPolicy(ctx, tx).ownersOf(client);
    const existing = await repo.findByUserName(tx, desired.userName);
    if (existing && (!existing.deleted || !covers(owners, existing.owner))) {
      throw scimConflict(`userName ${desired.userName} finns redan.`);
    }
    const revived = existing ? await repo.getUser(tx, existing.userId, { forUpdate: true, includeDeleted: true }) : undefined;
    return writeScimUser(tx, ctx, client, owners, revived, desired);
  });
}
