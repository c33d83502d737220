-- The heatmap's region shares as of a date from a summary, not an aggregate over the whole
-- status history on every request (issue 20: 42,000 cells with several history rows each were
-- sorted per request, spilling to disk). Portable: runs on PostgreSQL 15 and on PGlite.
--
-- heatmap_region_counts (migration 0032) holds today's counts per region, support type,
-- program area ('' = any) and kind ('' = any). This table holds the same counts through time:
-- a row says what they are from `valid_from` on, until the key's next row. Only days on which a
-- key's counts change have a row. A request takes each key's last row on or before its date
-- (an index probe per key, ~100 keys) and sums them per region.
--
-- A cell as of a date is what the heatmap's cells as of a date read (heatmap-queries.ts): the
-- region-wide row of the newest version that has a status by then, with that row's last status
-- by then (the last one recorded, for several on one day). So a row is its cell's from its first
-- status until a newer version's row gets its first status. Type, status and program areas of
-- the support are today's, as in the cells.
--
-- Statement triggers recompute the rows of the regions a write touched, in the same transaction:
-- history rows, a status row's version/kind/place, a deleted status, a support's type or status,
-- its program areas. Writers of one region take turns (an advisory lock per region). Recomputing
-- rather than adding makes a restored backup right whatever order its tables come in.

CREATE TABLE heatmap_region_counts_history (
  kind text NOT NULL,
  program_area_id text NOT NULL,
  support_type text NOT NULL,
  region_code text NOT NULL,
  valid_from date NOT NULL,
  implemented integer NOT NULL CHECK (implemented >= 0),
  with_status integer NOT NULL CHECK (with_status >= implemented),
  PRIMARY KEY (kind, program_area_id, support_type, region_code, valid_from)
);
-- A write recomputes some (region, type, area) units.
CREATE INDEX heatmap_region_counts_history_unit ON heatmap_region_counts_history (region_code, support_type, program_area_id);

-- The first level: what each cell (support, region, kind) adds to the counts of each key it
-- counts under (its support's type and program areas; none for supports being written or out
-- for consultation) on each day it changes: +1 with a status on its first day, +1/-1
-- implemented. Recomputed per cell from the history, so a write costs its own cells; a unit
-- (region, type, program area) of the second level is then one range of this index.
CREATE TABLE heatmap_cell_changes (
  region_code text NOT NULL,
  support_type text NOT NULL,
  program_area_id text NOT NULL,
  kind text NOT NULL,
  valid_from date NOT NULL,
  support_id uuid NOT NULL,
  d_implemented integer NOT NULL CHECK (d_implemented BETWEEN -1 AND 1),
  d_with_status integer NOT NULL CHECK (d_with_status IN (0, 1)),
  PRIMARY KEY (region_code, support_type, program_area_id, kind, valid_from, support_id)
);
CREATE INDEX heatmap_cell_changes_cell ON heatmap_cell_changes (support_id, region_code);

