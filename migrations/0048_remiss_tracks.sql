-- Issue 21, items 12–14 (seed 002). Portable: PostgreSQL 15 and PGlite.
--
-- 12. The remiss processes beyond SKR's two tracks are tracks of their own (the track definitions,
--     their ordered steps and who acts, are data in src/modules/consultation/rules/tracks.ts). A
--     round may be on any of them; the dates of a step that the seed leaves open are entered by a
--     person per round (consultation_round_steps), never computed.
ALTER TABLE consultation_rounds DROP CONSTRAINT consultation_rounds_track_check;
ALTER TABLE consultation_rounds ADD CONSTRAINT consultation_rounds_track_check CHECK (track IN (
  'synpunktsinhamtning', 'oppen-remiss', 'nationella-riktlinjer', 'hogspecialiserad-vard', 'cancer', 'partnerskapsmyndighet'));
ALTER TABLE consultation_rounds DROP CONSTRAINT consultation_rounds_proposed_track_check;
ALTER TABLE consultation_rounds ADD CONSTRAINT consultation_rounds_proposed_track_check CHECK (proposed_track IN (
  'synpunktsinhamtning', 'oppen-remiss', 'nationella-riktlinjer', 'hogspecialiserad-vard', 'cancer', 'partnerskapsmyndighet'));

CREATE TABLE consultation_round_steps (
  round_id uuid NOT NULL REFERENCES consultation_rounds (id) ON DELETE CASCADE,
  step text NOT NULL CHECK (step ~ '^[a-z0-9-]{1,60}$'),
  due_on date,
  done_on date,
  note text CHECK (note IS NULL OR length(note) BETWEEN 1 AND 2000),
  version integer NOT NULL DEFAULT 1,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (round_id, step)
);

-- 13. An öppen nationell remiss can also be answered by patient organisations, universities,
--     professions and municipalities: an invitation with a personal link (kept as a SHA-256, as
--     the surveys' links) and the organisation's answer.
CREATE TABLE consultation_invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES consultation_rounds (id),
  organisation text NOT NULL CHECK (length(organisation) BETWEEN 1 AND 300),
  organisation_kind text NOT NULL CHECK (organisation_kind IN ('patientorganisation', 'universitet', 'profession', 'kommun')),
  contact_email text NOT NULL CHECK (length(contact_email) BETWEEN 3 AND 320),
  token_hash text NOT NULL UNIQUE,
  answer text CHECK (answer IS NULL OR length(answer) BETWEEN 1 AND 20000),
  answered_at timestamptz,
  invited_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX consultation_invitations_org ON consultation_invitations (round_id, lower(organisation));

-- 14. Synpunktsinhämtning arrives through the region's funktionsbrevlåda; its contact persons
--     pass the link on by local routine. The mailbox and contact persons per region, and each
--     forwarding (who forwarded which round to whom, when).
CREATE TABLE consultation_mailboxes (
  region_code text PRIMARY KEY REFERENCES regions (code),
  address text NOT NULL CHECK (length(address) BETWEEN 3 AND 320),
  contacts jsonb NOT NULL DEFAULT '[]',
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE consultation_forwardings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES consultation_rounds (id),
  region_code text NOT NULL REFERENCES regions (code),
  forwarded_by_name text NOT NULL CHECK (length(forwarded_by_name) BETWEEN 1 AND 200),
  forwarded_by_email text NOT NULL CHECK (length(forwarded_by_email) BETWEEN 3 AND 320),
  forwarded_to text NOT NULL CHECK (length(forwarded_to) BETWEEN 1 AND 1000),
  forwarded_on date NOT NULL,
  note text CHECK (note IS NULL OR length(note) BETWEEN 1 AND 2000),
  recorded_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consultation_forwardings_region ON consultation_forwardings (region_code, forwarded_on);
