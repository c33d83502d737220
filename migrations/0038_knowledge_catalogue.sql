-- The catalogue from its sources (issue 18).
--
-- A support has an owner: 'national' (the national catalogue, written by national roles) or a
-- region (county code) or healthcare region id, whose samordnare author their regional and
-- local supports (a regional vårdprogram, riktlinje or rutin).
ALTER TABLE knowledge_supports ADD COLUMN owner text NOT NULL DEFAULT 'national'
  CHECK (length(owner) BETWEEN 1 AND 50);
CREATE INDEX knowledge_supports_owner ON knowledge_supports (owner);

-- The regional types beside the national ones.
ALTER TABLE knowledge_supports DROP CONSTRAINT IF EXISTS knowledge_supports_type_check;
ALTER TABLE knowledge_supports ADD CONSTRAINT knowledge_supports_type_check CHECK (type IN (
  'kliniskt-kunskapsstod', 'vardforlopp', 'vardprogram', 'vardriktlinje',
  'standardiserat-vardforlopp', 'vard-och-insatsprogram', 'nationella-riktlinjer',
  'regionalt-vardprogram', 'regional-riktlinje', 'rutin'));

-- The identifier a support has in the national catalogue file it was imported from: a
-- re-import matches on it (new version, unchanged, withdrawn), never on the title.
ALTER TABLE knowledge_supports ADD COLUMN catalogue_id text
  CHECK (catalogue_id IS NULL OR length(catalogue_id) BETWEEN 1 AND 100);
CREATE UNIQUE INDEX knowledge_supports_catalogue_id ON knowledge_supports (catalogue_id) WHERE catalogue_id IS NOT NULL;

-- The scheduled sync's memory of the source: what the last answer's validators were, so the
-- next request is conditional (If-None-Match / If-Modified-Since). One row per source URL.
CREATE TABLE knowledge_catalogue_sync (
  url text PRIMARY KEY CHECK (length(url) <= 2000),
  etag text,
  last_modified text,
  checked_at timestamptz,
  changed_at timestamptz,
  last_outcome text CHECK (last_outcome IS NULL OR last_outcome IN ('imported', 'not-modified', 'failed')),
  last_error text
);
