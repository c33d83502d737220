import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import * as groups from './group-repository.js';
import type { ScimClientRow } from './repository.js';
import { loadManagedClient } from './policy.js';
import { mappingMatches } from './rules/group-mapping.js';
import type { ScimClientGroupsDto } from './schemas.js';

/** For administrators: a client's group → role mapping and the groups it provisioned, with members and what each gives. */
export async function readScimClientGroups(db: Queryable, ctx: Ctx, id: string): Promise<ScimClientGroupsDto> {
  return presentClientGroups(db, await loadManagedClient(db, ctx, id, { lock: false }));
}

export async function presentClientGroups(db: Queryable, client: ScimClientRow): Promise<ScimClientGroupsDto> {
  const mappings = await groups.mappingsOf(db, client.id);
  const rows = await groups.groupsOfClient(db, client.id);
  const members = await groups.membersOf(
    db,
    rows.map((g) => g.id),
  );
  return {
    clientId: client.id,
    version: client.version,
    groupRoles: mappings,
    groups: rows.map((g) => ({
      id: g.id,
      displayName: g.displayName,
      externalId: g.externalId,
      roles: mappings.filter((m) => mappingMatches(m, g)).map(({ role, scopeType, scopeId }) => ({ role, scopeType, scopeId })),
      members: members.get(g.id) ?? [],
      updatedAt: g.updatedAt.toISOString(),
    })),
  };
}
