import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { scimClientAudit } from './audit.js';
import { newScimCredential } from './credentials.js';
import { scimPolicy } from './policy.js';
import * as repo from './repository.js';
import type { CreateScimClientInput } from './schemas.js';

/** An administrator registers an identity system; its credential is returned this once and stored only as a hash. */
export async function createScimClient(db: Db, ctx: Ctx, input: CreateScimClientInput) {
  return db.transaction(async (tx) => {
    await scimPolicy(ctx, tx).assertManageAt(input.owner);
    const credential = newScimCredential();
    const row = await repo.insertClient(tx, {
      name: input.name.trim(),
      owner: input.owner,
      hash: credential.hash,
      prefix: credential.prefix,
      createdBy: ctx.actor?.via === 'system' ? null : (ctx.actor?.userId ?? null),
    });
    await recordAudit(tx, ctx, { entityType: 'scim-client', entityId: row.id, action: 'create', after: scimClientAudit(row) });
    return { row, token: credential.token };
  });
}