-- The second level for some (region, support type, program area) units: every kind's timeline
-- from the cells' changes, as running sums. Called with the region's lock held.
CREATE FUNCTION heatmap_region_counts_history_refresh(regions text[], types text[], areas text[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF regions IS NULL OR cardinality(regions) = 0 THEN
    RETURN;
  END IF;
  DELETE FROM heatmap_region_counts_history c
    WHERE (c.region_code, c.support_type, c.program_area_id) IN (SELECT * FROM unnest(regions, types, areas));
  INSERT INTO heatmap_region_counts_history (kind, program_area_id, support_type, region_code, valid_from, implemented, with_status)
  SELECT d.kind, d.area, d.type, d.region_code, d.valid_from,
         sum(d.d_impl) OVER k, sum(d.d_ws) OVER k
  FROM (SELECT c.kind, c.program_area_id AS area, c.support_type AS type, c.region_code, c.valid_from,
               sum(c.d_implemented) AS d_impl, sum(c.d_with_status) AS d_ws
        FROM heatmap_cell_changes c
        WHERE (c.region_code, c.support_type, c.program_area_id) IN (SELECT * FROM unnest(regions, types, areas))
        GROUP BY c.region_code, c.support_type, c.program_area_id, c.kind, c.valid_from
        HAVING sum(c.d_implemented) <> 0 OR sum(c.d_with_status) <> 0) d
  WINDOW k AS (PARTITION BY d.kind, d.area, d.type, d.region_code ORDER BY d.valid_from);
END
$$;

-- Writers of one region take turns, on the lock of migration 0032's summary (taken by the same
-- writes), so the two summaries' locks cannot be taken in opposite orders.
CREATE FUNCTION heatmap_counts_history_lock(regions text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  r text;
BEGIN
  FOR r IN SELECT DISTINCT x FROM unnest(regions) x ORDER BY x LOOP
    PERFORM pg_advisory_xact_lock(hashtext('heatmap_region_counts'), hashtext(r));
  END LOOP;
END
$$;

-- The cells of some (support, region) pairs, then the units they counted in before or count
-- in now (a support's old type or a removed program area included).
CREATE FUNCTION heatmap_cell_changes_refresh(supports uuid[], regions text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  u_regions text[];
  u_types text[];
  u_areas text[];
BEGIN
  IF supports IS NULL OR cardinality(supports) = 0 THEN
    RETURN;
  END IF;
  PERFORM heatmap_counts_history_lock(regions);
  WITH gone AS (
    DELETE FROM heatmap_cell_changes c
      WHERE (c.support_id, c.region_code) IN (SELECT * FROM unnest(supports, regions))
      RETURNING c.region_code, c.support_type, c.program_area_id
  )
  SELECT array_agg(u.region_code), array_agg(u.support_type), array_agg(u.program_area_id) INTO u_regions, u_types, u_areas
    FROM (SELECT DISTINCT * FROM gone) u;
  WITH cell_rows AS (
    -- Each region-wide row once per kind it counts under: any kind ('') and its own.
    SELECT s.id, s.support_id, s.region_code, kk.kind, v.created_at, v.id AS version_id
    FROM (SELECT DISTINCT * FROM unnest(supports, regions)) p(support_id, region_code)
    JOIN implementation_statuses s ON s.support_id = p.support_id AND s.region_code = p.region_code AND s.unit_key = ''
    JOIN knowledge_support_versions v ON v.id = s.support_version_id
    CROSS JOIN LATERAL (VALUES (''), (s.kind)) kk(kind)
  ),
  points AS (
    -- A row's status per day: the last one recorded that day.
    SELECT DISTINCT ON (h.status_id, h.valid_from) h.status_id, h.valid_from, h.status
    FROM implementation_status_history h
    WHERE h.status_id IN (SELECT r.id FROM cell_rows r)
    ORDER BY h.status_id, h.valid_from, h.recorded_at DESC
  ),
  owners AS (
    -- A row is its cell's from its first status until the first status of a newer version's row.
    SELECT r.id, r.support_id, r.region_code, r.kind,
           min(st.first_from) OVER (PARTITION BY r.support_id, r.region_code, r.kind
                                    ORDER BY r.created_at DESC, r.version_id DESC
                                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS until
    FROM cell_rows r
    JOIN (SELECT p.status_id, min(p.valid_from) AS first_from FROM points p GROUP BY p.status_id) st ON st.status_id = r.id
  ),
  cell_points AS (
    SELECT o.support_id, o.region_code, o.kind, p.valid_from,
           CASE WHEN p.status IN ('inford', 'uppfoljd') THEN 1 ELSE 0 END AS impl
    FROM owners o JOIN points p ON p.status_id = o.id
    WHERE o.until IS NULL OR p.valid_from < o.until
  ),
  changes AS (
    SELECT x.* FROM (
      SELECT c.region_code, c.kind, c.support_id, c.valid_from,
             c.impl - coalesce(lag(c.impl) OVER w, 0) AS d_impl,
             CASE WHEN lag(c.impl) OVER w IS NULL THEN 1 ELSE 0 END AS d_ws
      FROM cell_points c
      WINDOW w AS (PARTITION BY c.support_id, c.region_code, c.kind ORDER BY c.valid_from)) x
    WHERE x.d_impl <> 0 OR x.d_ws <> 0
  ),
  made AS (
    INSERT INTO heatmap_cell_changes (region_code, support_type, program_area_id, kind, valid_from, support_id, d_implemented, d_with_status)
    SELECT c.region_code, k.type, a.area, c.kind, c.valid_from, c.support_id, c.d_impl, c.d_ws
    FROM changes c
    JOIN knowledge_supports k ON k.id = c.support_id AND k.status NOT IN ('under-framtagande', 'pa-remiss')
    CROSS JOIN LATERAL (SELECT '' AS area
                        UNION ALL
                        SELECT pa.program_area_id FROM knowledge_support_program_areas pa WHERE pa.support_id = c.support_id) a
    RETURNING region_code, support_type, program_area_id
  )
  SELECT coalesce(u_regions, '{}') || array_agg(u.region_code), coalesce(u_types, '{}') || array_agg(u.support_type),
         coalesce(u_areas, '{}') || array_agg(u.program_area_id) INTO u_regions, u_types, u_areas
    FROM (SELECT DISTINCT * FROM made) u;
  PERFORM heatmap_region_counts_history_refresh(u_regions, u_types, u_areas);
END
$$;

-- History rows: the cells of their status rows (rows deleted with their status are handled by
-- the status's own trigger below: the status is gone when this one runs).
CREATE FUNCTION heatmap_counts_history_sync_history() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
  supports uuid[];
  regions text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n.status_id) INTO ids FROM changed_new n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o.status_id) INTO ids FROM changed_old o;
  ELSE
    SELECT array_agg(x.status_id) INTO ids FROM (SELECT n.status_id FROM changed_new n UNION SELECT o.status_id FROM changed_old o) x;
  END IF;
  SELECT array_agg(c.support_id), array_agg(c.region_code) INTO supports, regions
    FROM (SELECT DISTINCT s.support_id, s.region_code FROM implementation_statuses s WHERE s.id = ANY(ids) AND s.unit_key = '') c;
  PERFORM heatmap_cell_changes_refresh(supports, regions);
  RETURN NULL;
END
$$;

CREATE TRIGGER implementation_status_history_counts_insert AFTER INSERT ON implementation_status_history
  REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION heatmap_counts_history_sync_history();
CREATE TRIGGER implementation_status_history_counts_update AFTER UPDATE ON implementation_status_history
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION heatmap_counts_history_sync_history();
CREATE TRIGGER implementation_status_history_counts_delete AFTER DELETE ON implementation_status_history
  REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION heatmap_counts_history_sync_history();

-- Status rows: a deleted one, or a change of what places it in a cell (not its status or notes:
-- the history says the status), for the cells before and after.
CREATE FUNCTION heatmap_counts_history_sync_statuses() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  supports uuid[];
  regions text[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT array_agg(c.support_id), array_agg(c.region_code) INTO supports, regions
      FROM (SELECT DISTINCT o.support_id, o.region_code FROM changed_old o WHERE o.unit_key = '') c;
  ELSE
    SELECT array_agg(c.support_id), array_agg(c.region_code) INTO supports, regions
      FROM (SELECT DISTINCT x.support_id, x.region_code
            FROM ((SELECT n.id, n.kind, n.support_version_id, n.support_id, n.region_code, n.unit_key FROM changed_new n
                   EXCEPT ALL
                   SELECT o.id, o.kind, o.support_version_id, o.support_id, o.region_code, o.unit_key FROM changed_old o)
                  UNION ALL
                  (SELECT o.id, o.kind, o.support_version_id, o.support_id, o.region_code, o.unit_key FROM changed_old o
                   EXCEPT ALL
                   SELECT n.id, n.kind, n.support_version_id, n.support_id, n.region_code, n.unit_key FROM changed_new n)) x) c;
  END IF;
  PERFORM heatmap_cell_changes_refresh(supports, regions);
  RETURN NULL;
END
$$;

CREATE TRIGGER implementation_statuses_counts_history_update AFTER UPDATE ON implementation_statuses
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION heatmap_counts_history_sync_statuses();
CREATE TRIGGER implementation_statuses_counts_history_delete AFTER DELETE ON implementation_statuses
  REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION heatmap_counts_history_sync_statuses();

-- A support's type or status, or its program areas: its cells in every region where it has one.
CREATE FUNCTION heatmap_counts_history_sync_supports() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed uuid[];
  supports uuid[];
  regions text[];
BEGIN
  IF TG_TABLE_NAME = 'knowledge_supports' THEN
    SELECT array_agg(n.id) INTO changed FROM changed_new n JOIN changed_old o ON o.id = n.id
      WHERE (n.type, n.status) IS DISTINCT FROM (o.type, o.status);
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n.support_id) INTO changed FROM changed_new n;
  ELSE
    SELECT array_agg(DISTINCT o.support_id) INTO changed FROM changed_old o;
  END IF;
  IF changed IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT array_agg(c.support_id), array_agg(c.region_code) INTO supports, regions
    FROM (SELECT DISTINCT s.support_id, s.region_code FROM implementation_statuses s
          WHERE s.support_id = ANY(changed) AND s.unit_key = '') c;
  PERFORM heatmap_cell_changes_refresh(supports, regions);
  RETURN NULL;
END
$$;

CREATE TRIGGER knowledge_supports_counts_history_update AFTER UPDATE ON knowledge_supports
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION heatmap_counts_history_sync_supports();
CREATE TRIGGER knowledge_support_program_areas_counts_history_insert AFTER INSERT ON knowledge_support_program_areas
  REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION heatmap_counts_history_sync_supports();
CREATE TRIGGER knowledge_support_program_areas_counts_history_delete AFTER DELETE ON knowledge_support_program_areas
  REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION heatmap_counts_history_sync_supports();

-- A restore inserts every table's rows in its own order: a row the triggers already made takes
-- the backup's figures (the same, from one snapshot) instead of failing. Only for rows inserted
-- directly: the triggers' own recomputations have just deleted what they insert.
CREATE FUNCTION heatmap_region_counts_history_merge() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE heatmap_region_counts_history c SET implemented = NEW.implemented, with_status = NEW.with_status
    WHERE (c.kind, c.program_area_id, c.support_type, c.region_code, c.valid_from)
        = (NEW.kind, NEW.program_area_id, NEW.support_type, NEW.region_code, NEW.valid_from);
  IF FOUND THEN
    RETURN NULL;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER heatmap_region_counts_history_merge BEFORE INSERT ON heatmap_region_counts_history
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION heatmap_region_counts_history_merge();

-- Both levels may hold a restored backup's rows before the triggers make them.
CREATE FUNCTION heatmap_cell_changes_merge() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE heatmap_cell_changes c SET d_implemented = NEW.d_implemented, d_with_status = NEW.d_with_status
    WHERE (c.region_code, c.support_type, c.program_area_id, c.kind, c.valid_from, c.support_id)
        = (NEW.region_code, NEW.support_type, NEW.program_area_id, NEW.kind, NEW.valid_from, NEW.support_id);
  IF FOUND THEN
    RETURN NULL;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER heatmap_cell_changes_merge BEFORE INSERT ON heatmap_cell_changes
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION heatmap_cell_changes_merge();

-- Backfill what is already there.
SELECT heatmap_cell_changes_refresh(array_agg(c.support_id), array_agg(c.region_code))
  FROM (SELECT DISTINCT support_id, region_code FROM implementation_statuses WHERE unit_key = '') c;
