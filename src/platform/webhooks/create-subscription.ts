import { randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/record.js';
import { authorize } from '../auth/policy.js';
import type { Ctx } from '../context.js';
import type { Db } from '../db/index.js';
import './audit.js';
import { subscriptionAudit } from './presenter.js';
import { insertSubscription, type SubscriptionRow } from './repository.js';
import type { CreateSubscriptionInput } from './schemas.js';

/** A fresh signing key: 32 random bytes, as the receiver will store it. */
export const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** An administrator subscribes an address to event kinds; the secret is returned this once. */
export async function createSubscription(db: Db, ctx: Ctx, input: CreateSubscriptionInput): Promise<SubscriptionRow> {
  authorize(ctx.actor, 'webhooks.manage');
  const actor = ctx.actor;
  return db.transaction(async (tx) => {
    const row = await insertSubscription(tx, {
      url: input.url,
      description: input.description?.trim() ?? '',
      eventKinds: input.eventKinds,
      secret: newSecret(),
      createdBy: actor.via === 'system' ? null : actor.userId,
    });
    await recordAudit(tx, ctx, {
      entityType: 'webhook-subscription',
      entityId: row.id,
      action: 'create',
      after: subscriptionAudit(row),
    });
    return row;
  });
}
