import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import './audit.js';
import * as feedRepo from './feed-repository.js';

/** Revokes the caller's feed address. Idempotent: revoking when there is none changes and writes nothing. */
export async function revokeFeedToken(db: Db, ctx: Ctx): Promise<void> {
  requireActor(ctx.actor);
  const actor = ctx.actor;
  await db.transaction(async (tx) => {
    if (await feedRepo.revokeFeedToken(tx, actor.userId)) {
      await recordAudit(tx, ctx, { entityType: 'calendar-feed-token', entityId: actor.userId, action: 'revoke' });
    }
  });
}
