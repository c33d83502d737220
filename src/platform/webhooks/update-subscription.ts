import { recordAudit } from '../audit/record.js';
import { authorize } from '../auth/policy.js';
import type { Ctx } from '../context.js';
import type { Db } from '../db/index.js';
import { notFound, staleVersion } from '../errors.js';
import './audit.js';
import { newSecret } from './create-subscription.js';
import { subscriptionAudit } from './presenter.js';
import { getSubscription, updateSubscription as write, type SubscriptionRow } from './repository.js';
import type { UpdateSubscriptionInput } from './schemas.js';

/** Change the address, the kinds or the description, switch it off or on, or rotate the secret. */
export async function updateSubscription(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  input: UpdateSubscriptionInput,
): Promise<{ row: SubscriptionRow; secretRotated: boolean }> {
  authorize(ctx.actor, 'webhooks.manage');
  return db.transaction(async (tx) => {
    const before = await getSubscription(tx, id, true);
    if (!before) throw notFound('Prenumerationen');
    if (before.version !== version) throw staleVersion(before.version);
    const secretRotated = input.rotateSecret === true;
    const row = await write(tx, id, {
      url: input.url ?? before.url,
      description: input.description?.trim() ?? before.description,
      eventKinds: input.eventKinds ?? before.event_kinds,
      active: input.active ?? before.active,
      secret: secretRotated ? newSecret() : before.secret,
    });
    await recordAudit(tx, ctx, {
      entityType: 'webhook-subscription',
      entityId: id,
      action: 'update',
      before: subscriptionAudit(before),
      after: { ...subscriptionAudit(row), secretRotated },
    });
    return { row, secretRotated };
  });
}
