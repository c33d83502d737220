-- Issue 21 items 4–8: the councils' staffing and rotation, SKS, representation upward.

-- Seed 001 ("Kunskapsråd – bemanning: Två 'ledningspersoner' per landsting/region"): a role of its own.
ALTER TABLE memberships DROP CONSTRAINT IF EXISTS memberships_role_check;
ALTER TABLE memberships ADD CONSTRAINT memberships_role_check CHECK (role IN ('ordforande', 'vice-ordforande', 'processtod',
  'processledare', 'processagare', 'controller', 'administrativt-stod', 'sekreterare', 'samordnare', 'ledamot', 'ersattare',
  'adjungerad', 'deltagare', 'patientforetradare', 'kommunrepresentant', 'webbredaktor', 'superkodare', 'superanvandare',
  'kvalitetssamordnare', 'lokal-patientprocessledare', 'kontaktsjukskoterska', 'svf-koordinator', 'ledningsperson'));

-- Bodies other than regions that a seat can be held for (seed 002's SKS: the directors' networks,
-- SKR and the adjungerade's organisations). A membership's `represents` names a region, a
-- healthcare region or one of these.
CREATE TABLE represented_bodies (
  id text PRIMARY KEY CHECK (id ~ '^[a-z][a-z-]{1,39}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  source_id text
);
INSERT INTO represented_bodies (id, name, source_id) VALUES
  ('regiondirektorsnatverket', 'Regiondirektörsnätverket', 'seed-002'),
  ('hs-direktorsnatverket', 'Hälso- och sjukvårdsdirektörsnätverket', 'seed-002'),
  ('skr', 'Sveriges Kommuner och Regioner (SKR)', 'seed-002'),
  ('ekonomidirektorsnatverket', 'Ekonomidirektörsnätverket', 'seed-002'),
  ('kommunikationsdirektorsnatverket', 'Kommunikationsdirektörsnätverket', 'seed-002'),
  ('s-kis', 'Styrgrupp för nationell kunskapsstyrning i socialtjänsten (S-KiS), ordförande', 'seed-002'),
  ('skr-socialtjanst', 'Socialtjänst utbildning och arbetsmarknad, Stöd för kunskapsstyrning (SKR)', 'seed-002'),
  ('skr-data-och-analys', 'SKR, sektionschef Data och analys', 'seed-002'),
  ('skr-halso-och-sjukvard', 'SKR, sektionschef Hälso- och sjukvård', 'seed-002'),
  ('skr-stodfunktion', 'SKR, samordnare vid stödfunktionen för nationellt system för kunskapsstyrning', 'seed-002');

-- New kinds of rule:
--  per-body              seats per represented body (region_counts keyed by body id)
--  child-chairs          the chairs of the groups reporting to this one sit in it (seed 001)
--  group-representative  a member of the group named by related_group_key sits in it (seed 001: RMPO primärvård)
--  appoints-child-chairs the group appoints the chairs of the groups reporting to it, by a decided nomination (seed 001)
--  in-council            the group reports to an active council (seed 001: "Samtliga RMPO")
--  seats-above           min–max of the group's members hold a seat in the group it mirrors (seed 004)
ALTER TABLE composition_rules DROP CONSTRAINT IF EXISTS composition_rules_rule_type_check;
ALTER TABLE composition_rules ADD CONSTRAINT composition_rules_rule_type_check
  CHECK (rule_type IN ('role-count', 'per-region', 'per-healthcare-region', 'mandate-years', 'rotation', 'shared-chair',
    'per-body', 'child-chairs', 'group-representative', 'appoints-child-chairs', 'in-council', 'seats-above'));
ALTER TABLE composition_rules ADD COLUMN related_group_key text;
-- A rotation "på samma sätt som i RSL": its order, first period and length are those of another rule.
ALTER TABLE composition_rules ADD COLUMN follows_rule_id uuid REFERENCES composition_rules (id) ON DELETE SET NULL;

-- Seed 001 states the two-year rotation of RSL and the samverkansnämnd but not the order of the
-- regions nor the first period: migration 0009 had invented one. The order is data the
-- healthcare region sets (PUT /composition-rules/{id}/rotation-order); until then the rule is a
-- gap in the composition report.
UPDATE composition_rules SET region_order = '{}', anchor_date = NULL, version = version + 1, updated_at = now()
 WHERE source_id = 'seed-001' AND rule_type = 'rotation' AND region_order = '{05,06,08}' AND anchor_date = '2023-01-01';

-- Seed 001: "Regionsjukvårdsledningen och dess stab bemannas med verksamhetsföreträdare för de tre regionerna."
INSERT INTO composition_rules (group_key, rule_type, roles, min_count, description, source_id) VALUES
  ('sydostra:ledningsgrupp:regionsjukvardsledningen', 'per-region', '{ledamot,ordforande,vice-ordforande,sekreterare}', 1,
   'Regionsjukvårdsledningen bemannas med verksamhetsföreträdare för de tre regionerna.', 'seed-001'),
  ('sydostra:stab:regionsjukvardsledningens-stab', 'per-region',
   '{ledamot,samordnare,sekreterare,processledare,processtod,controller,administrativt-stod,deltagare}', 1,
   'Regionsjukvårdsledningens stab bemannas med verksamhetsföreträdare för de tre regionerna.', 'seed-001');

-- Seed 001, "Kunskapsråd – bemanning / principer / uppdrag": Sydöstra's four kunskapsråd.
INSERT INTO composition_rules (group_kind, group_level, group_owner, rule_type, roles, min_count, max_count, description, source_id) VALUES
  ('council', 'healthcare-region', 'sydostra', 'per-region', '{ledningsperson,ordforande}', 2, 2,
   'Två ledningspersoner per region (ordföranden är en av sin regions två).', 'seed-001'),
  ('council', 'healthcare-region', 'sydostra', 'role-count', '{sekreterare}', 1, 1, 'Kunskapsrådet har en sekreterare.', 'seed-001'),
  ('council', 'healthcare-region', 'sydostra', 'child-chairs', '{ordforande}', NULL, NULL,
   'Ordförande i ingående RMPO ingår i kunskapsrådet.', 'seed-001'),
  ('council', 'healthcare-region', 'sydostra', 'appoints-child-chairs', '{ordforande}', NULL, NULL,
   'Kunskapsrådet utser ordförande i ingående RMPO (nomineringen beslutas av kunskapsrådet).', 'seed-001');
INSERT INTO composition_rules (group_kind, group_level, group_owner, rule_type, roles, min_count, related_group_key, description, source_id) VALUES
  ('council', 'healthcare-region', 'sydostra', 'group-representative', '{}', 1, 'sydostra:rmpo:primarvard',
   'Representant från RMPO primärvård.', 'seed-001');
INSERT INTO composition_rules (group_kind, group_level, group_owner, rule_type, roles, description, source_id) VALUES
  ('program-area', 'healthcare-region', 'sydostra', 'in-council', '{}',
   'Samtliga RMPO ingår i ett kunskapsråd.', 'seed-001');
INSERT INTO composition_rules (group_kind, group_level, group_owner, rule_type, roles, years, follows_rule_id, description, source_id)
SELECT 'council', 'healthcare-region', 'sydostra', 'rotation', '{ordforande,sekreterare}', 2, id,
       'Rollen som ordförande och sekreterare roterar mellan regionerna på samma sätt som i RSL.', 'seed-001'
  FROM composition_rules WHERE group_key = 'sydostra:ledningsgrupp:regionsjukvardsledningen' AND rule_type = 'rotation'
 ORDER BY created_at LIMIT 1;

-- Seed 002, "Styrgrupp (SKS)".
INSERT INTO composition_rules (group_key, rule_type, roles, region_counts, description, source_id) VALUES
  ('national:styrgrupp:sks', 'per-body', '{ledamot,ordforande,vice-ordforande}',
   '{"regiondirektorsnatverket": 2, "hs-direktorsnatverket": 4, "skr": 1}',
   'Två representanter från regiondirektörsnätverket, fyra från hälso- och sjukvårdsdirektörsnätverket och en från SKR.', 'seed-002'),
  ('national:styrgrupp:sks', 'per-body', '{adjungerad}',
   '{"ekonomidirektorsnatverket": 1, "kommunikationsdirektorsnatverket": 1, "s-kis": 1, "skr-socialtjanst": 1, "skr-data-och-analys": 1, "skr-halso-och-sjukvard": 1, "skr-stodfunktion": 1}',
   'Adjungerade från ekonomidirektörsnätverket, kommunikationsdirektörsnätverket, ordförande i S-KiS, Socialtjänst utbildning och arbetsmarknad, sektionscheferna för Data och analys och för Hälso- och sjukvård på SKR samt samordnare vid stödfunktionen.', 'seed-002');
INSERT INTO composition_rules (group_key, rule_type, roles, min_count, description, source_id) VALUES
  ('national:styrgrupp:sks', 'per-healthcare-region', '{ledamot,ordforande,vice-ordforande}', 1,
   'Representanter från samtliga sex sjukvårdsregioner.', 'seed-002');

-- Seed 004: "En eller två RPO-ledamöter, även från kommuner beroende på område, sitter med i NPO för respektive programområde."
INSERT INTO composition_rules (group_kind, group_level, rule_type, roles, min_count, max_count, description, source_id) VALUES
  ('program-area', 'healthcare-region', 'seats-above', '{}', 1, 2,
   'En eller två RPO-ledamöter sitter med i NPO för respektive programområde.', 'seed-004');
