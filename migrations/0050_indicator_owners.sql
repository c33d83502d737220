-- Regions own their indicators and their targets (issue 18): an indicator has an owner, as a goal
-- has had since 0015 — 'national', a healthcare region (its id), a region (länskod) or a
-- municipality (kommunkod). Every indicator so far is national. A municipality may now own goals
-- too. Units are named by HSA-id ("SE" + the catalogue owner's organisationsnummer + "-" + a
-- code, at most 31 characters): followup_units keeps the name the source gives each unit.
-- Portable: runs on PostgreSQL 15 and on PGlite (PostgreSQL 18).
ALTER TABLE followup_indicators ADD COLUMN owner text NOT NULL DEFAULT 'national' CHECK (
  owner = 'national' OR owner ~ '^[a-z][a-z-]{1,39}$' OR owner ~ '^[0-9]{2}$' OR owner ~ '^[0-9]{4}$'
);
CREATE INDEX followup_indicators_owner ON followup_indicators (owner);

ALTER TABLE followup_goals DROP CONSTRAINT followup_goals_owner_check;
ALTER TABLE followup_goals ADD CONSTRAINT followup_goals_owner_check CHECK (
  owner = 'national' OR owner ~ '^[a-z-]+$' OR owner ~ '^[0-9]{2}$' OR owner ~ '^[0-9]{4}$'
);

CREATE TABLE followup_units (
  hsa_id text PRIMARY KEY CHECK (hsa_id ~ '^SE[0-9]{10}-[A-Za-z0-9]{1,18}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  region_code text REFERENCES regions (code),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX followup_units_region ON followup_units (region_code);
