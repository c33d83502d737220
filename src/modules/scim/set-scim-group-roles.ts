import { recordAudit } from '../../platform/audit/record.js';
import { scopeExists } from '../../platform/auth/repository.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { staleVersion, unprocessable } from '../../platform/errors.js';
import * as groups from './group-repository.js';
import { loadManagedClient, ownersCoveredBy, scimPolicy } from './policy.js';
import { presentClientGroups } from './read-scim-client-groups.js';
import * as repo from './repository.js';
import { grantRefusal, type GroupRoleMapping } from './rules/group-mapping.js';
import type { SetScimGroupRolesInput } from './schemas.js';
import { syncGroupGrants } from './sync-group-grants.js';

/**
 * An administrator says what a client's directory groups mean in Navet: the group named `group`
 * (displayName or externalId) gives its members `role` at a scope. Each line is refused (422)
 * when the role is unknown or admin, the scope does not exist, or the scope lies outside the
 * client's register. The members of the client's groups get and lose roles at once, audited as
 * `user.update` like any change of roles.
 */
export async function setScimGroupRoles(db: Db, ctx: Ctx, id: string, version: number, input: SetScimGroupRolesInput) {
  return db.transaction(async (tx) => {
    const before = await loadManagedClient(tx, ctx, id);
    if (before.version !== version) throw staleVersion(before.version);
    const owners = ownersCoveredBy(before.owner, await scimPolicy(ctx, tx).scope.geography());
    const mappings: GroupRoleMapping[] = [];
    for (const [i, raw] of input.groupRoles.entries()) {
      const m = { ...raw, group: raw.group.trim(), scopeId: raw.scopeType === 'system' ? '' : raw.scopeId.trim() };
      const refusal = grantRefusal(owners, m);
      if (refusal)
        throw unprocessable(refusal, [
          { path: `groupRoles.${i}.${m.role === 'admin' || refusal.startsWith('Okänd') ? 'role' : 'scopeId'}`, message: refusal },
        ]);
      if (m.scopeType !== 'system' && !(await scopeExists(tx, m.scopeType, m.scopeId))) {
        throw unprocessable(`Det finns ingen ${m.scopeType === 'region' ? 'region' : 'sjukvårdsregion'} "${m.scopeId}".`, [
          { path: `groupRoles.${i}.scopeId`, message: 'finns inte' },
        ]);
      }
      if (m.group) mappings.push(m);
    }
    const was = await groups.mappingsOf(tx, id);
    await groups.replaceMappings(tx, id, mappings);
    if (!(await repo.bumpClientVersion(tx, id, version))) throw staleVersion(before.version);
    await syncGroupGrants(tx, ctx, await groups.membersOfClientGroups(tx, id));
    const after = (await repo.getClient(tx, id))!;
    await recordAudit(tx, ctx, {
      entityType: 'scim-client',
      entityId: id,
      action: 'map-groups',
      before: { name: before.name, owner: before.owner, version: before.version, groupRoles: was },
      after: { name: after.name, owner: after.owner, version: after.version, groupRoles: await groups.mappingsOf(tx, id) },
    });
    return presentClientGroups(tx, after);
  });
}
