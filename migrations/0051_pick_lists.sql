-- Pick, never retype (issue 17, item 2).
--
-- 1. The register of senders: the organisations that send remisses and cases. Regions,
--    municipalities, NPOs and healthcare regions already live in the reference tables and are
--    read from there; this table holds the national agencies and SKR (seeded, each with its
--    source) and the organisations an administrator or samordnare adds.
-- 2. An implementation status's decision names what exists in Navet: the forum (a group), the
--    case and the § (a paragraph of minutes); free text only for a decision taken elsewhere.
--    Existing free text is mapped where it matches exactly one forum or case and kept as
--    legacy text otherwise. Portable: runs on PostgreSQL 15 and on PGlite.

CREATE TABLE senders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  short_name text CHECK (short_name IS NULL OR length(short_name) BETWEEN 1 AND 30),
  kind text NOT NULL CHECK (kind IN ('myndighet', 'skr', 'ovrig')),
  source_url text CHECK (source_url IS NULL OR (length(source_url) <= 1000 AND source_url ~ '^https://')),
  seeded boolean NOT NULL DEFAULT false,
  created_by text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX senders_name ON senders (lower(name));
CREATE INDEX senders_sv ON senders ((sv_key(name)) COLLATE "C", id);

-- The agencies that send remisses and knowledge supports to the regions, and SKR. Names and
-- short names as each agency writes them on its own site (source_url).
INSERT INTO senders (name, short_name, kind, source_url, seeded) VALUES
  ('Socialstyrelsen', NULL, 'myndighet', 'https://www.socialstyrelsen.se/om-socialstyrelsen/', true),
  ('Tandvårds- och läkemedelsförmånsverket', 'TLV', 'myndighet', 'https://www.tlv.se/om-oss.html', true),
  ('Läkemedelsverket', NULL, 'myndighet', 'https://www.lakemedelsverket.se/sv/om-lakemedelsverket', true),
  ('Folkhälsomyndigheten', NULL, 'myndighet', 'https://www.folkhalsomyndigheten.se/om-folkhalsomyndigheten/', true),
  ('Statens beredning för medicinsk och social utvärdering', 'SBU', 'myndighet', 'https://www.sbu.se/sv/om-sbu/', true),
  ('Inspektionen för vård och omsorg', 'IVO', 'myndighet', 'https://www.ivo.se/om-ivo/', true),
  ('E-hälsomyndigheten', NULL, 'myndighet', 'https://www.ehalsomyndigheten.se/om-oss/', true),
  ('Myndigheten för vård- och omsorgsanalys', 'Vårdanalys', 'myndighet', 'https://www.vardanalys.se/om-myndigheten/', true),
  ('Socialdepartementet', NULL, 'myndighet', 'https://www.regeringen.se/sveriges-regering/socialdepartementet/', true),
  ('Strålsäkerhetsmyndigheten', 'SSM', 'myndighet', 'https://www.stralsakerhetsmyndigheten.se/om-myndigheten/', true),
  ('Myndigheten för delaktighet', 'MFD', 'myndighet', 'https://www.mfd.se/om-oss/', true),
  ('Sveriges Kommuner och Regioner', 'SKR', 'skr', 'https://skr.se/skr/omskr.html', true);

ALTER TABLE implementation_statuses
  ADD COLUMN decision_forum_id uuid REFERENCES groups (id),
  ADD COLUMN decision_case_id uuid REFERENCES cases (id),
  ADD COLUMN decision_paragraph_id uuid REFERENCES minutes_paragraphs (id),
  ADD COLUMN decision_elsewhere text CHECK (decision_elsewhere IS NULL OR length(decision_elsewhere) BETWEEN 1 AND 300),
  ADD CONSTRAINT implementation_statuses_decision_where CHECK (decision_paragraph_id IS NULL OR decision_elsewhere IS NULL);

-- A forum written as text becomes the group of that name when exactly one group has it.
UPDATE implementation_statuses s SET decision_forum_id = g.id, decision_forum = NULL
  FROM groups g
  WHERE s.decision_forum IS NOT NULL AND lower(trim(g.name)) = lower(trim(s.decision_forum))
    AND (SELECT count(*) FROM groups g2 WHERE lower(trim(g2.name)) = lower(trim(s.decision_forum))) = 1;

-- A case reference becomes the case with that Navet case number, or with that diarienummer in the status's region.
UPDATE implementation_statuses s
  SET decision_case_id = (SELECT c.id FROM cases c
        WHERE c.case_number = trim(s.decision_case_ref) OR (c.region_code = s.region_code AND c.diarienummer = trim(s.decision_case_ref))),
      decision_case_ref = NULL
  WHERE s.decision_case_ref IS NOT NULL
    AND (SELECT count(*) FROM cases c
         WHERE c.case_number = trim(s.decision_case_ref) OR (c.region_code = s.region_code AND c.diarienummer = trim(s.decision_case_ref))) = 1;
