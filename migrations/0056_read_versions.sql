-- Versions of what cached reads are built from (issue 20): a read that is costly to build (the
-- heatmap, an indicator's series, open data, the reference lists) is kept per app process and
-- keyed by the versions of its topics, read in one indexed query before the answer is used. A
-- write bumps its topic's version in the same transaction (statement triggers below and in the
-- migrations that add topics), so every process sees the change at the write's commit and no
-- cached answer outlives the data it was built from. Nothing is kept in process memory that is
-- not checked against the database on each request (the scale-out rule).
--
-- The version is a counter in one row per topic, updated under the row's lock: it grows in
-- commit order, so a reader never sees a newer version with older data. Writers of one topic
-- take turns at that row until they commit; the topics are per module so writers of different
-- modules do not wait for each other.

CREATE TABLE read_versions (
  topic text PRIMARY KEY CHECK (topic ~ '^[a-z][a-z0-9-]{0,40}$'),
  version bigint NOT NULL DEFAULT 0 CHECK (version >= 0),
  changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION bump_read_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO read_versions (topic, version, changed_at) VALUES (TG_ARGV[0], 1, now())
  ON CONFLICT (topic) DO UPDATE SET version = read_versions.version + 1, changed_at = now();
  RETURN NULL;
END
$$;

-- Reference data: the geography and the program areas every list and filter is built on.
CREATE TRIGGER regions_read_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regions
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('reference');
CREATE TRIGGER municipalities_read_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipalities
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('reference');
CREATE TRIGGER healthcare_regions_read_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON healthcare_regions
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('reference');
CREATE TRIGGER healthcare_region_members_read_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON healthcare_region_members
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('reference');
CREATE TRIGGER program_areas_read_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON program_areas
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('reference');
CREATE TRIGGER reference_sources_read_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON reference_sources
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('reference');
