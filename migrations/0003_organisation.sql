-- Organisation registry: group lifecycle (active → closed | merged), reporting lines,
-- hosting, versioned mandate texts, deliberate coverage of program areas, and search.

-- Case- and diacritic-insensitive matching ("ogon" finds "Ögonsjukdomar").
CREATE FUNCTION sv_fold(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT translate(lower(translate(t, 'ÅÄÖÆØÉÈÜÁÀ', 'åäöæøéèüáà')), 'åäöæøéèüáà', 'aaoaoeeuaa') $$;

ALTER TABLE groups
  ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed', 'merged')),
  ADD COLUMN merged_into_group_id uuid REFERENCES groups (id),
  ADD COLUMN parent_relation text CHECK (parent_relation IN ('reports-to', 'prepares-for', 'appointed-by', 'part-of')),
  ADD COLUMN is_sub_group boolean NOT NULL DEFAULT false,
  ADD COLUMN contact_email text,
  ADD COLUMN host_description text,
  ADD COLUMN source_quote text,
  ADD COLUMN closed_reason text;

CREATE INDEX groups_parent ON groups (parent_group_id);
CREATE INDEX groups_mirrors ON groups (mirrors_group_id);
CREATE INDEX groups_fold ON groups ((sv_fold(name)));

-- Every version of a group's mandate (uppdragsbeskrivning) is kept.
CREATE TABLE group_mandates (
  group_id uuid NOT NULL REFERENCES groups (id),
  revision integer NOT NULL CHECK (revision > 0),
  text_md text NOT NULL CHECK (length(text_md) <= 100000),
  changed_by uuid,
  changed_by_label text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, revision)
);

-- A program area that an owner deliberately covers with another group (e.g. a council
-- spanning several areas) instead of its own program-area group.
CREATE TABLE mirror_coverage (
  owner text NOT NULL,
  program_area_id text NOT NULL REFERENCES program_areas (id),
  covered_by_group_id uuid NOT NULL REFERENCES groups (id),
  note text,
  PRIMARY KEY (owner, program_area_id)
);

-- Structural rules stated in the source texts (e.g. Mellansverige: one RPO per NPO).
CREATE TABLE structure_rules (
  owner text NOT NULL,
  rule text NOT NULL,
  source_id text,
  quote text,
  PRIMARY KEY (owner, rule)
);
