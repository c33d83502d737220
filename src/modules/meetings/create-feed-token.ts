import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import { randomToken, sha256 } from '../../platform/auth/secrets.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import './audit.js';
import { FEED_TOKEN_PREFIX } from './calendar.js';
import * as feedRepo from './feed-repository.js';

/** A new personal feed address (the previous one stops working). Shown once; stored hashed. */
export async function createFeedToken(db: Db, ctx: Ctx, publicUrl: string) {
  requireActor(ctx.actor);
  const actor = ctx.actor;
  const token = `${FEED_TOKEN_PREFIX}${randomToken()}`;
  await db.transaction(async (tx) => {
    await feedRepo.insertFeedToken(tx, actor.userId, sha256(token));
    await recordAudit(tx, ctx, { entityType: 'calendar-feed-token', entityId: actor.userId, action: 'create' });
  });
  return { token, url: `${publicUrl.replace(/\/$/, '')}/api/v1/calendar-feeds/${token}` };
}
