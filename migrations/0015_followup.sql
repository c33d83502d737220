-- Implementation and follow-up: goals from the patient promises, indicators with values per
-- region and period, imports, implementation status of knowledge supports per region (and
-- LPO), two-year operational plans, controller comments and PDSA cycles.

-- Goal tree: a patient promise (löfte) → measurable goals → (indicators point at a goal).
CREATE TABLE followup_goals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  parent_id uuid REFERENCES followup_goals (id),
  kind text NOT NULL CHECK (kind IN ('promise', 'goal')),
  owner text NOT NULL CHECK (owner = 'national' OR owner ~ '^[a-z-]+$' OR owner ~ '^[0-9]{2}$'),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description text CHECK (description IS NULL OR length(description) <= 5000),
  source_quote text,
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'promise') = (parent_id IS NULL))
);
CREATE INDEX followup_goals_parent ON followup_goals (parent_id);

CREATE TABLE followup_indicators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9._-]{1,40}$'),
  goal_id uuid REFERENCES followup_goals (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  definition text NOT NULL CHECK (length(definition) BETWEEN 1 AND 5000),
  unit text NOT NULL CHECK (length(unit) BETWEEN 1 AND 50),
  direction text NOT NULL CHECK (direction IN ('higher', 'lower')),
  periodicity text NOT NULL CHECK (periodicity IN ('month', 'quarter', 'year')),
  source text NOT NULL CHECK (source IN ('quality-register', 'waiting-time-database', 'patient-survey', 'own-measurement')),
  source_name text CHECK (source_name IS NULL OR length(source_name) <= 300),
  target_value numeric,
  alert_value numeric,
  program_area_id text REFERENCES program_areas (id),
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX followup_indicators_goal ON followup_indicators (goal_id);

-- area: 'SE' for the nation or a two-digit region code; sub_area: '' or a municipality code
-- or unit name (so the primary key holds without NULLs on PostgreSQL 15).
CREATE TABLE followup_indicator_values (
  indicator_id uuid NOT NULL REFERENCES followup_indicators (id) ON DELETE CASCADE,
  area text NOT NULL CHECK (area = 'SE' OR area ~ '^[0-9]{2}$'),
  sub_area text NOT NULL DEFAULT '' CHECK (length(sub_area) <= 100),
  period text NOT NULL CHECK (period ~ '^[0-9]{4}(-[0-9]{2}|-Q[1-4])?$'),
  value double precision NOT NULL,
  import_id uuid,
  PRIMARY KEY (indicator_id, area, sub_area, period)
);
CREATE INDEX followup_indicator_values_period ON followup_indicator_values (indicator_id, period);

CREATE TABLE followup_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  indicator_id uuid NOT NULL REFERENCES followup_indicators (id) ON DELETE CASCADE,
  file_name text NOT NULL,
  status text NOT NULL CHECK (status IN ('rejected', 'queued', 'running', 'done', 'failed')),
  mode text NOT NULL CHECK (mode IN ('all-or-nothing', 'valid-only')),
  total_rows integer NOT NULL DEFAULT 0,
  valid_rows integer NOT NULL DEFAULT 0,
  processed_rows integer NOT NULL DEFAULT 0,
  imported_rows integer NOT NULL DEFAULT 0,
  periods text[] NOT NULL DEFAULT '{}',
  report jsonb NOT NULL DEFAULT '[]',
  rows jsonb,
  error text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX followup_imports_indicator ON followup_imports (indicator_id, created_at);

-- Implementation status of a knowledge-support version in a region, or in one LPO of it.
-- unit_key = '' for the region as a whole, else the LPO's id (no NULLs in the unique key).
CREATE TABLE implementation_statuses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  support_id uuid NOT NULL REFERENCES knowledge_supports (id),
  support_version_id uuid NOT NULL REFERENCES knowledge_support_versions (id),
  region_code text NOT NULL REFERENCES regions (code),
  group_id uuid REFERENCES groups (id),
  unit_key text NOT NULL DEFAULT '',
  kind text NOT NULL DEFAULT 'implement' CHECK (kind IN ('implement', 'phase-out')),
  status text NOT NULL CHECK (status IN ('ej-paborjad', 'gap-analys', 'planerad', 'pagaende', 'inford', 'uppfoljd', 'ej-aktuell')),
  not_applicable_reason text CHECK (not_applicable_reason IS NULL OR length(not_applicable_reason) <= 2000),
  decision_date date,
  decision_forum text CHECK (decision_forum IS NULL OR length(decision_forum) <= 300),
  decision_case_ref text CHECK (decision_case_ref IS NULL OR length(decision_case_ref) <= 100),
  responsible_group_id uuid REFERENCES groups (id),
  planned_start date,
  planned_done date,
  actual_start date,
  actual_done date,
  notes text CHECK (notes IS NULL OR length(notes) <= 5000),
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text,
  UNIQUE (support_version_id, region_code, unit_key),
  CHECK ((status = 'ej-aktuell') = (not_applicable_reason IS NOT NULL)),
  CHECK (unit_key = coalesce(group_id::text, ''))
);
CREATE INDEX implementation_statuses_support ON implementation_statuses (support_id, region_code);
CREATE INDEX implementation_statuses_region ON implementation_statuses (region_code);

