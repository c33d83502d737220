-- Cheaper national reads (issue 20). Portable: runs on PostgreSQL 15 and on PGlite.
--
-- The knowledge supports' search also matches a support by its producer group's name, folded
-- (case and diacritics). Folding every group's name on every search cost more than the rest of
-- the search (the planner prices the folding as free, so it never took an index on the
-- expression): the folded name is stored, with a trigram index, as the supports' own folded
-- text is (migration 0031).
ALTER TABLE groups ADD COLUMN name_folded text GENERATED ALWAYS AS (sv_fold(name)) STORED;
CREATE INDEX groups_name_folded ON groups USING gin (name_folded gin_trgm_ops);

-- Rate-limit windows are counters of the last minutes, not records: every rate-limited request
-- (a search) writes its key's row, and a logged table made each of those a WAL flush at commit.
-- Unlogged, a crash empties the table (every window starts again), which is harmless.
ALTER TABLE rate_limits SET UNLOGGED;
