import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { lockScimUser } from './lock-scim-user.js';
import type { ScimClientIdentity } from './policy.js';
import { desiredFromScim } from './rules/user-mapping.js';
import { writeScimUser } from './write-scim-user.js';

/** PUT /Users/{id}: the whole resource replaced; attributes it leaves out are cleared (RFC 7644 §3.5.1). */
export async function replaceScimUser(
  db: Db,
  ctx: Ctx,
  client: ScimClientIdentity,
  id: string,
  body: unknown,
  ifMatch: string | undefined,
) {
  const desired = desiredFromScim(body);
  return db.transaction(async (tx) => {
    const { current, owners } = await lockScimUser(tx, ctx, client, id, ifMatch);
    return writeScimUser(tx, ctx, client, owners, current, desired);
  });
}
