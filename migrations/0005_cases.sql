-- The case register ("en väg in"): one entry per incoming matter, numbered per region and
-- year without gaps. The counter row is locked by the registering transaction, so concurrent
-- registrations queue and a rolled-back one gives its number back.

CREATE TABLE case_sequences (
  region_code text NOT NULL REFERENCES regions (code),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  last_sequence integer NOT NULL CHECK (last_sequence >= 0),
  PRIMARY KEY (region_code, year)
);

CREATE TABLE case_number_prefixes (
  region_code text PRIMARY KEY REFERENCES regions (code),
  prefix text NOT NULL CHECK (prefix ~ '^[A-ZÅÄÖ0-9-]{1,12}$')
);

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code text NOT NULL REFERENCES regions (code),
  year integer NOT NULL,
  sequence integer NOT NULL CHECK (sequence > 0),
  case_number text NOT NULL UNIQUE,
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 500),
  origin text NOT NULL CHECK (origin IN ('national', 'healthcare-region', 'local', 'agency', 'partner')),
  sender text NOT NULL CHECK (length(sender) BETWEEN 1 AND 300),
  received_date date NOT NULL,
  status text NOT NULL DEFAULT 'registrerad',
  registered_by uuid,
  registered_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (region_code, year, sequence)
);
CREATE INDEX cases_region_year ON cases (region_code, year, sequence);
