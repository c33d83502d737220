import type { Queryable } from '../db/index.js';
import { enqueue } from '../jobs/queue.js';
import { isWebhookEventKind } from '../../shared/webhook-events.js';
import { insertDeliveries } from './repository.js';

export const WEBHOOK_QUEUE = 'webhooks.deliver';
/** Attempts before a delivery is given up (back-off 10 s, 20 s, 40 s … up to an hour between). */
export const WEBHOOK_MAX_ATTEMPTS = 10;

/**
 * Called by the audit writer inside the change's transaction: an audited change of a kind
 * someone subscribed to gets a delivery row per subscription and a job that posts it. So an
 * event exists exactly when its change committed (the outbox), and never otherwise.
 */
export async function fanOutWebhooks(tx: Queryable, e: { entityType: string; action: string; entityId: string }): Promise<void> {
  const kind = `${e.entityType}.${e.action}`;
  if (!isWebhookEventKind(kind)) return;
  const ids = await insertDeliveries(tx, { kind, entityType: e.entityType, entityId: e.entityId });
  for (const id of ids) await enqueueDelivery(tx, id, `webhook:${id}`);
}

export async function enqueueDelivery(tx: Queryable, deliveryId: string, dedupeKey: string): Promise<void> {
  await enqueue(tx, WEBHOOK_QUEUE, { deliveryId }, { dedupeKey, maxAttempts: WEBHOOK_MAX_ATTEMPTS });
}
