-- The valid rows of a streamed indicator import wait in followup_import_rows only while their
-- import runs (issue 20: a file of a million rows in a minute). They are rebuilt from the stored
-- file whenever an attempt starts (run-file-import.ts deletes them first), so:
-- * they need no write-ahead log: unlogged, writing them costs about half. After a crash the
--   server empties the table, and the retried job reads the file again, as it always does;
-- * they need no foreign key, whose check is a query per row (two thirds of the staging's cost).
--   The worker deletes its rows whenever its import ends, fails or is cancelled; rows whose import
--   is gone (its indicator deleted meanwhile) are swept with the abandoned uploads.
-- Portable: runs on PostgreSQL 15 and on PGlite (PostgreSQL 18).
ALTER TABLE followup_import_rows DROP CONSTRAINT followup_import_rows_import_id_fkey;
ALTER TABLE followup_import_rows SET UNLOGGED;
