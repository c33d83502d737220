-- A region's answer to a national consultation round ("en väg in"): registration with a case
-- number, routing to the groups concerned, a gap-analysis survey answered through personal
-- links, a draft compiled section by section with anchored comments, beredning, decision and
-- sending; internal milestones scheduled back from the deadline; and the healthcare region's
-- joint answer compiled by its RPO from the member regions' input.

-- Per region: milestone offsets in working days before the round's deadline, and who prepares
-- and decides answers unless the routing of one answer says otherwise.
CREATE TABLE consultation_settings (
  region_code text PRIMARY KEY REFERENCES regions (code),
  survey_closes_days integer NOT NULL DEFAULT 12,
  draft_ready_days integer NOT NULL DEFAULT 8,
  beredning_days integer NOT NULL DEFAULT 5,
  decision_days integer NOT NULL DEFAULT 2,
  beredning_group_id uuid REFERENCES groups (id),
  decision_group_id uuid REFERENCES groups (id),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (survey_closes_days > draft_ready_days AND draft_ready_days > beredning_days
    AND beredning_days > decision_days AND decision_days >= 0 AND survey_closes_days <= 120)
);

CREATE TABLE consultation_answers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES consultation_rounds (id),
  region_code text NOT NULL REFERENCES regions (code),
  case_id uuid NOT NULL REFERENCES cases (id),
  status text NOT NULL DEFAULT 'registrerad' CHECK (status IN (
    'registrerad', 'fordelad', 'enkat-pagar', 'utkast', 'beredd', 'beslutad', 'skickad', 'ersatt')),
  lead_group_id uuid REFERENCES groups (id),
  beredning_group_id uuid REFERENCES groups (id),
  decision_group_id uuid REFERENCES groups (id),
  draft_ready_at timestamptz,
  prepared_at timestamptz,
  preparation_note text CHECK (preparation_note IS NULL OR length(preparation_note) <= 2000),
  decision_ref text CHECK (decision_ref IS NULL OR length(decision_ref) BETWEEN 1 AND 300),
  decided_on date,
  sent_on date,
  sent_note text CHECK (sent_note IS NULL OR length(sent_note) <= 2000),
  supersedes_answer_id uuid REFERENCES consultation_answers (id),
  superseded_reason text CHECK (superseded_reason IS NULL OR length(superseded_reason) BETWEEN 1 AND 2000),
  is_demo boolean NOT NULL DEFAULT false,
  created_by uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status NOT IN ('beslutad', 'skickad') OR (decision_ref IS NOT NULL AND decided_on IS NOT NULL)),
  CHECK (status <> 'ersatt' OR superseded_reason IS NOT NULL)
);
-- One live answer per round and region: a duplicate registration is refused.
CREATE UNIQUE INDEX consultation_answers_live ON consultation_answers (round_id, region_code) WHERE status <> 'ersatt';
CREATE INDEX consultation_answers_region ON consultation_answers (region_code, status);

-- Routing: the groups that share the answer; exactly one leads.
CREATE TABLE consultation_answer_groups (
  answer_id uuid NOT NULL REFERENCES consultation_answers (id),
  group_id uuid NOT NULL REFERENCES groups (id),
  is_lead boolean NOT NULL DEFAULT false,
  PRIMARY KEY (answer_id, group_id)
);
CREATE UNIQUE INDEX consultation_answer_groups_lead ON consultation_answer_groups (answer_id) WHERE is_lead;
CREATE INDEX consultation_answer_groups_group ON consultation_answer_groups (group_id);

CREATE TABLE consultation_answer_milestones (
  answer_id uuid NOT NULL REFERENCES consultation_answers (id),
  kind text NOT NULL CHECK (kind IN ('survey-closes', 'draft-ready', 'beredning', 'decision')),
  due_on date NOT NULL,
  warned_on date,
  PRIMARY KEY (answer_id, kind)
);

CREATE TABLE consultation_answer_sections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  answer_id uuid NOT NULL REFERENCES consultation_answers (id),
  position integer NOT NULL CHECK (position > 0),
  heading text NOT NULL CHECK (length(heading) BETWEEN 1 AND 200),
  body text NOT NULL DEFAULT '' CHECK (length(body) <= 50000),
  updated_by_label text,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (answer_id, position)
);

-- Comments anchored to a section of the draft, each with the compilers' response.
CREATE TABLE consultation_answer_comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  answer_id uuid NOT NULL REFERENCES consultation_answers (id),
  section_id uuid NOT NULL REFERENCES consultation_answer_sections (id),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  author_user_id uuid,
  author_label text NOT NULL,
  response text CHECK (response IS NULL OR length(response) BETWEEN 1 AND 5000),
  responded_by_label text,
  responded_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consultation_answer_comments_answer ON consultation_answer_comments (answer_id, created_at);

-- The gap-analysis survey: questions as data, one per answer.
CREATE TABLE consultation_surveys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  answer_id uuid NOT NULL UNIQUE REFERENCES consultation_answers (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  intro text CHECK (intro IS NULL OR length(intro) <= 5000),
  questions jsonb NOT NULL,
  closes_on date NOT NULL,
  status text NOT NULL DEFAULT 'oppen' CHECK (status IN ('oppen', 'stangd')),
  closed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A unit asked to answer, with its personal link: only the SHA-256 of the token is kept.
CREATE TABLE consultation_survey_recipients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survey_id uuid NOT NULL REFERENCES consultation_surveys (id),
  unit text NOT NULL CHECK (length(unit) BETWEEN 1 AND 200),
  name text CHECK (name IS NULL OR length(name) <= 200),
  email text CHECK (email IS NULL OR (email = lower(email) AND position('@' in email) > 1)),
  token_hash text NOT NULL UNIQUE,
  answers jsonb,
  responded_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consultation_survey_recipients_survey ON consultation_survey_recipients (survey_id);

-- The healthcare region's joint answer, coordinated by an RPO (or the regional cancer centre)
-- and approved by the healthcare region's management group.
CREATE TABLE consultation_joint_answers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES consultation_rounds (id),
  healthcare_region_id text NOT NULL REFERENCES healthcare_regions (id),
  coordinating_group_id uuid NOT NULL REFERENCES groups (id),
  approving_group_id uuid NOT NULL REFERENCES groups (id),
  status text NOT NULL DEFAULT 'samordnas' CHECK (status IN ('samordnas', 'godkand', 'skickad')),
  approval_ref text CHECK (approval_ref IS NULL OR length(approval_ref) BETWEEN 1 AND 300),
  approved_on date,
  sent_on date,
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (round_id, healthcare_region_id),
  CHECK (status = 'samordnas' OR (approval_ref IS NOT NULL AND approved_on IS NOT NULL))
);

CREATE TABLE consultation_joint_sections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  joint_answer_id uuid NOT NULL REFERENCES consultation_joint_answers (id),
  position integer NOT NULL CHECK (position > 0),
  heading text NOT NULL CHECK (length(heading) BETWEEN 1 AND 200),
  body text NOT NULL DEFAULT '' CHECK (length(body) <= 50000),
  updated_by_label text,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (joint_answer_id, position)
);