-- Every status a row has had, and from when: the heatmap "as of a date" reads this.
CREATE TABLE implementation_status_history (
  status_id uuid NOT NULL REFERENCES implementation_statuses (id) ON DELETE CASCADE,
  status text NOT NULL,
  valid_from date NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX implementation_status_history_status ON implementation_status_history (status_id, valid_from);

-- Two-year operational plans (verksamhetsplan) of an LPO or LSG.
CREATE TABLE operational_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_id uuid NOT NULL REFERENCES groups (id),
  region_code text NOT NULL,
  start_year integer NOT NULL CHECK (start_year BETWEEN 2000 AND 2100),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  state text NOT NULL DEFAULT 'drafted' CHECK (state IN ('drafted', 'agreed', 'established')),
  agreed_with text CHECK (agreed_with IS NULL OR length(agreed_with) <= 500),
  decision_ref text CHECK (decision_ref IS NULL OR length(decision_ref) <= 100),
  established_on date,
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (group_id, start_year),
  CHECK (state <> 'established' OR decision_ref IS NOT NULL)
);

CREATE TABLE operational_plan_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES operational_plans (id) ON DELETE CASCADE,
  priority integer NOT NULL CHECK (priority >= 1),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  rationale_kind text NOT NULL CHECK (rationale_kind IN ('npo-plan', 'local-need', 'healthcare-region-decision', 'low-value-care')),
  rationale text CHECK (rationale IS NULL OR length(rationale) <= 5000),
  owner_name text CHECK (owner_name IS NULL OR length(owner_name) <= 200),
  support_id uuid REFERENCES knowledge_supports (id),
  starts_on date,
  ends_on date,
  working_group_starts_on date,
  progress text NOT NULL DEFAULT 'not-started' CHECK (progress IN ('not-started', 'ongoing', 'done', 'cancelled')),
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX operational_plan_items_plan ON operational_plan_items (plan_id, priority);

-- The controller's comment on an indicator for a period, for one LPO's follow-up report.
CREATE TABLE followup_comments (
  group_id uuid NOT NULL REFERENCES groups (id),
  indicator_id uuid NOT NULL REFERENCES followup_indicators (id) ON DELETE CASCADE,
  period text NOT NULL,
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
  author_label text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, indicator_id, period)
);

-- PDSA cycles (plan, do, study, act) linked to an indicator, in a region.
CREATE TABLE pdsa_cycles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  indicator_id uuid NOT NULL REFERENCES followup_indicators (id),
  region_code text NOT NULL REFERENCES regions (code),
  group_id uuid REFERENCES groups (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  phase text NOT NULL DEFAULT 'plan' CHECK (phase IN ('plan', 'do', 'study', 'act', 'closed')),
  plan_text text,
  do_text text,
  study_text text,
  act_text text,
  started_on date,
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pdsa_cycles_indicator ON pdsa_cycles (indicator_id, region_code);
