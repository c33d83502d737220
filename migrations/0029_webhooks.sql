-- Outbound webhooks: an administrator subscribes an address to event kinds (public changes:
-- the catalogue, the national consultation rounds, the public diary). A committed change that
-- is audited under a subscribed kind gets one delivery row per subscription in the same
-- transaction, and the outbox (jobs) posts it, signed, with retries and back-off. The
-- delivery's id is the idempotency key the receiver sees, the same on every retry and replay.

CREATE TABLE webhook_subscriptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  url text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2000),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 300),
  event_kinds text[] NOT NULL CHECK (cardinality(event_kinds) BETWEEN 1 AND 50),
  -- The HMAC key; shown once when created or rotated, needed in clear to sign.
  secret text NOT NULL CHECK (length(secret) >= 32),
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webhook_deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The log's order (newest first) and its paging key.
  seq bigint GENERATED ALWAYS AS IDENTITY,
  subscription_id uuid NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
  event_kind text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  delivered_at timestamptz,
  last_status_code integer,
  last_error text
);
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, seq DESC);

-- The delivery log: every attempt, its answer and how long it took.
CREATE TABLE webhook_delivery_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
  attempted_at timestamptz NOT NULL DEFAULT now(),
  status_code integer,
  error text,
  duration_ms integer NOT NULL
);
CREATE INDEX webhook_delivery_attempts_delivery ON webhook_delivery_attempts (delivery_id, id);
