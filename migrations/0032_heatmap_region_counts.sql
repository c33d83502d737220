-- The heatmap's region shares from a summary, not an aggregate over every current status on
-- every request (issue 20). Portable: runs on PostgreSQL 15 and on PGlite (PostgreSQL 18).
--
-- One row per region, support type, program area ('' = any) and kind ('' = the cell of the
-- newest version whatever its kind, as implementation_statuses.is_current; 'implement' or
-- 'phase-out' = the cell among that kind's rows, as is_current_kind): how many cells there are
-- and how many of them are implemented (inford, uppfoljd). Supports being written or out for
-- consultation are left out, as in the heatmap. A request sums at most a few hundred rows.
--
-- Statement triggers recompute the rows of the regions a write touched, in the same
-- transaction, from the flags that migration 0018's triggers keep: a status, its flags, a
-- support's type or status, a support's program areas. Writers of one region take turns (an
-- advisory lock per region), and each recompute reads after taking it, so it sees what the
-- writer before it committed. Recomputing (not adding and subtracting) makes a restored backup
-- right whatever order its tables come in: an inserted summary row that exists is merged.

CREATE TABLE heatmap_region_counts (
  region_code text NOT NULL,
  support_type text NOT NULL,
  program_area_id text NOT NULL,
  kind text NOT NULL,
  implemented integer NOT NULL CHECK (implemented >= 0),
  with_status integer NOT NULL CHECK (with_status >= implemented),
  -- A request reads one kind and one program area (or every one: the empty string) for every region.
  PRIMARY KEY (kind, program_area_id, support_type, region_code)
);

CREATE FUNCTION heatmap_region_counts_refresh(regions text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  r text;
BEGIN
  IF regions IS NULL OR cardinality(regions) = 0 THEN
    RETURN;
  END IF;
  FOR r IN SELECT DISTINCT x FROM unnest(regions) x ORDER BY x LOOP
    PERFORM pg_advisory_xact_lock(hashtext('heatmap_region_counts'), hashtext(r));
  END LOOP;
  DELETE FROM heatmap_region_counts c WHERE c.region_code = ANY(regions);
  INSERT INTO heatmap_region_counts (region_code, support_type, program_area_id, kind, implemented, with_status)
  SELECT s.region_code, k.type, a.area, kk.kind,
         count(*) FILTER (WHERE s.status IN ('inford', 'uppfoljd')), count(*)
  FROM implementation_statuses s
  JOIN knowledge_supports k ON k.id = s.support_id AND k.status NOT IN ('under-framtagande', 'pa-remiss')
  CROSS JOIN LATERAL (SELECT '' AS area
                      UNION ALL
                      SELECT pa.program_area_id FROM knowledge_support_program_areas pa WHERE pa.support_id = s.support_id) a
  CROSS JOIN LATERAL (SELECT '' AS kind WHERE s.is_current
                      UNION ALL
                      SELECT s.kind WHERE s.is_current_kind) kk
  WHERE s.region_code = ANY(regions) AND (s.is_current OR s.is_current_kind)
  GROUP BY s.region_code, k.type, a.area, kk.kind;
END
$$;

-- Statuses: only a change of what a count reads (not notes, dates or versions).
CREATE FUNCTION heatmap_region_counts_sync_statuses() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  regions text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n.region_code) INTO regions FROM changed_new n WHERE n.is_current OR n.is_current_kind;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o.region_code) INTO regions FROM changed_old o WHERE o.is_current OR o.is_current_kind;
  ELSE
    SELECT array_agg(DISTINCT x.region_code) INTO regions
      FROM ((SELECT n.id, n.status, n.kind, n.region_code, n.support_id, n.is_current, n.is_current_kind FROM changed_new n
             EXCEPT ALL
             SELECT o.id, o.status, o.kind, o.region_code, o.support_id, o.is_current, o.is_current_kind FROM changed_old o)
            UNION ALL
            (SELECT o.id, o.status, o.kind, o.region_code, o.support_id, o.is_current, o.is_current_kind FROM changed_old o
             EXCEPT ALL
             SELECT n.id, n.status, n.kind, n.region_code, n.support_id, n.is_current, n.is_current_kind FROM changed_new n)) x
      WHERE x.is_current OR x.is_current_kind;
  END IF;
  PERFORM heatmap_region_counts_refresh(regions);
  RETURN NULL;
END
$$;

-- Named after migration 0018's triggers, so they run after the flags are set.
CREATE TRIGGER implementation_statuses_shares_insert AFTER INSERT ON implementation_statuses
  REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION heatmap_region_counts_sync_statuses();
CREATE TRIGGER implementation_statuses_shares_update AFTER UPDATE ON implementation_statuses
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION heatmap_region_counts_sync_statuses();
CREATE TRIGGER implementation_statuses_shares_delete AFTER DELETE ON implementation_statuses
  REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION heatmap_region_counts_sync_statuses();

-- A support's type or status, or its program areas: the regions where it has a cell.
CREATE FUNCTION heatmap_region_counts_sync_supports() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  supports uuid[];
  regions text[];
BEGIN
  IF TG_TABLE_NAME = 'knowledge_supports' THEN
    SELECT array_agg(n.id) INTO supports FROM changed_new n JOIN changed_old o ON o.id = n.id
      WHERE (n.type, n.status) IS DISTINCT FROM (o.type, o.status);
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n.support_id) INTO supports FROM changed_new n;
  ELSE
    SELECT array_agg(DISTINCT o.support_id) INTO supports FROM changed_old o;
  END IF;
  IF supports IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT array_agg(DISTINCT s.region_code) INTO regions FROM implementation_statuses s
    WHERE s.support_id = ANY(supports) AND (s.is_current OR s.is_current_kind);
  PERFORM heatmap_region_counts_refresh(regions);
  RETURN NULL;
END
$$;

CREATE TRIGGER knowledge_supports_shares_update AFTER UPDATE ON knowledge_supports
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION heatmap_region_counts_sync_supports();
CREATE TRIGGER knowledge_support_program_areas_shares_insert AFTER INSERT ON knowledge_support_program_areas
  REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION heatmap_region_counts_sync_supports();
CREATE TRIGGER knowledge_support_program_areas_shares_delete AFTER DELETE ON knowledge_support_program_areas
  REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION heatmap_region_counts_sync_supports();

-- A restore inserts every table's rows in its own order: a summary row the triggers already
-- made takes the backup's figures (the same, from one snapshot) instead of failing.
CREATE FUNCTION heatmap_region_counts_merge() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE heatmap_region_counts c SET implemented = NEW.implemented, with_status = NEW.with_status
    WHERE (c.kind, c.program_area_id, c.support_type, c.region_code) = (NEW.kind, NEW.program_area_id, NEW.support_type, NEW.region_code);
  IF FOUND THEN
    RETURN NULL;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER heatmap_region_counts_merge BEFORE INSERT ON heatmap_region_counts
  FOR EACH ROW EXECUTE FUNCTION heatmap_region_counts_merge();

SELECT heatmap_region_counts_refresh(array_agg(code)) FROM regions;
