-- National-scale reads (issue 20). Portable: runs on PostgreSQL 15 and on PGlite.
--
-- The cases list is newest first: ORDER BY year DESC, sequence DESC, region_code DESC, paged
-- by the keyset (year, sequence, region_code) < (…). With every visible region (a national
-- reader) the region filter keeps almost every row, so this index serves the order and the
-- keyset and the page stops after `limit` rows; one region uses cases_region_year instead.
CREATE INDEX cases_newest_first ON cases (year DESC, sequence DESC, region_code DESC);

-- The heatmap as of a date: each status row's last history entry by then, read in the order
-- of this index (status, newest first) without sorting the whole history; the status is
-- included, so the scan need not visit the table.
CREATE INDEX implementation_status_history_as_of ON implementation_status_history (status_id, valid_from DESC, recorded_at DESC)
  INCLUDE (status);

-- Knowledge support search: each word matches through full text or as a folded substring of
-- the title, producer or summary. The folded text is stored, with a trigram index, so the
-- substring test is an index search beside the full-text one (a bitmap OR of the two) instead
-- of folding every support's text on every search. pg_trgm is a trusted extension (the
-- database owner may create it) and ships with PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
ALTER TABLE knowledge_supports ADD COLUMN search_folded text
  GENERATED ALWAYS AS (sv_fold(title || ' ' || coalesce(producer_name, '') || ' ' || coalesce(summary, ''))) STORED;
CREATE INDEX knowledge_supports_search_folded ON knowledge_supports USING gin (search_folded gin_trgm_ops);
