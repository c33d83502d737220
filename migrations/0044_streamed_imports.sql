-- Indicator imports that stream (issue 20 item 3, issue 18 item 3): one CSV file of up to
-- millions of rows sent as the request body, kept in the database in chunks, read by the job
-- worker as a stream, with progress, a cancel and a downloadable report.
-- Portable: runs on PostgreSQL 15 and on PGlite (PostgreSQL 18).
--
-- status grows 'receiving' (the body is still arriving; invisible to the worker) and
-- 'cancelled' (the person stopped it: each period already written stays whole, nothing else).
ALTER TABLE followup_imports DROP CONSTRAINT followup_imports_status_check;
ALTER TABLE followup_imports ADD CONSTRAINT followup_imports_status_check CHECK (
  status IN ('receiving', 'rejected', 'queued', 'running', 'done', 'failed', 'cancelled')
);
ALTER TABLE followup_imports
  -- reading (validating the file) or writing (replacing periods); null before and after.
  ADD COLUMN phase text CHECK (phase IS NULL OR phase IN ('reading', 'writing')),
  ADD COLUMN dry_run boolean NOT NULL DEFAULT false,
  -- The uploaded file: its size and how far the worker has read it.
  ADD COLUMN size_bytes bigint,
  ADD COLUMN bytes_read bigint NOT NULL DEFAULT 0,
  ADD COLUMN problem_count integer NOT NULL DEFAULT 0,
  -- How to read it, settled when it arrived: the column mapping, encoding and separator.
  ADD COLUMN mapping jsonb,
  ADD COLUMN encoding text CHECK (encoding IS NULL OR encoding IN ('utf-8', 'windows-1252')),
  ADD COLUMN delimiter text CHECK (delimiter IS NULL OR delimiter IN (';', ',', E'\t')),
  -- The areas the person who sent it may write (the worker has no request to ask).
  ADD COLUMN allowed_areas text[],
  ADD COLUMN cancel_requested_at timestamptz,
  ADD COLUMN cancelled_by uuid;

-- The uploaded file, in the database (a backup holds it), in chunks of about a mebibyte.
-- Deleted when the import has finished, failed or been cancelled.
CREATE TABLE followup_import_chunks (
  import_id uuid NOT NULL REFERENCES followup_imports (id) ON DELETE CASCADE,
  seq integer NOT NULL CHECK (seq >= 0),
  content bytea NOT NULL,
  PRIMARY KEY (import_id, seq)
);

-- The valid rows read from the file, waiting to replace their period (the worker writes each
-- period from here in one transaction). Emptied when the import ends.
CREATE TABLE followup_import_rows (
  import_id uuid NOT NULL REFERENCES followup_imports (id) ON DELETE CASCADE,
  row_number integer NOT NULL,
  area text NOT NULL,
  sub_area text NOT NULL,
  level text NOT NULL,
  gender text NOT NULL,
  period text NOT NULL,
  value double precision NOT NULL,
  numerator double precision,
  denominator double precision
);
CREATE INDEX followup_import_rows_period ON followup_import_rows (import_id, period);

-- Every problem found in the file, row by row, for the downloadable report (the import's
-- `report` keeps the first 500 for the page).
CREATE TABLE followup_import_problems (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  import_id uuid NOT NULL REFERENCES followup_imports (id) ON DELETE CASCADE,
  row_number integer NOT NULL,
  column_name text NOT NULL,
  value text NOT NULL,
  message text NOT NULL
);
CREATE INDEX followup_import_problems_row ON followup_import_problems (import_id, row_number, id);
