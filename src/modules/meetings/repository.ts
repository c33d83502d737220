import type { Queryable } from '../../platform/db/index.js';
import type { Static } from 'typebox';
import { selectRow, selectRows, setColumns } from '../../platform/db/rows.js';
import type { AttendanceStatus } from './rules/meeting.js';
import type { AttendanceList, MeetingDetail, Settings, Meeting } from './schemas.js';

/** Forums' settings, meetings, attendance and the persons they concern, in API shape (platform/db/rows.ts). */

/** A forum's settings as the API shows them (`group_id AS forum_id`). */
export type SettingsRecord = Static<typeof Settings>;

const SETTINGS = `SELECT group_id AS forum_id, min_weeks, max_weeks, weekday, start_time, end_time, default_place, blackouts,
  standing_items, version`;

export async function getSettings(db: Queryable, groupId: string, opts: { forUpdate?: boolean } = {}) {
  return selectRow<SettingsRecord>(
    db,
    `${SETTINGS} FROM forum_settings WHERE group_id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [groupId],
  );
}

export async function upsertSettings(db: Queryable, s: Omit<SettingsRecord, 'version'>): Promise<SettingsRecord> {
  const row = await selectRow<SettingsRecord>(
    db,
    `INSERT INTO forum_settings (group_id, min_weeks, max_weeks, weekday, start_time, end_time, default_place, blackouts, standing_items)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (group_id) DO UPDATE SET min_weeks = EXCLUDED.min_weeks, max_weeks = EXCLUDED.max_weeks,
       weekday = EXCLUDED.weekday, start_time = EXCLUDED.start_time, end_time = EXCLUDED.end_time,
       default_place = EXCLUDED.default_place, blackouts = EXCLUDED.blackouts, standing_items = EXCLUDED.standing_items,
       version = forum_settings.version + 1, updated_at = now()
     RETURNING group_id AS forum_id, min_weeks, max_weeks, weekday, start_time, end_time, default_place, blackouts,
       standing_items, version`,
    [
      s.forumId,
      s.minWeeks,
      s.maxWeeks,
      s.weekday,
      s.startTime,
      s.endTime,
      s.defaultPlace,
      JSON.stringify(s.blackouts),
      JSON.stringify(s.standingItems),
    ],
  );
  return row!;
}

/**
 * A meeting in API shape, with what the module reads besides: the forum's owner (its region) and
 * kind, the calendar's sequence and the last change. The presenter writes only the schema's fields.
 */
export type MeetingRecord = Static<typeof Meeting> & {
  forumOwner: string;
  forumKind: string;
  icalSequence: number;
  updatedAt: string;
};

const MEETING = `SELECT m.id, m.group_id AS forum_id, g.name AS forum_name, g.owner AS forum_owner, g.kind AS forum_kind,
    m.meeting_date AS date, m.start_time, m.end_time, m.place, m.online_url, m.status, m.cancel_reason, m.notice_sent_at,
    m.minutes_status, m.minutes_locked_at, m.ical_sequence, m.version, m.updated_at
  FROM meetings m JOIN groups g ON g.id = m.group_id`;

export async function getMeeting(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}) {
  if (opts.forUpdate) await db.query('SELECT id FROM meetings WHERE id = $1 FOR UPDATE', [id]);
  return selectRow<MeetingRecord>(db, `${MEETING} WHERE m.id = $1`, [id]);
}

export async function meetingsOfForum(db: Queryable, groupId: string, year?: number): Promise<MeetingRecord[]> {
  return selectRows<MeetingRecord>(
    db,
    `${MEETING} WHERE m.group_id = $1 AND ($2::int IS NULL OR extract(year FROM m.meeting_date) = $2::int)
     ORDER BY m.meeting_date, m.start_time, m.id`,
    [groupId, year ?? null],
  );
}

/**
 * Meetings a person is called to: attendance rows, or membership of the forum on the day; only
 * those between two dates when given. Two indexed lookups united (attendance by person; the
 * person's memberships, then their forums' meetings by date), not a test of every meeting.
 */
export async function meetingsOfPerson(
  db: Queryable,
  personId: string,
  between?: { from: string; to: string },
): Promise<MeetingRecord[]> {
  return selectRows<MeetingRecord>(
    db,
    `${MEETING} WHERE m.id IN (
       SELECT a.meeting_id FROM meeting_attendance a WHERE a.person_id = $1
       UNION
       SELECT mm.id FROM memberships ms JOIN meetings mm ON mm.group_id = ms.group_id
         AND mm.meeting_date >= ms.start_date AND (ms.end_date IS NULL OR mm.meeting_date <= ms.end_date)
         AND ($2::date IS NULL OR mm.meeting_date BETWEEN $2::date AND $3::date)
       WHERE ms.person_id = $1)
     AND ($2::date IS NULL OR m.meeting_date BETWEEN $2::date AND $3::date)
     ORDER BY m.meeting_date, m.start_time, m.id`,
    [personId, between?.from ?? null, between?.to ?? null],
  );
}

export async function insertMeeting(
  db: Queryable,
  m: {
    groupId: string;
    date: string;
    startTime: string;
    endTime: string;
    place: string | null;
    onlineUrl: string | null;
    isDemo?: boolean;
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO meetings (group_id, meeting_date, start_time, end_time, place, online_url, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [m.groupId, m.date, m.startTime, m.endTime, m.place, m.onlineUrl, m.isDemo ?? false],
  );
  return row!.id;
}

/** Changes a meeting's columns, named as the API names them (`date` is the meeting's day). */
export async function updateMeetingRow(
  db: Queryable,
  id: string,
  set: Partial<
    Pick<
      MeetingRecord,
      'date' | 'startTime' | 'endTime' | 'place' | 'onlineUrl' | 'status' | 'cancelReason' | 'minutesStatus'
    > & { noticeSentAt: Date; minutesLockedAt: Date | null }
  >,
  opts: { bumpSequence?: boolean } = {},
): Promise<void> {
  const { date, ...rest } = set;
  const params: unknown[] = [id];
  const assignments = [setColumns({ meetingDate: date, ...rest }, params)].filter(Boolean);
  if (opts.bumpSequence) assignments.push('ical_sequence = ical_sequence + 1');
  assignments.push('version = version + 1', 'updated_at = now()');
  await db.query(`UPDATE meetings SET ${assignments.join(', ')} WHERE id = $1`, params);
}

export async function touchMeeting(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE meetings SET version = version + 1, updated_at = now() WHERE id = $1', [id]);
}

// --- attendance -----------------------------------------------------------------------

/** A person called to a meeting, as the API lists them, with their e-mail for the notices. */
export type AttendanceRecord = Omit<Static<typeof AttendanceList>['items'][number], 'status'> & {
  status: AttendanceStatus;
  meetingId: string;
  email: string | null;
};

export async function attendanceOf(db: Queryable, meetingId: string): Promise<AttendanceRecord[]> {
  return selectRows<AttendanceRecord>(
    db,
    `SELECT a.meeting_id, a.person_id, p.name, p.email, a.role, a.status FROM meeting_attendance a JOIN persons p ON p.id = a.person_id
     WHERE a.meeting_id = $1 ORDER BY a.role = 'adjungerad', sv_key(p.name) COLLATE "C"`,
    [meetingId],
  );
}

export async function upsertAttendance(
  db: Queryable,
  a: { meetingId: string; personId: string; role: string; status?: string },
): Promise<void> {
  await db.query(
    `INSERT INTO meeting_attendance (meeting_id, person_id, role, status) VALUES ($1, $2, $3, COALESCE($4, 'kallad'))
     ON CONFLICT (meeting_id, person_id) DO UPDATE SET role = EXCLUDED.role, status = COALESCE($4, meeting_attendance.status)`,
    [a.meetingId, a.personId, a.role, a.status ?? null],
  );
}

/** A member of the forum as the meeting page lists them, with their e-mail. */
export type MemberRecord = Static<typeof MeetingDetail>['members'][number] & { email: string | null };

/** The forum's members on a day (one row per person, the most senior role first). */
export async function activeMembers(db: Queryable, groupId: string, date: string): Promise<MemberRecord[]> {
  return selectRows<MemberRecord>(
    db,
    `SELECT * FROM (
       SELECT DISTINCT ON (m.person_id) m.person_id, p.name, p.email, m.role
       FROM memberships m JOIN persons p ON p.id = m.person_id
       WHERE m.group_id = $1 AND m.start_date <= $2::date AND (m.end_date IS NULL OR m.end_date >= $2::date) AND p.anonymised_at IS NULL
       ORDER BY m.person_id, CASE m.role WHEN 'ordforande' THEN 0 WHEN 'vice-ordforande' THEN 1 WHEN 'sekreterare' THEN 2
         WHEN 'samordnare' THEN 3 WHEN 'adjungerad' THEN 9 ELSE 5 END) x
     ORDER BY x.role = 'adjungerad', sv_key(x.name) COLLATE "C", x.person_id`,
    [groupId, date],
  );
}

/** The roles the signed-in user's person record holds in a group on a day. */
export async function rolesOfEmailInGroup(db: Queryable, email: string, groupId: string, date: string): Promise<string[]> {
  const rows = await db.query<{ role: string }>(
    `SELECT m.role FROM memberships m JOIN persons p ON p.id = m.person_id
     WHERE p.email = $1 AND m.group_id = $2 AND m.start_date <= $3::date AND (m.end_date IS NULL OR m.end_date >= $3::date)`,
    [email, groupId, date],
  );
  return rows.map((r) => r.role);
}

export async function personByEmail(db: Queryable, email: string) {
  return (await db.query<{ id: string; name: string }>('SELECT id, name FROM persons WHERE email = $1', [email]))[0];
}

export async function personsByIds(db: Queryable, ids: string[]) {
  return db.query<{ id: string; name: string; email: string | null }>(
    'SELECT id, name, email FROM persons WHERE id = ANY($1::uuid[]) AND anonymised_at IS NULL',
    [ids],
  );
}

/** The restrictions of each person's latest reviewed, approved declaration. */
export async function restrictionsOf(
  db: Queryable,
  personIds: string[],
): Promise<Map<string, { programAreaId?: string; knowledgeSupport?: string; note: string }[]>> {
  const rows = await selectRows<{
    personId: string;
    restrictions: { programAreaId?: string; knowledgeSupport?: string; note: string }[];
  }>(
    db,
    `SELECT DISTINCT ON (person_id) person_id, restrictions FROM jav_declarations
     WHERE person_id = ANY($1::uuid[]) AND status IN ('approved', 'approved-with-restrictions')
     ORDER BY person_id, submitted_at DESC`,
    [personIds],
  );
  return new Map(rows.map((r) => [r.personId, r.restrictions ?? []]));
}

/** Meetings of these forums between two dates (inclusive), in date order. */
export async function meetingsOfForumsBetween(
  db: Queryable,
  groupIds: string[],
  from: string,
  to: string,
): Promise<MeetingRecord[]> {
  return selectRows<MeetingRecord>(
    db,
    `${MEETING} WHERE m.group_id = ANY($1::uuid[]) AND m.meeting_date BETWEEN $2::date AND $3::date
     ORDER BY m.meeting_date, m.start_time, m.id`,
    [groupIds, from, to],
  );
}

/** The name of a forum's owner as a document's letterhead shows it: the region, the healthcare region or the nation. */
export async function ownerName(db: Queryable, owner: string): Promise<string> {
  const rows = await db.query<{ name: string }>(
    `SELECT name FROM regions WHERE code = $1 UNION ALL SELECT name FROM healthcare_regions WHERE id = $1`,
    [owner],
  );
  return rows[0]?.name ?? (owner === 'national' ? 'Nationellt system för kunskapsstyrning' : owner);
}
