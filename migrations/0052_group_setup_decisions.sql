-- Groups set up by decision (issue 21, item 11).
--
-- Seed 002 (Region Blekinge): "Efter beslut i Kunskapsråd/ Styrgrupp – LSVO, tillsätter LPO fasta
-- och vid behov tillfälliga lokala arbetsgrupper". Seed 000 (Region Jönköpings län):
-- "Programområdet kan i samråd med värdskapet tillsätta arbetsgrupper". A rule says, for one owner
-- and kind of group, who must have decided: named groups (by reference key) or the group the new
-- one reports to, and whether the samråd with the värdskap is recorded too.
CREATE TABLE group_setup_rules (
  owner text NOT NULL,
  group_kind text NOT NULL,
  decided_by_keys text[] NOT NULL DEFAULT '{}',
  decided_by_parent boolean NOT NULL DEFAULT false,
  host_consultation boolean NOT NULL DEFAULT false,
  source_id text NOT NULL,
  quote text NOT NULL,
  PRIMARY KEY (owner, group_kind),
  CHECK (cardinality(decided_by_keys) > 0 OR decided_by_parent)
);

INSERT INTO group_setup_rules (owner, group_kind, decided_by_keys, decided_by_parent, host_consultation, source_id, quote) VALUES
  ('10', 'working-group', ARRAY['10:kunskapsrad:kunskapsradet', '10:styrgrupp:nara-vard-lsvo'], false, false, 'seed-002',
   'Efter beslut i Kunskapsråd/ Styrgrupp – LSVO, tillsätter LPO fasta och vid behov tillfälliga lokala arbetsgrupper på operativ nivå för att genomföra arbete utifrån respektive insatsområde.'),
  ('06', 'working-group', '{}', true, true, 'seed-000',
   'Programområdet kan i samråd med värdskapet tillsätta arbetsgrupper för tillfälliga insatser eller delar av uppdraget.');

-- The decision a group was set up by: a § of justerade minutes in Navet, or (only for a decision
-- taken outside Navet) its body and reference as text; and the samråd with the värdskap.
ALTER TABLE groups
  ADD COLUMN setup_paragraph_id uuid REFERENCES minutes_paragraphs (id),
  ADD COLUMN setup_elsewhere text CHECK (setup_elsewhere IS NULL OR length(setup_elsewhere) BETWEEN 1 AND 300),
  ADD COLUMN host_consultation text CHECK (host_consultation IS NULL OR length(host_consultation) BETWEEN 1 AND 500),
  ADD CONSTRAINT groups_setup_where CHECK (setup_paragraph_id IS NULL OR setup_elsewhere IS NULL);

-- Composition rules may name the kinds of group migration 0047 added (seed 003: Västra's
-- processteam and regional stödfunktioner), like every other kind.
ALTER TABLE composition_rules DROP CONSTRAINT IF EXISTS composition_rules_group_kind_check;
ALTER TABLE composition_rules ADD CONSTRAINT composition_rules_group_kind_check CHECK (group_kind IN ('program-area',
  'collaboration-group', 'working-group', 'council', 'forum', 'steering-group', 'political-body', 'process-team',
  'support-function'));
