import type { AttemptRow, DeliveryRow, SubscriptionRow } from './repository.js';
import type { SubscriptionAudit } from './audit.js';

export const presentSubscription = (s: SubscriptionRow, opts: { withSecret?: boolean } = {}) => ({
  id: s.id,
  url: s.url,
  description: s.description,
  eventKinds: s.event_kinds,
  active: s.active,
  version: s.version,
  createdAt: s.created_at.toISOString(),
  updatedAt: s.updated_at.toISOString(),
  ...(opts.withSecret ? { secret: s.secret } : {}),
});

export const subscriptionAudit = (s: SubscriptionRow): SubscriptionAudit => ({
  url: s.url,
  description: s.description,
  eventKinds: s.event_kinds,
  active: s.active,
  version: s.version,
});

export const presentDelivery = (d: DeliveryRow, attempts: AttemptRow[]) => ({
  id: d.id,
  subscriptionId: d.subscription_id,
  eventKind: d.event_kind,
  entityType: d.entity_type,
  entityId: d.entity_id,
  occurredAt: d.occurred_at.toISOString(),
  status: d.status,
  attempts: d.attempts,
  deliveredAt: d.delivered_at?.toISOString() ?? null,
  lastStatusCode: d.last_status_code,
  lastError: d.last_error,
  log: attempts
    .filter((a) => a.delivery_id === d.id)
    .map((a) => ({
      attemptedAt: a.attempted_at.toISOString(),
      statusCode: a.status_code,
      error: a.error,
      durationMs: a.duration_ms,
    })),
});
