-- Forums and meetings: cadence settings per forum, meetings with notice (kallelse), agenda,
-- attendance, minutes (protokoll) with paragraphs numbered per forum and year, jäv per
-- paragraph, justering by named adjusters, calendar feed tokens and in-app notifications.

-- A forum's cadence rule and defaults (a forum is a group: council, forum, steering group …).
CREATE TABLE forum_settings (
  group_id uuid PRIMARY KEY REFERENCES groups (id),
  min_weeks integer NOT NULL DEFAULT 4 CHECK (min_weeks BETWEEN 1 AND 26),
  max_weeks integer NOT NULL DEFAULT 6 CHECK (max_weeks BETWEEN 1 AND 26),
  weekday integer NOT NULL DEFAULT 3 CHECK (weekday BETWEEN 1 AND 5),
  start_time text NOT NULL DEFAULT '13:00' CHECK (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  end_time text NOT NULL DEFAULT '15:00' CHECK (end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  default_place text CHECK (default_place IS NULL OR length(default_place) <= 300),
  -- [{ "from": "MM-DD", "to": "MM-DD" }]; "to" before "from" wraps the new year.
  blackouts jsonb NOT NULL DEFAULT '[]',
  standing_items jsonb NOT NULL DEFAULT '[]',
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (max_weeks >= min_weeks),
  CHECK (end_time > start_time)
);

CREATE TABLE meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_id uuid NOT NULL REFERENCES groups (id),
  meeting_date date NOT NULL,
  start_time text NOT NULL CHECK (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  end_time text NOT NULL CHECK (end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  place text CHECK (place IS NULL OR length(place) <= 300),
  online_url text CHECK (online_url IS NULL OR (length(online_url) <= 1000 AND online_url ~ '^https://')),
  status text NOT NULL DEFAULT 'planerat' CHECK (status IN ('planerat', 'kallat', 'genomfort', 'installt')),
  cancel_reason text CHECK (cancel_reason IS NULL OR length(cancel_reason) <= 1000),
  notice_sent_at timestamptz,
  minutes_status text NOT NULL DEFAULT 'utkast' CHECK (minutes_status IN ('utkast', 'for-justering', 'justerat')),
  minutes_locked_at timestamptz,
  -- RFC 5545 SEQUENCE: moves on every change a calendar client must see.
  ical_sequence integer NOT NULL DEFAULT 0,
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_time > start_time),
  CHECK ((minutes_status = 'justerat') = (minutes_locked_at IS NOT NULL))
);
CREATE INDEX meetings_group_date ON meetings (group_id, meeting_date);

CREATE TABLE agenda_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meetings (id),
  position integer NOT NULL CHECK (position > 0),
  kind text NOT NULL CHECK (kind IN ('case', 'standing', 'other')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  case_id uuid REFERENCES cases (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'case') = (case_id IS NOT NULL))
);
CREATE UNIQUE INDEX agenda_items_case ON agenda_items (meeting_id, case_id) WHERE case_id IS NOT NULL;
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);

-- Who was called (kallad) and who came. Role: the membership role, or adjungerad.
CREATE TABLE meeting_attendance (
  meeting_id uuid NOT NULL REFERENCES meetings (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  role text NOT NULL,
  status text NOT NULL DEFAULT 'kallad' CHECK (status IN ('kallad', 'narvarande', 'franvarande')),
  PRIMARY KEY (meeting_id, person_id)
);
CREATE INDEX meeting_attendance_person ON meeting_attendance (person_id);

-- Paragraph numbers run per forum and year without gaps: the counter row is locked by the
-- writing transaction, and only the last number of a year can be taken back.
CREATE TABLE minutes_sequences (
  group_id uuid NOT NULL REFERENCES groups (id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  last_number integer NOT NULL CHECK (last_number >= 0),
  PRIMARY KEY (group_id, year)
);

CREATE TABLE minutes_paragraphs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meetings (id),
  group_id uuid NOT NULL REFERENCES groups (id),
  year integer NOT NULL,
  number integer NOT NULL CHECK (number > 0),
  agenda_item_id uuid REFERENCES agenda_items (id),
  case_id uuid REFERENCES cases (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  decision_kind text NOT NULL DEFAULT 'beslut' CHECK (decision_kind IN ('beslut', 'information', 'aterremitterad', 'bordlagd')),
  decision_text text NOT NULL DEFAULT '' CHECK (length(decision_text) <= 20000),
  program_area_ids text[] NOT NULL DEFAULT '{}',
  knowledge_supports text[] NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (group_id, year, number)
);
CREATE INDEX minutes_paragraphs_meeting ON minutes_paragraphs (meeting_id, number);
CREATE INDEX minutes_paragraphs_fts ON minutes_paragraphs USING gin (to_tsvector('swedish', title || ' ' || decision_text));

-- Jäv per paragraph: a row for everyone whose participation was decided (proposed from the
-- declarations' restrictions, or set by the secretary). Taking part despite a restriction
-- needs an override reason.
CREATE TABLE paragraph_participation (
  paragraph_id uuid NOT NULL REFERENCES minutes_paragraphs (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  takes_part boolean NOT NULL,
  restriction_note text,
  override_reason text CHECK (override_reason IS NULL OR length(override_reason) BETWEEN 1 AND 1000),
  PRIMARY KEY (paragraph_id, person_id)
);

-- Action items written in a paragraph; they flow to the case's action items at justering.
CREATE TABLE paragraph_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  paragraph_id uuid NOT NULL REFERENCES minutes_paragraphs (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  owner_person_id uuid REFERENCES persons (id),
  owner_name text CHECK (owner_name IS NULL OR length(owner_name) BETWEEN 1 AND 200),
  due_date date,
  case_action_id uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX paragraph_actions_paragraph ON paragraph_actions (paragraph_id);

-- Justerare: named persons who approve the minutes.
CREATE TABLE minutes_adjusters (
  meeting_id uuid NOT NULL REFERENCES meetings (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  approved_at timestamptz,
  approved_by uuid,
  PRIMARY KEY (meeting_id, person_id)
);

-- A personal calendar feed: calendar clients cannot sign in, so the address holds a secret.
CREATE TABLE calendar_feed_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE UNIQUE INDEX calendar_feed_tokens_active ON calendar_feed_tokens (user_id) WHERE revoked_at IS NULL;

-- In-app notifications (the e-mail copy goes through outbound_emails).
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  kind text NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  body text NOT NULL DEFAULT '' CHECK (length(body) <= 5000),
  link text CHECK (link IS NULL OR length(link) <= 500),
  dedupe_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  UNIQUE (user_id, dedupe_key)
);
CREATE INDEX notifications_user ON notifications (user_id, created_at DESC);

-- One row per notice and recipient: the delivery job's idempotency record.
CREATE TABLE notification_deliveries (
  dedupe_key text NOT NULL,
  person_id uuid NOT NULL REFERENCES persons (id),
  delivered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (dedupe_key, person_id)
);
