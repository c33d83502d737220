-- The national heatmap without sorting every status on every request. Portable: runs on
-- PostgreSQL 15 and on PGlite (PostgreSQL 18).
--
-- A heatmap cell is the region-wide status (unit_key = '') of the support's newest version
-- that has one. Each implementation_statuses row now says whether it is that cell:
--   is_current       the newest version's region-wide row for its support and region;
--   is_current_kind  the same among the rows of its own kind (the heatmap's `kind` filter).
-- "Newest" is the version's created_at, then its id (a fixed order for versions made in one
-- transaction). Statement triggers keep the flags right in the same transaction as every
-- write (the use cases, the demo data, bulk inserts, a restored backup), so the cells and
-- the region shares read the flags and an index instead of a DISTINCT ON sort. The history
-- table still answers "as of a date".

ALTER TABLE implementation_statuses
  ADD COLUMN is_current boolean NOT NULL DEFAULT false,
  ADD COLUMN is_current_kind boolean NOT NULL DEFAULT false,
  ADD CHECK (unit_key = '' OR NOT (is_current OR is_current_kind));

-- What the flags should be for the rows of the given (support, region) pairs.
CREATE FUNCTION implementation_statuses_wanted(supports uuid[], regions text[])
RETURNS TABLE (id uuid, cur boolean, cur_kind boolean)
LANGUAGE sql STABLE AS $$
  SELECT s.id,
    s.unit_key = '' AND row_number() OVER (PARTITION BY s.support_id, s.region_code, s.unit_key = ''
                                           ORDER BY v.created_at DESC, v.id DESC) = 1,
    s.unit_key = '' AND row_number() OVER (PARTITION BY s.support_id, s.region_code, s.unit_key = '', s.kind
                                           ORDER BY v.created_at DESC, v.id DESC) = 1
  FROM implementation_statuses s JOIN knowledge_support_versions v ON v.id = s.support_version_id
  WHERE (s.support_id, s.region_code) IN (SELECT k.s, k.r FROM unnest(supports, regions) AS k(s, r))
$$;

CREATE FUNCTION implementation_statuses_refresh_current(supports uuid[], regions text[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF supports IS NULL OR cardinality(supports) = 0 THEN
    RETURN;
  END IF;
  -- Writers of the same support and region take turns here; each statement below takes a
  -- new snapshot, so it sees what an earlier writer committed.
  PERFORM 1 FROM implementation_statuses s
    WHERE (s.support_id, s.region_code) IN (SELECT k.s, k.r FROM unnest(supports, regions) AS k(s, r))
    ORDER BY s.id FOR UPDATE;
  -- Clear first, then set: the unique indexes below allow one current row per cell at a time.
  UPDATE implementation_statuses s SET is_current = s.is_current AND w.cur, is_current_kind = s.is_current_kind AND w.cur_kind
    FROM implementation_statuses_wanted(supports, regions) w
    WHERE s.id = w.id AND ((s.is_current AND NOT w.cur) OR (s.is_current_kind AND NOT w.cur_kind));
  UPDATE implementation_statuses s SET is_current = w.cur, is_current_kind = w.cur_kind
    FROM implementation_statuses_wanted(supports, regions) w
    WHERE s.id = w.id AND (s.is_current, s.is_current_kind) IS DISTINCT FROM (w.cur, w.cur_kind);
END
$$;

-- One function for the three statement triggers; each names only its own transition tables.
CREATE FUNCTION implementation_statuses_sync_current() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  supports uuid[];
  regions text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(k.support_id), array_agg(k.region_code) INTO supports, regions
      FROM (SELECT DISTINCT n.support_id, n.region_code FROM changed_new n WHERE n.unit_key = '') k;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(k.support_id), array_agg(k.region_code) INTO supports, regions
      FROM (SELECT DISTINCT o.support_id, o.region_code FROM changed_old o WHERE o.unit_key = '') k;
  ELSE
    -- Only what moves a cell: not notes or dates, nor the flags this function sets itself.
    -- EXCEPT both ways gives the old and the new values of the rows that changed (a set
    -- operation: transition tables have no statistics, and a join of two may nest loops).
    SELECT array_agg(k.support_id), array_agg(k.region_code) INTO supports, regions
      FROM (SELECT DISTINCT x.support_id, x.region_code
            FROM ((SELECT n.id, n.status, n.kind, n.support_version_id, n.support_id, n.region_code, n.unit_key FROM changed_new n
                   EXCEPT ALL
                   SELECT o.id, o.status, o.kind, o.support_version_id, o.support_id, o.region_code, o.unit_key FROM changed_old o)
                  UNION ALL
                  (SELECT o.id, o.status, o.kind, o.support_version_id, o.support_id, o.region_code, o.unit_key FROM changed_old o
                   EXCEPT ALL
                   SELECT n.id, n.status, n.kind, n.support_version_id, n.support_id, n.region_code, n.unit_key FROM changed_new n)) x
            WHERE x.unit_key = '') k;
  END IF;
  PERFORM implementation_statuses_refresh_current(supports, regions);
  RETURN NULL;
END
$$;

CREATE TRIGGER implementation_statuses_current_insert AFTER INSERT ON implementation_statuses
  REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION implementation_statuses_sync_current();
CREATE TRIGGER implementation_statuses_current_update AFTER UPDATE ON implementation_statuses
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION implementation_statuses_sync_current();
CREATE TRIGGER implementation_statuses_current_delete AFTER DELETE ON implementation_statuses
  REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION implementation_statuses_sync_current();

-- The cells of a page of supports, and the region shares, read these (status included, so
-- an index-only scan answers the shares once the table is vacuumed).
CREATE UNIQUE INDEX implementation_statuses_current ON implementation_statuses (support_id, region_code)
  INCLUDE (status) WHERE is_current;
CREATE UNIQUE INDEX implementation_statuses_current_kind ON implementation_statuses (support_id, region_code, kind)
  INCLUDE (status) WHERE is_current_kind;

-- Backfill what is already there.
SELECT implementation_statuses_refresh_current(array_agg(k.support_id), array_agg(k.region_code))
  FROM (SELECT DISTINCT support_id, region_code FROM implementation_statuses WHERE unit_key = '') k;
