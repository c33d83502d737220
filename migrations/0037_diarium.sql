-- The official diarium (issue 19, item 4). Navet's own case number stays the internal
-- reference; the region's official diarienummer is recorded beside it on a case and on a
-- consultation answer, unique within the region when set. Portable: PostgreSQL 15 and PGlite.

-- The region's klassificeringsstruktur: hierarchical codes ("1", "1.2", "1.2.3") with titles.
-- A code's parent is the code without its last part and must exist in the same region (checked
-- by the use case). Entries are never deleted, only made inactive: a classified case keeps its
-- entry, while an inactive one is not offered for new classifications.
CREATE TABLE case_classifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code text NOT NULL REFERENCES regions (code),
  code text NOT NULL CHECK (code ~ '^[0-9]{1,4}(\.[0-9]{1,4}){0,5}$'),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_code, code)
);

ALTER TABLE cases ADD COLUMN diarienummer text CHECK (diarienummer IS NULL OR length(diarienummer) BETWEEN 1 AND 100);
ALTER TABLE cases ADD COLUMN classification_id uuid REFERENCES case_classifications (id);
CREATE UNIQUE INDEX cases_diarienummer ON cases (region_code, diarienummer) WHERE diarienummer IS NOT NULL;
CREATE INDEX cases_classification ON cases (classification_id) WHERE classification_id IS NOT NULL;

ALTER TABLE consultation_answers ADD COLUMN diarienummer text
  CHECK (diarienummer IS NULL OR length(diarienummer) BETWEEN 1 AND 100);
-- A superseded answer gives its number to its successor, so only live answers must differ.
CREATE UNIQUE INDEX consultation_answers_diarienummer ON consultation_answers (region_code, diarienummer)
  WHERE diarienummer IS NOT NULL AND status <> 'ersatt';

-- A document's place in the diarium: its handlingstyp (a fixed vocabulary, rules/diarium.ts),
-- its direction, the sender (inkommande) or recipient (utgående), and the document's own date.
-- Documents uploaded before this migration count as upprättade, with no type, party or date.
ALTER TABLE case_documents ADD COLUMN document_type text;
ALTER TABLE case_documents ADD COLUMN direction text NOT NULL DEFAULT 'upprattad'
  CHECK (direction IN ('inkommande', 'upprattad', 'utgaende'));
ALTER TABLE case_documents ADD COLUMN counterpart text CHECK (counterpart IS NULL OR length(counterpart) BETWEEN 1 AND 300);
ALTER TABLE case_documents ADD COLUMN document_date date;
