-- Plans and follow-up (issue 21, items 15, 17, 18, 19).
--
-- 15. An annual report (årsrapport) per program area (RMPO, LPO) and year: the kunskapsråd
--     follows the RMPOs' work through verksamhetsplan and årsrapport (seed 001).
--     draft → submitted → noted (by the kunskapsråd, with its decision reference).
CREATE TABLE annual_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_id uuid NOT NULL REFERENCES groups (id),
  owner text NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 20000),
  goal_fulfilment text CHECK (goal_fulfilment IS NULL OR length(goal_fulfilment) <= 20000),
  improvement_needs text CHECK (improvement_needs IS NULL OR length(improvement_needs) <= 20000),
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'noted')),
  submitted_on date,
  noted_by_group_id uuid REFERENCES groups (id),
  noted_on date,
  noted_ref text CHECK (noted_ref IS NULL OR length(noted_ref) <= 100),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (group_id, year),
  CHECK (state = 'draft' OR submitted_on IS NOT NULL),
  CHECK (state <> 'noted' OR (noted_on IS NOT NULL AND noted_by_group_id IS NOT NULL))
);
CREATE INDEX annual_reports_owner_year ON annual_reports (owner, year);

-- 17. A goal may be owned by a program area (an RMPO formulates measurable goals from the
--     healthcare region's patient promises, seed 001); reference goals carry a natural key.
ALTER TABLE followup_goals ADD COLUMN group_id uuid REFERENCES groups (id);
ALTER TABLE followup_goals ADD COLUMN reference_key text;
CREATE UNIQUE INDEX followup_goals_reference_key ON followup_goals (reference_key) WHERE reference_key IS NOT NULL;
CREATE INDEX followup_goals_group ON followup_goals (group_id) WHERE group_id IS NOT NULL;

-- 18. Recurring obligations (seed 000: the program areas meet sjukvårdens ledningsgrupp twice a
--     year; seed 002: the kommunikationsplan is evaluated in the kunskapsråd twice a year), each
--     with its occurrences: a due date, and a record that it happened (a meeting or a date + note).
CREATE TABLE obligations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner text NOT NULL,
  group_id uuid NOT NULL REFERENCES groups (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description text CHECK (description IS NULL OR length(description) <= 5000),
  times_per_year integer NOT NULL CHECK (times_per_year BETWEEN 1 AND 12),
  remind_days_before integer NOT NULL DEFAULT 30 CHECK (remind_days_before BETWEEN 0 AND 365),
  source_id text CHECK (source_id IS NULL OR source_id ~ '^[a-z0-9-]{1,40}$'),
  source_quote text CHECK (source_quote IS NULL OR length(source_quote) <= 2000),
  reference_key text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX obligations_reference_key ON obligations (reference_key) WHERE reference_key IS NOT NULL;
CREATE INDEX obligations_owner ON obligations (owner);

CREATE TABLE obligation_occurrences (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  obligation_id uuid NOT NULL REFERENCES obligations (id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  ordinal integer NOT NULL CHECK (ordinal BETWEEN 1 AND 12),
  due_on date NOT NULL,
  held_on date,
  meeting_id uuid REFERENCES meetings (id),
  note text CHECK (note IS NULL OR length(note) <= 5000),
  reminded_on date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (obligation_id, year, ordinal),
  CHECK (meeting_id IS NULL OR held_on IS NOT NULL)
);
CREATE INDEX obligation_occurrences_due ON obligation_occurrences (due_on) WHERE held_on IS NULL;

-- 19. The samverkansnämnd's four kinds of decision (seed 001) on a minutes paragraph.
ALTER TABLE minutes_paragraphs ADD COLUMN decision_type text
  CHECK (decision_type IS NULL OR decision_type IN ('shared-care', 'care-not-provided', 'budget-split', 'sold-care-prices'));
CREATE INDEX minutes_paragraphs_decision_type ON minutes_paragraphs (decision_type) WHERE decision_type IS NOT NULL;
