import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { lockScimUser } from './lock-scim-user.js';
import type { ScimClientIdentity } from './policy.js';
import { writeScimUser } from './write-scim-user.js';

/**
 * DELETE /Users/{id}: the user is disabled at once (sessions and API tokens end) and gone for
 * SCIM (404 from now on, RFC 7644 §3.6), but kept in Navet with their person, so what they did
 * keeps its author. A later POST of the same userName brings the user back.
 */
export async function deleteScimUser(db: Db, ctx: Ctx, client: ScimClientIdentity, id: string, ifMatch: string | undefined) {
  return db.transaction(async (tx) => {
    const { current, owners } = await lockScimUser(tx, ctx, client, id, ifMatch);
    await writeScimUser(
      tx,
      ctx,
      client,
      owners,
      current,
      {
        userName: current.userName,
        email: current.email,
        displayName: current.name,
        givenName: current.givenName,
        familyName: current.familyName,
        hsaId: current.hsaId,
        active: false,
      },
      { deleted: true },
    );
  });
}
