import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import * as feedRepo from './feed-repository.js';

/** Whether the caller has a personal feed address (the address itself is shown only when made). */
export async function readCalendarFeed(db: Queryable, ctx: Ctx) {
  requireActor(ctx.actor);
  const created = await feedRepo.hasFeedToken(db, ctx.actor.userId);
  return { active: Boolean(created), createdAt: created ? created.toISOString() : null };
}
