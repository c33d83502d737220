-- Reminders before a mandate ends or a jäv declaration lapses. One row per (item, threshold)
-- that has been sent: the daily job inserts it in the same transaction as the e-mails, so a
-- rerun (at-least-once) finds the row and sends nothing twice.
CREATE TABLE reminders_sent (
  kind text NOT NULL CHECK (kind IN ('membership-end', 'declaration-expiry')),
  item_id uuid NOT NULL,
  threshold_days integer NOT NULL CHECK (threshold_days > 0),
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, item_id, threshold_days)
);
