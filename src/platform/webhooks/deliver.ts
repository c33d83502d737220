import type { Db } from '../db/index.js';
import type { JobHandler } from '../jobs/worker.js';
import { getDelivery, recordAttempt, type DeliveryRow } from './repository.js';
import { DELIVERY_HEADER, EVENT_HEADER, signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature.js';

const TIMEOUT_MS = 10_000;

/** Where a receiver reads the changed object (public API), by entity type. */
const RESOURCE: Record<string, ((id: string) => string) | undefined> = {
  'knowledge-support': (id) => `/api/v1/knowledge-supports/${id}`,
  'consultation-round': (id) => `/api/v1/consultation-rounds/${id}`,
};

/**
 * The body a receiver gets, the same bytes on every retry and replay. `id` is the idempotency
 * key: a receiver that has seen it has already handled the event.
 */
export function webhookBody(d: DeliveryRow, publicUrl: string): string {
  const path = RESOURCE[d.entity_type]?.(d.entity_id);
  return JSON.stringify({
    id: d.id,
    kind: d.event_kind,
    entityType: d.entity_type,
    entityId: d.entity_id,
    occurredAt: d.occurred_at.toISOString(),
    resource: path ? `${publicUrl.replace(/\/$/, '')}${path}` : null,
  });
}

/**
 * The job that posts one delivery: signed with the subscription's secret and the time of
 * sending, logged attempt by attempt. Anything but a 2xx throws, so the outbox retries it with
 * back-off; after the last attempt the delivery is marked failed (an administrator can replay).
 * A worker that dies mid-post leaves the job to be claimed again when its lease ends: the
 * receiver may then see the same id twice, and the id is how it knows.
 */
export function webhookDeliveryHandler(db: Db, publicUrl: string): JobHandler {
  return async (payload, job) => {
    const d = await getDelivery(db, String(payload.deliveryId));
    if (!d) return;
    const final = job ? job.attempts >= job.maxAttempts : false;
    const started = Date.now();
    if (!d.active) {
      await recordAttempt(db, {
        deliveryId: d.id,
        statusCode: null,
        error: 'Prenumerationen är avstängd.',
        durationMs: 0,
        outcome: 'failed',
      });
      return;
    }
    const body = webhookBody(d, publicUrl);
    const timestamp = Math.floor(Date.now() / 1000);
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Navet-Webhooks/1',
          [EVENT_HEADER]: d.event_kind,
          [DELIVERY_HEADER]: d.id,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(d.secret, timestamp, body),
        },
        body,
      });
      statusCode = res.status;
      await res.body?.cancel();
      if (res.status < 200 || res.status >= 300) error = `Mottagaren svarade ${res.status}.`;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const outcome = error === null ? 'delivered' : final ? 'failed' : 'pending';
    await recordAttempt(db, { deliveryId: d.id, statusCode, error, durationMs: Date.now() - started, outcome });
    if (error !== null) throw new Error(error);
  };
}
