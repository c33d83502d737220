-- The case flow: lifecycle (a state machine in src/modules/cases/rules/lifecycle.ts), triage by
-- the beredningsforum, assignment, bundling (paketering), secrecy marking, links, documents
-- stored in the database, and action items (åtgärdspunkter) that must be done before closure.

ALTER TABLE cases
  ADD CONSTRAINT cases_status_check CHECK (status IN ('registrerad', 'under-beredning', 'for-beslut', 'beslutad',
    'under-genomforande', 'avslutad', 'aterremitterad', 'bordlagd')),
  -- Who carries the matter out (LPO/LSG/LAG…) and who handles it, by when.
  ADD COLUMN assigned_group_id uuid REFERENCES groups (id),
  ADD COLUMN handler_person_id uuid REFERENCES persons (id),
  ADD COLUMN due_date date,
  -- The forum that owns the decision (proposed at triage, changed by escalation).
  ADD COLUMN forum_group_id uuid REFERENCES groups (id),
  ADD COLUMN decision_path text CHECK (decision_path IS NULL OR decision_path IN ('forum-decision', 'delegated', 'information', 'bundled')),
  ADD COLUMN triage_note text CHECK (triage_note IS NULL OR length(triage_note) <= 2000),
  -- Paketering: a bundled case follows its main case's decision.
  ADD COLUMN main_case_id uuid REFERENCES cases (id),
  ADD COLUMN decision_ref text CHECK (decision_ref IS NULL OR length(decision_ref) <= 300),
  -- Sekretessmarkering with its legal ground (e.g. "OSL 21 kap. 1 §").
  ADD COLUMN secret boolean NOT NULL DEFAULT false,
  ADD COLUMN secrecy_ground text CHECK (secrecy_ground IS NULL OR length(secrecy_ground) BETWEEN 1 AND 500),
  ADD COLUMN closed_at timestamptz,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
  ADD CONSTRAINT cases_secrecy_ground CHECK (NOT secret OR secrecy_ground IS NOT NULL),
  ADD CONSTRAINT cases_not_own_main CHECK (main_case_id IS NULL OR main_case_id <> id);

CREATE INDEX cases_status ON cases (region_code, status);
CREATE INDEX cases_handler ON cases (handler_person_id) WHERE handler_person_id IS NOT NULL;
CREATE INDEX cases_main ON cases (main_case_id) WHERE main_case_id IS NOT NULL;

-- Every change of status (and every escalation) with who, when and why.
CREATE TABLE case_transitions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Orders transitions made in one transaction (they share now()).
  seq bigint GENERATED ALWAYS AS IDENTITY,
  case_id uuid NOT NULL REFERENCES cases (id),
  from_status text NOT NULL,
  to_status text NOT NULL,
  kind text NOT NULL DEFAULT 'transition' CHECK (kind IN ('transition', 'escalation', 'bundle')),
  reason text CHECK (reason IS NULL OR length(reason) <= 2000),
  forum_group_id uuid REFERENCES groups (id),
  decision_ref text,
  actor_user_id uuid,
  actor_label text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_transitions_case ON case_transitions (case_id, seq);

-- Links to other cases, knowledge supports and consultation rounds. Targets outside the case
-- register live in other modules' tables, so the link is generic (type + id) without a key.
CREATE TABLE case_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  target_type text NOT NULL CHECK (target_type IN ('case', 'knowledge-support', 'consultation')),
  target_id uuid NOT NULL,
  relation text NOT NULL DEFAULT 'related' CHECK (relation IN ('related', 'bundled')),
  note text CHECK (note IS NULL OR length(note) <= 500),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, target_type, target_id),
  CHECK (NOT (target_type = 'case' AND target_id = case_id))
);
CREATE INDEX case_links_target ON case_links (target_type, target_id);

-- Uploaded documents, stored in the database itself (bytea) so a backup holds everything.
CREATE TABLE case_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  uploaded_by uuid,
  uploaded_by_label text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  CHECK (octet_length(content) = size_bytes)
);
CREATE INDEX case_documents_case ON case_documents (case_id, uploaded_at);

-- Åtgärdspunkter. A minutes paragraph may be their source (meetings module; no key, so the
-- modules stay independent).
CREATE TABLE case_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  owner_person_id uuid REFERENCES persons (id),
  owner_name text CHECK (owner_name IS NULL OR length(owner_name) BETWEEN 1 AND 200),
  due_date date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  done_at timestamptz,
  done_by uuid,
  source_meeting_id uuid,
  source_paragraph_id uuid,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK ((status = 'done') = (done_at IS NOT NULL)),
  CHECK ((source_meeting_id IS NULL) = (source_paragraph_id IS NULL))
);
CREATE INDEX case_actions_case ON case_actions (case_id, status);
CREATE INDEX case_actions_due ON case_actions (due_date) WHERE status = 'open';
CREATE INDEX case_actions_source ON case_actions (source_paragraph_id) WHERE source_paragraph_id IS NOT NULL;

-- "Action item due" notices: the in-app list and the idempotency record of the daily job
-- (one row per action item and due date; a rerun finds it and sends nothing twice).
CREATE TABLE case_action_notices (
  action_id uuid NOT NULL REFERENCES case_actions (id),
  due_date date NOT NULL,
  person_id uuid REFERENCES persons (id),
  sent_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  PRIMARY KEY (action_id, due_date)
);
