-- Meetings: attachments to agenda items (a snapshot of a group's follow-up report, issue 7),
-- and what a case's status was before it was put on an agenda (so taking it off again can
-- move it back).

-- The case's status when the item was put on the agenda. Putting a prepared case on the agenda
-- moves it to 'for-beslut'; taking the item off moves it back to this status. 'for-beslut' (or
-- NULL) means the case was already put forward some other way and is left as it is.
ALTER TABLE agenda_items ADD COLUMN case_status_before text
  CHECK (case_status_before IS NULL OR case_status_before IN ('under-beredning', 'aterremitterad', 'bordlagd', 'for-beslut'));

-- Items written before this column: the status is in the case's history, written by the agenda
-- ("Uppsatt på föredragningslistan till <forum> <date>.").
UPDATE agenda_items a SET case_status_before = (
  SELECT t.from_status FROM case_transitions t
  JOIN meetings m ON m.id = a.meeting_id
  JOIN groups g ON g.id = m.group_id
  WHERE t.case_id = a.case_id AND t.to_status = 'for-beslut'
    AND t.reason = 'Uppsatt på föredragningslistan till ' || g.name || ' ' || to_char(m.meeting_date, 'YYYY-MM-DD') || '.'
    AND t.from_status IN ('under-beredning', 'aterremitterad', 'bordlagd')
  ORDER BY t.seq DESC LIMIT 1
)
WHERE a.case_id IS NOT NULL;

-- A document attached to an agenda item, stored as a snapshot: the bytes as they were when
-- attached, with their SHA-256, so what the forum saw is what stays in the meeting's file.
CREATE TABLE meeting_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meetings (id),
  agenda_item_id uuid NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
  kind text NOT NULL DEFAULT 'followup-report' CHECK (kind IN ('followup-report')),
  -- The group whose follow-up report this is (an LPO, say).
  source_group_id uuid NOT NULL REFERENCES groups (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  format text NOT NULL CHECK (format IN ('pdf', 'docx')),
  content_type text NOT NULL,
  content bytea NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  created_by_name text NOT NULL CHECK (length(created_by_name) BETWEEN 1 AND 300)
);
CREATE INDEX meeting_attachments_meeting ON meeting_attachments (meeting_id, created_at);
CREATE INDEX meeting_attachments_item ON meeting_attachments (agenda_item_id);
