import { recordAudit } from '../audit/record.js';
import { authorize } from '../auth/policy.js';
import type { Ctx } from '../context.js';
import type { Db } from '../db/index.js';
import { notFound } from '../errors.js';
import './audit.js';
import { enqueueDelivery } from './fan-out.js';
import { getDelivery, markPending, type DeliveryRow } from './repository.js';

/**
 * Send a delivery again (a receiver lost it, or it failed for good): the same id and body, so a
 * receiver that already handled it recognises it. A fresh job with its own retries.
 */
export async function replayDelivery(db: Db, ctx: Ctx, id: string): Promise<DeliveryRow> {
  authorize(ctx.actor, 'webhooks.manage');
  return db.transaction(async (tx) => {
    const d = await getDelivery(tx, id);
    if (!d) throw notFound('Leveransen');
    await markPending(tx, id);
    const replays = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'webhook-delivery' AND entity_id = $1`,
      [id],
    );
    await enqueueDelivery(tx, id, `webhook:${id}:replay:${(replays[0]?.n ?? 0) + 1}`);
    await recordAudit(tx, ctx, {
      entityType: 'webhook-delivery',
      entityId: id,
      action: 'replay',
      after: { subscriptionId: d.subscription_id, eventKind: d.event_kind },
    });
    return { ...d, status: 'pending' };
  });
}
