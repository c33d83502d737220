-- Knowledge supports (kunskapsstöd): the catalogue with versions, lifecycle, consequence
-- descriptions, recommendations, local additions and routines, and the national consultation
-- rounds (remiss / synpunktsinhämtning) that consult one version of a support on one track.

CREATE TABLE knowledge_supports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  type text NOT NULL CHECK (type IN (
    'kliniskt-kunskapsstod', 'vardforlopp', 'vardprogram', 'vardriktlinje',
    'standardiserat-vardforlopp', 'vard-och-insatsprogram', 'nationella-riktlinjer')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  status text NOT NULL DEFAULT 'under-framtagande' CHECK (status IN (
    'under-framtagande', 'pa-remiss', 'beslutad', 'publicerad', 'under-revision', 'ersatt', 'upphavd')),
  producer_kind text NOT NULL DEFAULT 'npo' CHECK (producer_kind IN ('npo', 'nag', 'rcc', 'agency', 'other')),
  producer_group_id uuid NULL REFERENCES groups (id),
  producer_name text CHECK (producer_name IS NULL OR length(producer_name) <= 300),
  sender text CHECK (sender IS NULL OR length(sender) <= 300),
  url text CHECK (url IS NULL OR (length(url) <= 2000 AND url ~ '^https?://')),
  summary text CHECK (summary IS NULL OR length(summary) <= 10000),
  target_groups text[] NOT NULL DEFAULT '{}',
  next_revision_date date,
  valid_from date,
  valid_until date,
  replaced_by_support_id uuid REFERENCES knowledge_supports (id),
  status_reason text,
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_vector tsvector GENERATED ALWAYS AS (
    to_tsvector('swedish', coalesce(title, '') || ' ' || coalesce(producer_name, '') || ' ' || coalesce(summary, ''))
  ) STORED,
  CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from)
);
CREATE INDEX knowledge_supports_search ON knowledge_supports USING gin (search_vector);
CREATE INDEX knowledge_supports_fold ON knowledge_supports ((sv_fold(title)));
CREATE INDEX knowledge_supports_sv ON knowledge_supports ((sv_key(title)) COLLATE "C", id);
CREATE INDEX knowledge_supports_producer ON knowledge_supports (producer_group_id);
CREATE INDEX knowledge_supports_revision ON knowledge_supports (next_revision_date);

CREATE TABLE knowledge_support_program_areas (
  support_id uuid NOT NULL REFERENCES knowledge_supports (id) ON DELETE CASCADE,
  program_area_id text NOT NULL REFERENCES program_areas (id),
  PRIMARY KEY (support_id, program_area_id)
);
CREATE INDEX knowledge_support_program_areas_area ON knowledge_support_program_areas (program_area_id);

-- Each version has its own status (the same lifecycle), dates and change summary.
CREATE TABLE knowledge_support_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  support_id uuid NOT NULL REFERENCES knowledge_supports (id) ON DELETE CASCADE,
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 50),
  status text NOT NULL DEFAULT 'under-framtagande' CHECK (status IN (
    'under-framtagande', 'pa-remiss', 'beslutad', 'publicerad', 'under-revision', 'ersatt', 'upphavd')),
  change_summary text CHECK (change_summary IS NULL OR length(change_summary) <= 10000),
  url text CHECK (url IS NULL OR (length(url) <= 2000 AND url ~ '^https?://')),
  decided_on date,
  published_on date,
  valid_from date,
  valid_until date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (support_id, label),
  CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from)
);
CREATE INDEX knowledge_support_versions_support ON knowledge_support_versions (support_id, created_at);

-- The structured (national) consequence description of a version: six dimensions.
CREATE TABLE knowledge_consequences (
  support_version_id uuid NOT NULL REFERENCES knowledge_support_versions (id) ON DELETE CASCADE,
  dimension text NOT NULL CHECK (dimension IN (
    'population', 'resources', 'organisation', 'competence', 'patient-safety', 'ethics')),
  significance text NOT NULL CHECK (significance IN ('none', 'minor', 'significant')),
  text text CHECK (text IS NULL OR length(text) <= 10000),
  PRIMARY KEY (support_version_id, dimension)
);

