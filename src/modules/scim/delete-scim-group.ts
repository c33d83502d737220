import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { scimGroupAudit } from './audit.js';
import * as groups from './group-repository.js';
import type { ScimClientIdentity } from './policy.js';
import { syncGroupGrants } from './sync-group-grants.js';
import { lockScimGroup } from './write-scim-group.js';

/**
 * DELETE /Groups/{id}: the group is gone (404 from now on) and so is every role it gave; the
 * members stay users. The audit trail keeps the group as it was.
 */
export async function deleteScimGroup(db: Db, ctx: Ctx, client: ScimClientIdentity, id: string, ifMatch: string | undefined) {
  await db.transaction(async (tx) => {
    const { current } = await lockScimGroup(tx, ctx, client, id, ifMatch);
    await groups.removeMembers(tx, id, current.members);
    await syncGroupGrants(tx, ctx, current.members);
    await groups.deleteGroup(tx, id);
    await recordAudit(tx, ctx, {
      entityType: 'scim-group',
      entityId: id,
      action: 'delete',
      before: scimGroupAudit(current.row, current.members, client),
    });
  });
}
