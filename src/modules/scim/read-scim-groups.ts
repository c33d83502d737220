import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { scimGroupNotFound } from './errors.js';
import * as groups from './group-repository.js';
import { covers, scimPolicy, type ScimClientIdentity } from './policy.js';
import { MAX_RESULTS } from './read-scim-users.js';
import { parseGroupFilter } from './rules/filter.js';
import { membersExcluded, type GroupMember, type ScimGroupRow } from './rules/group-mapping.js';

type AttrQuery = { attributes?: string; excludedAttributes?: string };

/** A page of the groups in the client's register (RFC 7644 §3.4.2), with their members unless excluded. */
export async function listScimGroups(
  db: Db,
  ctx: Ctx,
  client: ScimClientIdentity,
  q: AttrQuery & { filter?: string; startIndex?: number; count?: number },
) {
  const criteria = q.filter ? parseGroupFilter(q.filter) : [];
  const startIndex = Math.max(1, q.startIndex ?? 1);
  const count = Math.min(MAX_RESULTS, Math.max(0, q.count ?? 100));
  const owners = await scimPolicy(ctx, db).ownersOf(client);
  const page = await groups.listGroups(db, { owners, criteria, offset: startIndex - 1, count });
  const members = membersExcluded(q)
    ? undefined
    : await groups.membersOf(
        db,
        page.rows.map((r) => r.id),
      );
  return {
    total: page.total,
    startIndex,
    items: page.rows.map((row) => ({ row, members: members?.get(row.id) ?? (members ? [] : undefined) })),
  };
}

/** One group in the client's register; any other id is 404. */
export async function readScimGroup(
  db: Db,
  ctx: Ctx,
  client: ScimClientIdentity,
  id: string,
  q: AttrQuery = {},
): Promise<{ row: ScimGroupRow; members: GroupMember[] | undefined }> {
  const owners = await scimPolicy(ctx, db).ownersOf(client);
  const row = await groups.getGroup(db, id);
  if (!row || !covers(owners, row.owner)) throw scimGroupNotFound(id);
  const members = membersExcluded(q) ? undefined : ((await groups.membersOf(db, [id])).get(id) ?? []);
  return { row, members };
}
