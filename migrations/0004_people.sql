-- People, jäv (conflict-of-interest) declarations and memberships.

CREATE TABLE persons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  email text CHECK (email IS NULL OR (email = lower(email) AND position('@' in email) > 1)),
  employer text,
  employer_type text CHECK (employer_type IN ('region', 'municipality', 'private-care-provider', 'patient-organisation', 'professional-association', 'agency', 'other')),
  profession text,
  hsa_id text UNIQUE CHECK (hsa_id IS NULL OR hsa_id ~ '^SE[0-9A-Za-z-]{4,60}$'),
  -- Whose register the person is in: 'national', a healthcare-region id or a county code.
  home_owner text NOT NULL,
  is_demo boolean NOT NULL DEFAULT false,
  anonymised_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX persons_email_key ON persons (email) WHERE email IS NOT NULL;
CREATE INDEX persons_home ON persons (home_owner);
CREATE INDEX persons_fold ON persons ((sv_fold(name)));

CREATE TABLE jav_declarations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons (id),
  nothing_to_declare boolean NOT NULL,
  interests jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'submitted'
    CHECK (status IN ('submitted', 'approved', 'approved-with-restrictions', 'returned')),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  submitted_by uuid,
  reviewed_at timestamptz,
  reviewed_by uuid,
  review_comment text,
  restrictions jsonb NOT NULL DEFAULT '[]',
  valid_until date,
  version integer NOT NULL DEFAULT 1,
  CHECK (NOT nothing_to_declare OR interests = '[]'::jsonb)
);
CREATE INDEX jav_declarations_person ON jav_declarations (person_id, submitted_at DESC);
CREATE INDEX jav_declarations_status ON jav_declarations (status);

CREATE TABLE memberships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_id uuid NOT NULL REFERENCES groups (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  role text NOT NULL CHECK (role IN ('ordforande', 'vice-ordforande', 'processtod', 'processledare', 'processagare',
    'controller', 'administrativt-stod', 'sekreterare', 'samordnare', 'ledamot', 'ersattare', 'adjungerad', 'deltagare',
    'patientforetradare', 'kommunrepresentant', 'webbredaktor')),
  start_date date NOT NULL,
  end_date date,
  override_reason text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX memberships_group ON memberships (group_id, role);
CREATE INDEX memberships_person ON memberships (person_id);
