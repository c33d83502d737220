-- Seed 004: "Kommunrepresentanter deltar på jämlikt sätt i de programområden och samverkansgrupper
-- där kommuner har uppdrag, exempelvis primärvård, psykisk hälsa, äldres hälsa, barn och
-- ungdomars hälsa samt levnadsvanor." A rule can name the program areas it applies to (a group
-- covering any of them); the list is data an administrator edits ("exempelvis").
ALTER TABLE composition_rules ADD COLUMN program_area_ids text[] NOT NULL DEFAULT '{}';
INSERT INTO composition_rules (group_kind, group_level, group_owner, rule_type, roles, min_count, program_area_ids, description, source_id) VALUES
  ('program-area', 'national', 'national', 'role-count', '{kommunrepresentant}', 1,
   '{nationellt-primarvardsrad,psykisk-halsa,aldres-halsa-och-palliativ-vard,barn-och-ungdomars-halsa,levnadsvanor}',
   'Kommunrepresentanter deltar på jämlikt sätt i de programområden och samverkansgrupper där kommuner har uppdrag.', 'seed-004');
