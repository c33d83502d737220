-- Structures the seeds name that had no place yet (issue 21, items 2, 21, 22, 23).
--
-- Two more kinds of group: Västra's processteam (seed 003: each RPO starts at least one regional
-- processteam, mirrored by a local one) and its nine regional stödfunktioner (seed 003).
ALTER TABLE groups DROP CONSTRAINT IF EXISTS groups_kind_check;
ALTER TABLE groups ADD CONSTRAINT groups_kind_check CHECK (kind IN ('program-area', 'collaboration-group', 'working-group',
  'council', 'forum', 'steering-group', 'political-body', 'process-team', 'support-function'));

-- A group with no counterpart one level up, recorded as such by its source (seed 001: Sydöstra's
-- RSGs for upphandling, hållbar utveckling and eSpir "saknar motsvarighet i det nationella
-- systemet"): not a gap in the mirroring report. The text is the source's reason.
ALTER TABLE groups ADD COLUMN no_counterpart_reason text;

-- A structure rule may name how many groups the owner has (seed 003: 23 RPO and a
-- Primärvårdsråd; seed 002: Region Blekinge's 26 LPO), so the report can say how many are unnamed.
ALTER TABLE structure_rules ADD COLUMN expected_count integer CHECK (expected_count IS NULL OR expected_count > 0);

-- A time-limited agreement between bodies (seed 002: LSVO's "Kunskapsstyrning hälso- och sjukvård
-- – En överenskommelse i samverkan", decided 2024-05-24, limited to three years), with the program
-- areas and the national collaboration groups it covers.
CREATE TABLE agreements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference_key text NOT NULL UNIQUE,
  owner text NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  decided_by_group_id uuid REFERENCES groups (id),
  decided_on date NOT NULL,
  valid_until date NOT NULL,
  program_area_ids text[] NOT NULL DEFAULT '{}',
  group_ids uuid[] NOT NULL DEFAULT '{}',
  source_id text,
  quote text,
  CHECK (valid_until > decided_on)
);
CREATE INDEX agreements_decided_by ON agreements (decided_by_group_id);
