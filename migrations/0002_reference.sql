-- National reference data: healthcare regions, regions, municipalities, program areas,
-- national collaboration groups, and the sources every fact came from.

CREATE TABLE reference_sources (
  id text PRIMARY KEY CHECK (id ~ '^(S[0-9]+|seed-[0-9]{3})$'),
  section text NOT NULL,
  description text NOT NULL,
  url text
);

-- Which version of each data file is loaded, so reloading an unchanged file is a no-op.
CREATE TABLE reference_files (
  name text PRIMARY KEY,
  sha256 text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE healthcare_regions (
  id text PRIMARY KEY CHECK (id ~ '^[a-z-]+$'),
  name text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE regions (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
  name text NOT NULL,
  short_name text NOT NULL,
  county_name text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Region Halland ("13") is a member of two healthcare regions; membership is a relation.
CREATE TABLE healthcare_region_members (
  healthcare_region_id text NOT NULL REFERENCES healthcare_regions (id),
  region_code text NOT NULL REFERENCES regions (code),
  PRIMARY KEY (healthcare_region_id, region_code)
);
CREATE INDEX healthcare_region_members_region ON healthcare_region_members (region_code);

CREATE TABLE municipalities (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{4}$'),
  name text NOT NULL,
  region_code text NOT NULL REFERENCES regions (code),
  -- Set where a region is split (Halland): the healthcare region this municipality belongs to.
  healthcare_region_id text REFERENCES healthcare_regions (id),
  healthcare_region_basis text,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (substr(code, 1, 2) = region_code)
);
CREATE INDEX municipalities_region ON municipalities (region_code);
CREATE INDEX municipalities_sv ON municipalities ((sv_key(name)) COLLATE "C");

CREATE TABLE program_areas (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9-]+$'),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('npo', 'primarvardsrad')),
  host_healthcare_region_id text REFERENCES healthcare_regions (id),
  host_other text,
  host_status text NOT NULL CHECK (host_status IN ('confirmed', 'partly_confirmed', 'historical', 'seed_only', 'unknown')),
  host_basis text,
  source_ids text[] NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Groups on every level. The foundation loads the national ones (NPO, primärvårdsrådet, NSG);
-- the organisation registry builds on this table.
CREATE TABLE groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference_key text UNIQUE,
  kind text NOT NULL CHECK (kind IN ('program-area', 'collaboration-group', 'working-group', 'council', 'forum', 'steering-group', 'political-body')),
  level text NOT NULL CHECK (level IN ('national', 'healthcare-region', 'region')),
  owner text NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  short_name text,
  program_area_ids text[] NOT NULL DEFAULT '{}',
  mirrors_group_id uuid REFERENCES groups (id),
  parent_group_id uuid REFERENCES groups (id),
  fact_status text,
  fact_basis text,
  source_ids text[] NOT NULL DEFAULT '{}',
  is_demo boolean NOT NULL DEFAULT false,
  start_date date,
  end_date date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX groups_owner ON groups (level, owner);
CREATE INDEX groups_sv ON groups ((sv_key(name)) COLLATE "C", id);
