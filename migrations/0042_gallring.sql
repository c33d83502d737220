-- Gallring (issue 19, item 5): what happens to each kind of record when its retention period has
-- run out, as data beside the period. 'gallras' = removed by the gallring job once the period has
-- passed; 'bevaras' = kept (nothing is removed; closed cases are instead candidates for the
-- e-archive). Only the compensation claims' rule has both a period and a decision to remove today
-- (räkenskapsinformation, seven years after the end of the calendar year).
-- Portable: PostgreSQL 15 and PGlite.
ALTER TABLE retention_rules ADD COLUMN disposition text NOT NULL DEFAULT 'bevaras'
  CHECK (disposition IN ('gallras', 'bevaras'));
UPDATE retention_rules SET disposition = 'gallras' WHERE record_type = 'compensation-claim';
