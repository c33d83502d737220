-- Mandates: complete memberships (the seat a member represents, early ends), nominations,
-- composition rules held as data (staffing, seats per region, mandate length, rotation).

ALTER TABLE memberships
  -- The region (county code) or healthcare region (id) whose seat the member holds.
  ADD COLUMN represents text,
  ADD COLUMN ended_early_reason text,
  ADD COLUMN nomination_id uuid,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX memberships_group_period ON memberships (group_id, start_date, end_date);

-- Rules per kind/level of group (or one named group by its reference key), editable by
-- administrators. All rules matching a group apply.
CREATE TABLE composition_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_kind text CHECK (group_kind IN ('program-area', 'collaboration-group', 'working-group', 'council', 'forum', 'steering-group', 'political-body')),
  group_level text CHECK (group_level IN ('national', 'healthcare-region', 'region')),
  group_owner text,
  group_key text,
  rule_type text NOT NULL CHECK (rule_type IN ('role-count', 'per-region', 'per-healthcare-region', 'mandate-years', 'rotation')),
  roles text[] NOT NULL DEFAULT '{}',
  min_count integer CHECK (min_count IS NULL OR min_count >= 0),
  max_count integer CHECK (max_count IS NULL OR max_count >= 0),
  -- per-region: seats for named regions, overriding min/max ({"12": 6}).
  region_counts jsonb NOT NULL DEFAULT '{}',
  years integer CHECK (years IS NULL OR years BETWEEN 1 AND 20),
  -- rotation: the order of regions and the day the first period starts.
  region_order text[] NOT NULL DEFAULT '{}',
  anchor_date date,
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
  source_id text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (min_count IS NULL OR max_count IS NULL OR min_count <= max_count)
);

CREATE TABLE nominations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_id uuid NOT NULL REFERENCES groups (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  nominating_org text NOT NULL CHECK (length(nominating_org) BETWEEN 1 AND 200),
  nominating_org_type text NOT NULL CHECK (nominating_org_type IN ('line-organisation', 'region', 'healthcare-region', 'municipality', 'professional-association', 'patient-organisation', 'other')),
  nominated_by text NOT NULL CHECK (length(nominated_by) BETWEEN 1 AND 200),
  motivation text,
  proposed_role text NOT NULL,
  proposed_start date NOT NULL,
  proposed_end date,
  represents text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'refused', 'withdrawn')),
  decision_date date,
  decision_reference text,
  decision_reason text,
  decided_by uuid,
  membership_id uuid REFERENCES memberships (id),
  created_by uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (proposed_end IS NULL OR proposed_end >= proposed_start)
);
CREATE INDEX nominations_group ON nominations (group_id, status);
CREATE INDEX nominations_org ON nominations (nominating_org, status);

-- The rules stated in the sources (seeds 000, 001, 002, 004).
INSERT INTO composition_rules (group_kind, group_level, rule_type, roles, min_count, max_count, description, source_id) VALUES
  ('program-area', 'region', 'role-count', '{ordforande}', 1, 2, 'En eller två ordförande (ordförandeskapet kan delas mellan primärvård och specialiserad vård).', 'seed-000'),
  ('program-area', 'region', 'role-count', '{processtod}', 1, NULL, 'Grundbemanning: processtöd.', 'seed-000'),
  ('program-area', 'region', 'role-count', '{controller}', 1, NULL, 'Grundbemanning: controller.', 'seed-000'),
  ('program-area', 'region', 'role-count', '{administrativt-stod}', 1, NULL, 'Grundbemanning: administrativt stöd.', 'seed-000'),
  ('program-area', 'region', 'role-count', '{patientforetradare}', 1, NULL, 'Grundbemanning: person med patienterfarenhet.', 'seed-000');
INSERT INTO composition_rules (group_kind, group_level, rule_type, roles, years, description, source_id) VALUES
  ('program-area', 'region', 'mandate-years', '{}', 3, 'Mandatperioden är tre år.', 'seed-000');
INSERT INTO composition_rules (group_kind, group_level, rule_type, roles, min_count, max_count, description, source_id) VALUES
  ('program-area', 'national', 'per-healthcare-region', '{ledamot,ordforande,vice-ordforande}', 1, 1, 'Ett NPO består av en representant från varje sjukvårdsregion.', 'seed-004'),
  ('program-area', 'healthcare-region', 'per-region', '{ledamot,ordforande,vice-ordforande}', 1, 2, 'I varje RPO ingår en eller två ledamöter från varje region i sjukvårdsregionen.', 'seed-004');
INSERT INTO composition_rules (group_key, rule_type, roles, min_count, max_count, region_counts, description, source_id) VALUES
  ('sodra:namnd:sodra-regionvardsnamnden', 'per-region', '{ledamot,ordforande,vice-ordforande}', 2, 2, '{"12": 6}',
   'Blekinge, Halland och Kronoberg utser vardera två ledamöter, Region Skåne sex: totalt 12 ledamöter.', 'seed-002'),
  ('sodra:namnd:sodra-regionvardsnamnden', 'per-region', '{ersattare}', 2, 2, '{"12": 6}',
   'Blekinge, Halland och Kronoberg utser vardera två ersättare, Region Skåne sex: totalt 12 ersättare.', 'seed-002'),
  ('sydostra:namnd:samverkansnamnden', 'per-region', '{ledamot,ordforande,vice-ordforande}', 3, 3, '{}',
   'Nämnden består av tre förtroendevalda från vardera region.', 'seed-001'),
  ('sydostra:namnd:samverkansnamnden', 'per-region', '{ersattare}', 3, 3, '{}',
   'Nämnden består av tre ersättare från vardera region.', 'seed-001');
-- The sources state the two-year rotation but not its order or first period: an administrator
-- corrects region_order and anchor_date for the real bodies.
INSERT INTO composition_rules (group_key, rule_type, roles, years, region_order, anchor_date, description, source_id) VALUES
  ('sydostra:namnd:samverkansnamnden', 'rotation', '{ordforande,sekreterare}', 2, '{05,06,08}', '2023-01-01',
   'Ansvaret för ordförandeskap och sekreterare roterar mellan regionerna i tvåårsperioder.', 'seed-001'),
  ('sydostra:ledningsgrupp:regionsjukvardsledningen', 'rotation', '{ordforande,sekreterare}', 2, '{05,06,08}', '2023-01-01',
   'Ansvar för ordförandeskap och sekreterare roterar mellan regionerna i tvåårsperioder.', 'seed-001');