-- Recommendations of Socialstyrelsens nationella riktlinjer: priority 1–10, icke-göra or FoU.
CREATE TABLE knowledge_recommendations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  support_id uuid NOT NULL REFERENCES knowledge_supports (id) ON DELETE CASCADE,
  code text CHECK (code IS NULL OR length(code) <= 50),
  condition text NOT NULL CHECK (length(condition) BETWEEN 1 AND 1000),
  measure text NOT NULL CHECK (length(measure) BETWEEN 1 AND 1000),
  grade text NOT NULL CHECK (grade IN ('prioritet', 'icke-gora', 'fou')),
  priority integer CHECK (priority BETWEEN 1 AND 10),
  comment text CHECK (comment IS NULL OR length(comment) <= 5000),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((grade = 'prioritet') = (priority IS NOT NULL))
);
CREATE INDEX knowledge_recommendations_support ON knowledge_recommendations (support_id);

-- Regional additions and local routines, owned by a local program-area group (LPO).
CREATE TABLE knowledge_local_additions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  support_id uuid NOT NULL REFERENCES knowledge_supports (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('regionalt-tillagg', 'lokal-rutin')),
  owner_group_id uuid NOT NULL REFERENCES groups (id),
  region_code text NOT NULL REFERENCES regions (code),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  body text CHECK (body IS NULL OR length(body) <= 50000),
  url text CHECK (url IS NULL OR (length(url) <= 2000 AND url ~ '^https?://')),
  status text NOT NULL DEFAULT 'utkast' CHECK (status IN ('utkast', 'publicerad', 'arkiverad')),
  review_date date,
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX knowledge_local_additions_support ON knowledge_local_additions (support_id);
CREATE INDEX knowledge_local_additions_owner ON knowledge_local_additions (owner_group_id);

-- A national consultation round consults one version on one track, in a calendar window.
CREATE TABLE consultation_rounds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  support_version_id uuid NOT NULL REFERENCES knowledge_support_versions (id),
  track text NOT NULL CHECK (track IN ('synpunktsinhamtning', 'oppen-remiss')),
  opens_on date NOT NULL,
  closes_on date NOT NULL,
  status text NOT NULL DEFAULT 'aktiv' CHECK (status IN ('aktiv', 'avbruten')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  sender text NOT NULL CHECK (length(sender) BETWEEN 1 AND 300),
  proposed_track text NOT NULL CHECK (proposed_track IN ('synpunktsinhamtning', 'oppen-remiss')),
  proposed_opens_on date NOT NULL,
  proposed_closes_on date NOT NULL,
  track_overridden boolean NOT NULL DEFAULT false,
  dates_overridden boolean NOT NULL DEFAULT false,
  override_reason text CHECK (override_reason IS NULL OR length(override_reason) BETWEEN 1 AND 2000),
  cancel_reason text,
  is_demo boolean NOT NULL DEFAULT false,
  created_by uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (closes_on > opens_on),
  CHECK ((NOT track_overridden AND NOT dates_overridden) OR override_reason IS NOT NULL)
);
CREATE INDEX consultation_rounds_version ON consultation_rounds (support_version_id);
CREATE INDEX consultation_rounds_closes ON consultation_rounds (closes_on);

-- Recipients: regions or healthcare regions.
CREATE TABLE consultation_round_recipients (
  round_id uuid NOT NULL REFERENCES consultation_rounds (id) ON DELETE CASCADE,
  recipient_type text NOT NULL CHECK (recipient_type IN ('region', 'healthcare-region')),
  recipient_id text NOT NULL,
  PRIMARY KEY (round_id, recipient_type, recipient_id)
);

-- Documents: a link, or a small upload kept in the database with its checksum.
CREATE TABLE consultation_round_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES consultation_rounds (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('utkast', 'missiv', 'konsekvensbeskrivning', 'svarsmall', 'ovrigt')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  url text CHECK (url IS NULL OR (length(url) <= 2000 AND url ~ '^https?://')),
  file_name text,
  media_type text,
  content bytea,
  size_bytes integer CHECK (size_bytes IS NULL OR size_bytes >= 0),
  sha256 text CHECK (sha256 IS NULL OR sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((url IS NOT NULL) <> (content IS NOT NULL)),
  CHECK (content IS NULL OR (file_name IS NOT NULL AND sha256 IS NOT NULL AND size_bytes IS NOT NULL))
);
CREATE INDEX consultation_round_documents_round ON consultation_round_documents (round_id);

-- Revision reminders: one row per (support, threshold) so the daily job is idempotent.
CREATE TABLE knowledge_reminders_sent (
  support_id uuid NOT NULL REFERENCES knowledge_supports (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('revision', 'validity')),
  due_date date NOT NULL,
  threshold_days integer NOT NULL CHECK (threshold_days >= 0),
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (support_id, kind, due_date, threshold_days)
);
