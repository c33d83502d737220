-- Seed 002 (Region Blekinge): the support roles at the tactical level — superkodare,
-- superanvändare (uppföljning/analys), kvalitetssamordnare — and the cancer area's lokal
-- patientprocessledare, kontaktsjuksköterska and SVF-koordinator (webbredaktör and processledare
-- were already there). One vocabulary: src/shared/vocabularies.ts.
ALTER TABLE memberships DROP CONSTRAINT IF EXISTS memberships_role_check;
ALTER TABLE memberships ADD CONSTRAINT memberships_role_check CHECK (role IN ('ordforande', 'vice-ordforande', 'processtod',
  'processledare', 'processagare', 'controller', 'administrativt-stod', 'sekreterare', 'samordnare', 'ledamot', 'ersattare',
  'adjungerad', 'deltagare', 'patientforetradare', 'kommunrepresentant', 'webbredaktor', 'superkodare', 'superanvandare',
  'kvalitetssamordnare', 'lokal-patientprocessledare', 'kontaktsjukskoterska', 'svf-koordinator'));

-- Seed 000: "Uppdraget som ordförande kan delas av en medarbetare från primärvård och en
-- medarbetare från specialiserad vård." The chair's seat records which of the two it is.
ALTER TABLE memberships ADD COLUMN care_sector text CHECK (care_sector IN ('primarvard', 'specialiserad-vard'));

-- A rule type of its own: when two share the chair, one comes from each sector.
ALTER TABLE composition_rules DROP CONSTRAINT IF EXISTS composition_rules_rule_type_check;
ALTER TABLE composition_rules ADD CONSTRAINT composition_rules_rule_type_check
  CHECK (rule_type IN ('role-count', 'per-region', 'per-healthcare-region', 'mandate-years', 'rotation', 'shared-chair'));
INSERT INTO composition_rules (group_kind, group_level, group_owner, rule_type, roles, description, source_id) VALUES
  ('program-area', 'region', '06', 'shared-chair', '{ordforande}',
   'Uppdraget som ordförande kan delas av en medarbetare från primärvård och en medarbetare från specialiserad vård.', 'seed-000');
