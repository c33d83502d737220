-- Persons with patient experience: recruitment, assignments, compensation claims per a
-- configurable rate model; and records management: retention rules per record type.
-- Money is integer öre throughout (no floating point).

-- The compensation model (national model, levels set annually): one row per validity start.
-- A claim uses the model in force on its assignment's date and keeps a copy of the rates.
CREATE TABLE compensation_rate_models (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  valid_from date NOT NULL UNIQUE,
  meeting_fee_ore integer NOT NULL CHECK (meeting_fee_ore BETWEEN 0 AND 100000000),
  half_day_fee_ore integer NOT NULL CHECK (half_day_fee_ore BETWEEN 0 AND 100000000),
  full_day_fee_ore integer NOT NULL CHECK (full_day_fee_ore BETWEEN 0 AND 100000000),
  hourly_fee_ore integer NOT NULL CHECK (hourly_fee_ore BETWEEN 0 AND 100000000),
  mileage_ore_per_km integer NOT NULL CHECK (mileage_ore_per_km BETWEEN 0 AND 1000000),
  source text,
  is_example boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- An example model (not the national levels, which the sources do not state): see
-- docs/compensation.md. Administrators replace it with the levels of the year.
INSERT INTO compensation_rate_models (name, valid_from, meeting_fee_ore, half_day_fee_ore, full_day_fee_ore, hourly_fee_ore,
  mileage_ore_per_km, source, is_example)
VALUES ('Exempelmodell (ersätt med årets nationella nivåer)', '2024-01-01', 50000, 90000, 180000, 22500, 250,
  'Exempel: halvdag 900 kr och heldag 1 800 kr som i VGR:s regionala regel (reference/kunskapsstod.md avsnitt 6, S80); milersättning 25 kr/mil (Skatteverkets skattefria belopp för egen bil). De nationella nivåerna står i den nationella rutinen för patient-, brukar- och närståendemedverkan, avsnitt 4.4.2 (S55).',
  true);

-- A person with patient experience recruited to a group by its process support.
CREATE TABLE compensation_participants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons (id),
  group_id uuid NOT NULL REFERENCES groups (id),
  recruited_on date NOT NULL,
  recruited_by text NOT NULL CHECK (length(recruited_by) BETWEEN 1 AND 200),
  introduced_on date,
  introduced_by text CHECK (introduced_by IS NULL OR length(introduced_by) BETWEEN 1 AND 200),
  notes text CHECK (notes IS NULL OR length(notes) <= 4000),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (person_id, group_id),
  CHECK (introduced_on IS NULL OR introduced_on >= recruited_on)
);
CREATE INDEX compensation_participants_group ON compensation_participants (group_id);

-- One assignment: a meeting or work in the group on a date, with the time spent.
CREATE TABLE compensation_assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES compensation_participants (id),
  kind text NOT NULL CHECK (kind IN ('meeting', 'work')),
  assignment_date date NOT NULL,
  time_unit text NOT NULL CHECK (time_unit IN ('meeting', 'half-day', 'full-day', 'hours')),
  minutes integer CHECK (minutes IS NULL OR minutes BETWEEN 1 AND 1440),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((time_unit = 'hours') = (minutes IS NOT NULL))
);
CREATE INDEX compensation_assignments_participant ON compensation_assignments (participant_id, assignment_date);

