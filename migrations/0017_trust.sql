-- Trust: idempotent retries of writes (Idempotency-Key) and an audit trail the application's
-- own database role cannot rewrite.

-- One row per (caller, key). A request claims its key first (claim_token, claimed_at); the
-- business transaction marks it committed in the same transaction as the change, and only the
-- current claim holder can commit, so a retry never does the work twice. The response of a
-- successful write is stored for replay; a refused request leaves no row behind.
CREATE TABLE idempotency_keys (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  method text NOT NULL,
  path text NOT NULL,
  request_hash text NOT NULL,
  claim_token uuid NOT NULL,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  committed_at timestamptz,
  response_status integer,
  response_type text,
  response_body text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- Nobody but the table's owner may change audit rows even if the trigger were dropped:
-- revoke UPDATE, DELETE and TRUNCATE from PUBLIC (a role granted only INSERT/SELECT by the
-- operator cannot rewrite the trail; see docs/security.md).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC;
