import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { staleVersion } from '../../platform/errors.js';
import { scimClientAudit } from './audit.js';
import { newScimCredential } from './credentials.js';
import { loadManagedClient } from './policy.js';
import * as repo from './repository.js';

/**
 * A new credential for a client: the old one stops working at once (the identity system is
 * given the new one in the same sitting). Returned this once.
 */
export async function rotateScimClient(db: Db, ctx: Ctx, id: string, version: number) {
  return db.transaction(async (tx) => {
    const before = await loadManagedClient(tx, ctx, id);
    if (before.version !== version) throw staleVersion(before.version);
    const credential = newScimCredential();
    const row = (await repo.rotateClient(tx, id, version, credential.hash, credential.prefix))!;
    await recordAudit(tx, ctx, {
      entityType: 'scim-client',
      entityId: id,
      action: 'rotate',
      before: scimClientAudit(before),
      after: scimClientAudit(row),
    });
    return { row, token: credential.token };
  });
}