-- A claim for one assignment: fee + mileage + other travel costs, amounts fixed at submission.
CREATE TABLE compensation_claims (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  assignment_id uuid NOT NULL UNIQUE REFERENCES compensation_assignments (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  group_id uuid NOT NULL REFERENCES groups (id),
  status text NOT NULL CHECK (status IN ('submitted', 'returned', 'approved', 'withdrawn')),
  distance_km integer NOT NULL DEFAULT 0 CHECK (distance_km BETWEEN 0 AND 10000),
  travel_costs_ore integer NOT NULL DEFAULT 0 CHECK (travel_costs_ore BETWEEN 0 AND 10000000),
  note text CHECK (note IS NULL OR length(note) <= 2000),
  rate_model_id uuid NOT NULL REFERENCES compensation_rate_models (id),
  rates jsonb NOT NULL,
  fee_ore integer NOT NULL CHECK (fee_ore >= 0),
  mileage_ore integer NOT NULL CHECK (mileage_ore >= 0),
  total_ore integer NOT NULL CHECK (total_ore = fee_ore + mileage_ore + travel_costs_ore),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  submitted_by uuid,
  decided_at timestamptz,
  decided_by uuid,
  decision_comment text,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX compensation_claims_person ON compensation_claims (person_id, submitted_at DESC);
CREATE INDEX compensation_claims_group ON compensation_claims (group_id, status);

-- How long each kind of record is kept and why: data that administrators edit.
CREATE TABLE retention_rules (
  record_type text PRIMARY KEY CHECK (record_type ~ '^[a-z-]{1,60}$'),
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
  on_anonymisation text NOT NULL CHECK (on_anonymisation IN ('keep', 'keep-pseudonymised', 'erase')),
  retention_years integer CHECK (retention_years IS NULL OR retention_years BETWEEN 0 AND 200),
  retention text NOT NULL CHECK (length(retention) BETWEEN 1 AND 1000),
  legal_basis text NOT NULL CHECK (length(legal_basis) BETWEEN 1 AND 2000),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO retention_rules (record_type, label, on_anonymisation, retention_years, retention, legal_basis) VALUES
  ('person', 'Personuppgifter (namn, e-post, HSA-id, yrke)', 'erase', NULL,
   'Så länge personen har eller nyligen har haft uppdrag; ersätts med en pseudonym när personen har slutat.',
   'Dataskyddsförordningen art. 5.1 c och e (uppgiftsminimering, lagringsbegränsning) och art. 17 (radering).'),
  ('membership', 'Uppdrag och ledamotskap', 'keep-pseudonymised', NULL,
   'Bevaras som allmän handling; gallras bara enligt myndighetens gallringsbeslut.',
   'Tryckfrihetsförordningen 2 kap. (allmänna handlingar) och arkivlagen (1990:782) 10 §: allmänna handlingar får gallras endast enligt beslut.'),
  ('jav-declaration', 'Jävsdeklarationer', 'keep', NULL,
   'Registreras (diarieförs) och bevaras tills ett gallringsbeslut säger annat; innehållet ändras inte.',
   'Allmän handling som registreras (offentlighets- och sekretesslagen 5 kap. 1 §); arkivlagen 10 §. Innehållet visas bara för personen och granskarna.'),
  ('compensation-claim', 'Ersättningsanspråk och utbetalningsunderlag', 'keep-pseudonymised', 7,
   'Sju år efter utgången av det kalenderår då räkenskapsåret avslutades.',
   'Räkenskapsinformation: bokföringslagen (1999:1078) 7 kap. 2 §; kommunal bokföring enligt lagen (2018:597) om kommunal bokföring och redovisning.'),
  ('compensation-participant', 'Rekrytering och introduktion (anteckningar)', 'erase', NULL,
   'Anteckningarna raderas när personen anonymiseras; datum för rekrytering och introduktion bevaras.',
   'Dataskyddsförordningen art. 5.1 c och e.'),
  ('case', 'Ärenden i diariet', 'keep', NULL,
   'Bevaras; en registrering ändras inte (rättelser blir nya poster).',
   'Offentlighets- och sekretesslagen 5 kap.; arkivlagen 10 §.'),
  ('audit-event', 'Granskningslogg', 'keep', NULL,
   'Loggen kan inte ändras av applikationen; gallras enligt dokumenthanteringsplanen.',
   'Säkerhetsloggning (dataskyddsförordningen art. 32) och spårbarhet; arkivlagen 10 §.');
