import type { Db, Queryable } from '../db/index.js';

export interface SubscriptionRow {
  id: string;
  url: string;
  description: string;
  event_kinds: string[];
  secret: string;
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface DeliveryRow {
  id: string;
  seq: number;
  subscription_id: string;
  event_kind: string;
  entity_type: string;
  entity_id: string;
  occurred_at: Date;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  delivered_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
}

export interface AttemptRow {
  id: number;
  delivery_id: string;
  attempted_at: Date;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export async function listSubscriptions(db: Queryable): Promise<SubscriptionRow[]> {
  return db.query<SubscriptionRow>('SELECT * FROM webhook_subscriptions ORDER BY created_at, id');
}

export async function getSubscription(db: Queryable, id: string, forUpdate = false): Promise<SubscriptionRow | undefined> {
  return (
    await db.query<SubscriptionRow>(`SELECT * FROM webhook_subscriptions WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id])
  )[0];
}

export async function insertSubscription(
  db: Queryable,
  s: { url: string; description: string; eventKinds: string[]; secret: string; createdBy: string | null },
): Promise<SubscriptionRow> {
  const rows = await db.query<SubscriptionRow>(
    `INSERT INTO webhook_subscriptions (url, description, event_kinds, secret, created_by)
     VALUES ($1, $2, $3::text[], $4, $5) RETURNING *`,
    [s.url, s.description, s.eventKinds, s.secret, s.createdBy],
  );
  return rows[0]!;
}

export async function updateSubscription(
  db: Queryable,
  id: string,
  s: { url: string; description: string; eventKinds: string[]; active: boolean; secret: string },
): Promise<SubscriptionRow> {
  const rows = await db.query<SubscriptionRow>(
    `UPDATE webhook_subscriptions SET url = $2, description = $3, event_kinds = $4::text[], active = $5, secret = $6,
       version = version + 1, updated_at = now()
     WHERE id = $1 RETURNING *`,
    [id, s.url, s.description, s.eventKinds, s.active, s.secret],
  );
  return rows[0]!;
}

export async function deleteSubscription(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM webhook_subscriptions WHERE id = $1', [id]);
}

/** One delivery per active subscription to the kind, in the caller's transaction; their ids. */
export async function insertDeliveries(
  db: Queryable,
  e: { kind: string; entityType: string; entityId: string },
): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO webhook_deliveries (subscription_id, event_kind, entity_type, entity_id)
     SELECT id, $1, $2, $3 FROM webhook_subscriptions WHERE active AND $1 = ANY (event_kinds)
     RETURNING id`,
    [e.kind, e.entityType, e.entityId],
  );
  return rows.map((r) => r.id);
}

export async function getDelivery(
  db: Queryable,
  id: string,
): Promise<(DeliveryRow & { url: string; secret: string; active: boolean }) | undefined> {
  return (
    await db.query<DeliveryRow & { url: string; secret: string; active: boolean }>(
      `SELECT d.*, s.url, s.secret, s.active FROM webhook_deliveries d
       JOIN webhook_subscriptions s ON s.id = d.subscription_id WHERE d.id = $1`,
      [id],
    )
  )[0];
}

export async function listDeliveries(
  db: Queryable,
  subscriptionId: string,
  limit: number,
  afterSeq?: number,
): Promise<DeliveryRow[]> {
  return db.query<DeliveryRow>(
    `SELECT * FROM webhook_deliveries WHERE subscription_id = $1 AND ($3::bigint IS NULL OR seq < $3::bigint)
     ORDER BY seq DESC LIMIT $2`,
    [subscriptionId, limit + 1, afterSeq ?? null],
  );
}

export async function attemptsOf(db: Queryable, deliveryIds: string[]): Promise<AttemptRow[]> {
  if (!deliveryIds.length) return [];
  return db.query<AttemptRow>('SELECT * FROM webhook_delivery_attempts WHERE delivery_id = ANY ($1::uuid[]) ORDER BY id', [
    deliveryIds,
  ]);
}

/** Logs one attempt and sets the delivery's state from it. */
export async function recordAttempt(
  db: Db,
  a: { deliveryId: string; statusCode: number | null; error: string | null; durationMs: number; outcome: DeliveryRow['status'] },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      'INSERT INTO webhook_delivery_attempts (delivery_id, status_code, error, duration_ms) VALUES ($1, $2, $3, $4)',
      [a.deliveryId, a.statusCode, a.error?.slice(0, 1000) ?? null, a.durationMs],
    );
    await tx.query(
      `UPDATE webhook_deliveries SET attempts = attempts + 1, status = $2, last_status_code = $3, last_error = $4,
         delivered_at = CASE WHEN $2 = 'delivered' THEN now() ELSE delivered_at END
       WHERE id = $1`,
      [a.deliveryId, a.outcome, a.statusCode, a.error?.slice(0, 1000) ?? null],
    );
  });
}

export async function markPending(db: Queryable, id: string): Promise<void> {
  await db.query(`UPDATE webhook_deliveries SET status = 'pending' WHERE id = $1`, [id]);
}
