import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { scimClientAudit } from './audit.js';
import { loadManagedClient } from './policy.js';
import * as groups from './group-repository.js';
import * as repo from './repository.js';
import { syncGroupGrants } from './sync-group-grants.js';

/**
 * Revokes a client: its credential stops working at once, and the roles its groups gave are
 * taken back in the same transaction (the identity system no longer vouches for them; a revoked
 * client's groups give nothing). The users it provisioned stay, with the roles given by hand.
 */
export async function revokeScimClient(db: Db, ctx: Ctx, id: string) {
  return db.transaction(async (tx) => {
    const before = await loadManagedClient(tx, ctx, id);
    const after = (await repo.revokeClient(tx, id))!;
    await syncGroupGrants(tx, ctx, await groups.membersOfClientGroups(tx, id));
    await recordAudit(tx, ctx, {
      entityType: 'scim-client',
      entityId: id,
      action: 'revoke',
      before: scimClientAudit(before),
      after: scimClientAudit(after),
    });
  });
}
