import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { scimNotFound } from './errors.js';
import { scimPolicy, type ScimClientIdentity } from './policy.js';
import * as repo from './repository.js';
import { parseUserFilter } from './rules/filter.js';
import { covers } from './policy.js';

/** At most this many users a page (ServiceProviderConfig's filter.maxResults). */
export const MAX_RESULTS = 200;

/** A page of the users the client may see (RFC 7644 §3.4.2): 1-based startIndex, count, an optional filter. */
export async function listScimUsers(
  db: Db,
  ctx: Ctx,
  client: ScimClientIdentity,
  q: { filter?: string; startIndex?: number; count?: number },
) {
  const criteria = q.filter ? parseUserFilter(q.filter) : [];
  const startIndex = Math.max(1, q.startIndex ?? 1);
  const count = Math.min(MAX_RESULTS, Math.max(0, q.count ?? 100));
  const owners = await scimPolicy(ctx, db).ownersOf(client);
  const page = await repo.listUsers(db, { owners, criteria, offset: startIndex - 1, count });
  return { ...page, startIndex };
}

/** One user the client may see; any other id is 404, whether it exists or not. */
export async function readScimUser(db: Db, ctx: Ctx, client: ScimClientIdentity, id: string) {
  const owners = await scimPolicy(ctx, db).ownersOf(client);
  const row = await repo.getUser(db, id);
  if (!row || !covers(owners, row.owner)) throw scimNotFound(id);
  return row;
}
