import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { scimNotFound, scimPreconditionFailed } from './errors.js';
import { covers, scimPolicy, type ScimClientIdentity } from './policy.js';
import * as repo from './repository.js';
import { ifMatchVersion } from './rules/user-mapping.js';

/**
 * Loads and locks a user for a change: 404 when the client may not see it, 412 when If-Match
 * names another version than the current one (identity systems that send no If-Match, as
 * Entra ID does, simply get the last write).
 */
export async function lockScimUser(tx: Queryable, ctx: Ctx, client: ScimClientIdentity, id: string, ifMatch: string | undefined) {
  const expected = ifMatchVersion(ifMatch);
  const owners = await scimPolicy(ctx, tx).ownersOf(client);
  const current = await repo.getUser(tx, id, { forUpdate: true });
  if (!current || !covers(owners, current.owner)) throw scimNotFound(id);
  if (expected !== undefined && expected !== current.version) throw scimPreconditionFailed(current.version);
  return { current, owners };
}
