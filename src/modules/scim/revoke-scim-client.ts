import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { scimClientAudit } from './audit.js';
import { loadManagedClient } from './policy.js';
import * as repo from './repository.js';

/** Revokes a client: its credential stops working at once. The users it provisioned stay as they are. */
export async function revokeScimClient(db: Db, ctx: Ctx, id: string) {
  return db.transaction(async (tx) => {
    const before = await loadManagedClient(tx, ctx, id);
    const after = (await repo.revokeClient(tx, id))!;
    await recordAudit(tx, ctx, {
      entityType: 'scim-client',
      entityId: id,
      action: 'revoke',
      before: scimClientAudit(before),
      after: scimClientAudit(after),
    });
  });
}
