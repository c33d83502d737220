import type { Queryable } from '../../platform/db/index.js';
import { foldLike } from '../../platform/db/sql.js';

/** The only SQL for forums' settings, meetings, agendas, attendance, minutes and feeds. */

export interface SettingsRow {
  group_id: string;
  min_weeks: number;
  max_weeks: number;
  weekday: number;
  start_time: string;
  end_time: string;
  default_place: string | null;
  blackouts: { from: string; to: string }[];
  standing_items: string[];
  version: number;
}

export async function getSettings(db: Queryable, groupId: string, opts: { forUpdate?: boolean } = {}) {
  return (
    await db.query<SettingsRow>(`SELECT * FROM forum_settings WHERE group_id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [
      groupId,
    ])
  )[0];
}

export async function upsertSettings(db: Queryable, s: Omit<SettingsRow, 'version'>): Promise<SettingsRow> {
  const [row] = await db.query<SettingsRow>(
    `INSERT INTO forum_settings (group_id, min_weeks, max_weeks, weekday, start_time, end_time, default_place, blackouts, standing_items)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (group_id) DO UPDATE SET min_weeks = EXCLUDED.min_weeks, max_weeks = EXCLUDED.max_weeks,
       weekday = EXCLUDED.weekday, start_time = EXCLUDED.start_time, end_time = EXCLUDED.end_time,
       default_place = EXCLUDED.default_place, blackouts = EXCLUDED.blackouts, standing_items = EXCLUDED.standing_items,
       version = forum_settings.version + 1, updated_at = now()
     RETURNING *`,
    [
      s.group_id,
      s.min_weeks,
      s.max_weeks,
      s.weekday,
      s.start_time,
      s.end_time,
      s.default_place,
      JSON.stringify(s.blackouts),
      JSON.stringify(s.standing_items),
    ],
  );
  return row!;
}

export interface MeetingRow {
  id: string;
  group_id: string;
  group_name: string;
  group_owner: string;
  group_kind: string;
  meeting_date: string;
  start_time: string;
  end_time: string;
  place: string | null;
  online_url: string | null;
  status: 'planerat' | 'kallat' | 'genomfort' | 'installt';
  cancel_reason: string | null;
  notice_sent_at: Date | null;
  minutes_status: 'utkast' | 'for-justering' | 'justerat';
  minutes_locked_at: Date | null;
  ical_sequence: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const MEETING = `SELECT m.*, g.name AS group_name, g.owner AS group_owner, g.kind AS group_kind
  FROM meetings m JOIN groups g ON g.id = m.group_id`;

export async function getMeeting(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}) {
  if (opts.forUpdate) await db.query('SELECT id FROM meetings WHERE id = $1 FOR UPDATE', [id]);
  return (await db.query<MeetingRow>(`${MEETING} WHERE m.id = $1`, [id]))[0];
}

export async function meetingsOfForum(db: Queryable, groupId: string, year?: number): Promise<MeetingRow[]> {
  return db.query<MeetingRow>(
    `${MEETING} WHERE m.group_id = $1 AND ($2::int IS NULL OR extract(year FROM m.meeting_date) = $2::int)
     ORDER BY m.meeting_date, m.start_time, m.id`,
    [groupId, year ?? null],
  );
}

/** Meetings a person is called to: attendance rows, or membership of the forum on the day. */
export async function meetingsOfPerson(db: Queryable, personId: string): Promise<MeetingRow[]> {
  return db.query<MeetingRow>(
    `${MEETING} WHERE EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.person_id = $1)
       OR EXISTS (SELECT 1 FROM memberships ms WHERE ms.group_id = m.group_id AND ms.person_id = $1
                  AND ms.start_date <= m.meeting_date AND (ms.end_date IS NULL OR ms.end_date >= m.meeting_date))
     ORDER BY m.meeting_date, m.start_time, m.id`,
    [personId],
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

export async function updateMeetingRow(
  db: Queryable,
  id: string,
  set: Partial<{
    meeting_date: string;
    start_time: string;
    end_time: string;
    place: string | null;
    online_url: string | null;
    status: string;
    cancel_reason: string | null;
    minutes_status: string;
    notice_sent_at: Date;
    minutes_locked_at: Date | null;
  }>,
  opts: { bumpSequence?: boolean } = {},
): Promise<void> {
  const cols = Object.keys(set);
  const assignments = cols.map((c, i) => `${c} = $${i + 2}`);
  if (opts.bumpSequence) assignments.push('ical_sequence = ical_sequence + 1');
  assignments.push('version = version + 1', 'updated_at = now()');
  await db.query(`UPDATE meetings SET ${assignments.join(', ')} WHERE id = $1`, [
    id,
    ...cols.map((c) => (set as Record<string, unknown>)[c]),
  ]);
}

export async function touchMeeting(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE meetings SET version = version + 1, updated_at = now() WHERE id = $1', [id]);
}

// --- agenda ---------------------------------------------------------------------------

export interface AgendaRow {
  id: string;
  meeting_id: string;
  position: number;
  kind: 'case' | 'standing' | 'other';
  title: string;
  case_id: string | null;
  case_number: string | null;
  case_status: string | null;
  /** The case's status when it was put on this agenda (migration 0019). */
  case_status_before: string | null;
}

export async function agendaOf(db: Queryable, meetingId: string): Promise<AgendaRow[]> {
  return db.query<AgendaRow>(
    `SELECT a.*, c.case_number, c.status AS case_status FROM agenda_items a LEFT JOIN cases c ON c.id = a.case_id
     WHERE a.meeting_id = $1 ORDER BY a.position, a.id`,
    [meetingId],
  );
}

/** The meeting an agenda item is on (undefined for an unknown id). */
export async function meetingOfAgendaItem(db: Queryable, itemId: string): Promise<string | undefined> {
  return (await db.query<{ meeting_id: string }>('SELECT meeting_id FROM agenda_items WHERE id = $1', [itemId]))[0]?.meeting_id;
}

export async function insertAgendaItem(
  db: Queryable,
  a: { meetingId: string; kind: string; title: string; caseId: string | null; caseStatusBefore?: string | null },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO agenda_items (meeting_id, position, kind, title, case_id, case_status_before)
     VALUES ($1, (SELECT COALESCE(max(position), 0) + 1 FROM agenda_items WHERE meeting_id = $1), $2, $3, $4, $5) RETURNING id`,
    [a.meetingId, a.kind, a.title, a.caseId, a.caseStatusBefore ?? null],
  );
  return row!.id;
}

/** The case's items on other agendas still open (meeting not cancelled, minutes not approved). */
export async function openAgendaItemsOfCase(db: Queryable, caseId: string, exceptItemId: string) {
  return db.query<{ id: string; meeting_id: string; case_status_before: string | null }>(
    `SELECT a.id, a.meeting_id, a.case_status_before FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
     WHERE a.case_id = $1 AND a.id <> $2 AND m.status <> 'installt' AND m.minutes_status <> 'justerat'
     ORDER BY m.meeting_date, a.id`,
    [caseId, exceptItemId],
  );
}

export async function setCaseStatusBefore(db: Queryable, itemId: string, status: string): Promise<void> {
  await db.query('UPDATE agenda_items SET case_status_before = $2 WHERE id = $1', [itemId, status]);
}

export async function deleteAgendaItem(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM agenda_items WHERE id = $1', [id]);
}

export async function setAgendaOrder(db: Queryable, meetingId: string, ids: string[]): Promise<void> {
  for (const [i, id] of ids.entries()) {
    await db.query('UPDATE agenda_items SET position = $3 WHERE id = $1 AND meeting_id = $2', [id, meetingId, i + 1]);
  }
}

export interface CaseRef {
  id: string;
  case_number: string;
  subject: string;
  status: string;
  region_code: string;
  assigned_group_id: string | null;
  program_area_ids: string[];
  knowledge_supports: string[];
}

export async function getCaseRef(db: Queryable, id: string): Promise<CaseRef | undefined> {
  return (
    await db.query<CaseRef>(
      `SELECT c.id, c.case_number, c.subject, c.status, c.region_code, c.assigned_group_id,
         COALESCE(g.program_area_ids, '{}') AS program_area_ids,
         ARRAY(SELECT l.target_id::text FROM case_links l WHERE l.case_id = c.id AND l.target_type = 'knowledge-support') AS knowledge_supports
       FROM cases c LEFT JOIN groups g ON g.id = c.assigned_group_id WHERE c.id = $1`,
      [id],
    )
  )[0];
}

/** Cases of the region waiting for a forum: the ones the secretary can put forward. */
export async function casesReadyForAgenda(db: Queryable, regionCode: string): Promise<CaseRef[]> {
  return db.query<CaseRef>(
    `SELECT c.id, c.case_number, c.subject, c.status, c.region_code, c.assigned_group_id,
       '{}'::text[] AS program_area_ids, '{}'::text[] AS knowledge_supports
     FROM cases c WHERE c.region_code = $1 AND c.status IN ('under-beredning', 'for-beslut', 'aterremitterad', 'bordlagd')
     ORDER BY c.year, c.sequence LIMIT 200`,
    [regionCode],
  );
}

// --- attendance -----------------------------------------------------------------------

export interface AttendanceRow {
  meeting_id: string;
  person_id: string;
  person_name: string;
  person_email: string | null;
  role: string;
  status: 'kallad' | 'narvarande' | 'franvarande';
}

export async function attendanceOf(db: Queryable, meetingId: string): Promise<AttendanceRow[]> {
  return db.query<AttendanceRow>(
    `SELECT a.*, p.name AS person_name, p.email AS person_email FROM meeting_attendance a JOIN persons p ON p.id = a.person_id
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

/** The forum's members on a day (one row per person, the most senior role first). */
export async function activeMembers(
  db: Queryable,
  groupId: string,
  date: string,
): Promise<{ person_id: string; name: string; email: string | null; role: string }[]> {
  return db.query(
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
  const rows = await db.query<{
    person_id: string;
    restrictions: { programAreaId?: string; knowledgeSupport?: string; note: string }[];
  }>(
    `SELECT DISTINCT ON (person_id) person_id, restrictions FROM jav_declarations
     WHERE person_id = ANY($1::uuid[]) AND status IN ('approved', 'approved-with-restrictions')
     ORDER BY person_id, submitted_at DESC`,
    [personIds],
  );
  return new Map(rows.map((r) => [r.person_id, r.restrictions ?? []]));
}

// --- minutes --------------------------------------------------------------------------

/** Next paragraph number for a forum and year; the counter row stays locked until commit. */
export async function nextParagraphNumber(tx: Queryable, groupId: string, year: number): Promise<number> {
  const [row] = await tx.query<{ last_number: number }>(
    `INSERT INTO minutes_sequences (group_id, year, last_number) VALUES ($1, $2, 1)
     ON CONFLICT (group_id, year) DO UPDATE SET last_number = minutes_sequences.last_number + 1
     RETURNING last_number`,
    [groupId, year],
  );
  return row!.last_number;
}

/** Gives the number back; only the last number of the year can be (no gaps). */
export async function releaseParagraphNumber(tx: Queryable, groupId: string, year: number, number: number): Promise<boolean> {
  const rows = await tx.query(
    'UPDATE minutes_sequences SET last_number = last_number - 1 WHERE group_id = $1 AND year = $2 AND last_number = $3 RETURNING 1',
    [groupId, year, number],
  );
  return rows.length === 1;
}

export async function lockSequence(tx: Queryable, groupId: string, year: number): Promise<number> {
  const [row] = await tx.query<{ last_number: number }>(
    'SELECT last_number FROM minutes_sequences WHERE group_id = $1 AND year = $2 FOR UPDATE',
    [groupId, year],
  );
  return row?.last_number ?? 0;
}

export interface ParagraphRow {
  id: string;
  meeting_id: string;
  group_id: string;
  year: number;
  number: number;
  agenda_item_id: string | null;
  case_id: string | null;
  case_number: string | null;
  title: string;
  decision_kind: 'beslut' | 'information' | 'aterremitterad' | 'bordlagd';
  decision_text: string;
  program_area_ids: string[];
  knowledge_supports: string[];
  version: number;
}

const PARAGRAPH = `SELECT p.*, c.case_number FROM minutes_paragraphs p LEFT JOIN cases c ON c.id = p.case_id`;

export async function paragraphsOf(db: Queryable, meetingId: string): Promise<ParagraphRow[]> {
  return db.query<ParagraphRow>(`${PARAGRAPH} WHERE p.meeting_id = $1 ORDER BY p.number`, [meetingId]);
}

export async function getParagraph(db: Queryable, id: string): Promise<ParagraphRow | undefined> {
  return (await db.query<ParagraphRow>(`${PARAGRAPH} WHERE p.id = $1`, [id]))[0];
}

export async function insertParagraph(
  db: Queryable,
  p: {
    meetingId: string;
    groupId: string;
    year: number;
    number: number;
    agendaItemId: string | null;
    caseId: string | null;
    title: string;
    decisionKind: string;
    decisionText: string;
    programAreaIds: string[];
    knowledgeSupports: string[];
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO minutes_paragraphs (meeting_id, group_id, year, number, agenda_item_id, case_id, title, decision_kind,
       decision_text, program_area_ids, knowledge_supports)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      p.meetingId,
      p.groupId,
      p.year,
      p.number,
      p.agendaItemId,
      p.caseId,
      p.title,
      p.decisionKind,
      p.decisionText,
      p.programAreaIds,
      p.knowledgeSupports,
    ],
  );
  return row!.id;
}

export async function updateParagraphRow(
  db: Queryable,
  id: string,
  version: number,
  p: { title: string; decisionKind: string; decisionText: string; programAreaIds: string[]; knowledgeSupports: string[] },
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE minutes_paragraphs SET title = $3, decision_kind = $4, decision_text = $5, program_area_ids = $6,
       knowledge_supports = $7, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, p.title, p.decisionKind, p.decisionText, p.programAreaIds, p.knowledgeSupports],
  );
  return rows.length === 1;
}

export async function deleteParagraph(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM paragraph_participation WHERE paragraph_id = $1', [id]);
  await db.query('DELETE FROM paragraph_actions WHERE paragraph_id = $1', [id]);
  await db.query('DELETE FROM minutes_paragraphs WHERE id = $1', [id]);
}

export interface ParticipationRow {
  paragraph_id: string;
  person_id: string;
  person_name: string;
  takes_part: boolean;
  restriction_note: string | null;
  override_reason: string | null;
}

export async function participationOf(db: Queryable, paragraphIds: string[]): Promise<ParticipationRow[]> {
  return db.query<ParticipationRow>(
    `SELECT pp.*, p.name AS person_name FROM paragraph_participation pp JOIN persons p ON p.id = pp.person_id
     WHERE pp.paragraph_id = ANY($1::uuid[]) ORDER BY sv_key(p.name) COLLATE "C"`,
    [paragraphIds],
  );
}

export async function setParticipation(
  db: Queryable,
  r: { paragraphId: string; personId: string; takesPart: boolean; restrictionNote: string | null; overrideReason: string | null },
): Promise<void> {
  await db.query(
    `INSERT INTO paragraph_participation (paragraph_id, person_id, takes_part, restriction_note, override_reason)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (paragraph_id, person_id) DO UPDATE SET takes_part = EXCLUDED.takes_part,
       restriction_note = EXCLUDED.restriction_note, override_reason = EXCLUDED.override_reason`,
    [r.paragraphId, r.personId, r.takesPart, r.restrictionNote, r.overrideReason],
  );
}

export async function clearProposedRecusals(db: Queryable, paragraphId: string): Promise<void> {
  await db.query('DELETE FROM paragraph_participation WHERE paragraph_id = $1 AND override_reason IS NULL', [paragraphId]);
}

export interface ActionRow {
  id: string;
  paragraph_id: string;
  title: string;
  owner_person_id: string | null;
  owner_name: string | null;
  owner_person_name: string | null;
  due_date: string | null;
  case_action_id: string | null;
}

export async function actionsOf(db: Queryable, paragraphIds: string[]): Promise<ActionRow[]> {
  return db.query<ActionRow>(
    `SELECT a.*, p.name AS owner_person_name FROM paragraph_actions a LEFT JOIN persons p ON p.id = a.owner_person_id
     WHERE a.paragraph_id = ANY($1::uuid[]) ORDER BY a.created_at, a.id`,
    [paragraphIds],
  );
}

export async function insertAction(
  db: Queryable,
  a: { paragraphId: string; title: string; ownerPersonId: string | null; ownerName: string | null; dueDate: string | null },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO paragraph_actions (paragraph_id, title, owner_person_id, owner_name, due_date) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [a.paragraphId, a.title, a.ownerPersonId, a.ownerName, a.dueDate],
  );
  return row!.id;
}

export async function linkAction(db: Queryable, id: string, caseActionId: string): Promise<void> {
  await db.query('UPDATE paragraph_actions SET case_action_id = $2 WHERE id = $1', [id, caseActionId]);
}

export interface AdjusterRow {
  meeting_id: string;
  person_id: string;
  person_name: string;
  person_email: string | null;
  approved_at: Date | null;
}

export async function adjustersOf(db: Queryable, meetingId: string): Promise<AdjusterRow[]> {
  return db.query<AdjusterRow>(
    `SELECT a.*, p.name AS person_name, p.email AS person_email FROM minutes_adjusters a JOIN persons p ON p.id = a.person_id
     WHERE a.meeting_id = $1 ORDER BY sv_key(p.name) COLLATE "C"`,
    [meetingId],
  );
}

export async function setAdjusters(db: Queryable, meetingId: string, personIds: string[]): Promise<void> {
  await db.query('DELETE FROM minutes_adjusters WHERE meeting_id = $1 AND NOT (person_id = ANY($2::uuid[]))', [
    meetingId,
    personIds,
  ]);
  for (const id of personIds) {
    await db.query('INSERT INTO minutes_adjusters (meeting_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      meetingId,
      id,
    ]);
  }
}

export async function clearApprovals(db: Queryable, meetingId: string): Promise<void> {
  await db.query('UPDATE minutes_adjusters SET approved_at = NULL, approved_by = NULL WHERE meeting_id = $1', [meetingId]);
}

export async function approveAsAdjuster(db: Queryable, meetingId: string, personId: string, userId: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE minutes_adjusters SET approved_at = now(), approved_by = $3
     WHERE meeting_id = $1 AND person_id = $2 AND approved_at IS NULL RETURNING 1`,
    [meetingId, personId, userId],
  );
  return rows.length === 1;
}

// --- decision log ---------------------------------------------------------------------

export interface DecisionRow extends ParagraphRow {
  group_name: string;
  group_owner: string;
  meeting_date: string;
  locked_at: Date;
}

/** Paragraphs of approved minutes; Swedish full-text (stemmed) or a folded substring match. */
export async function searchDecisions(
  db: Queryable,
  f: { groupIds: string[]; q?: string; year?: number; limit: number; offset: number },
): Promise<DecisionRow[]> {
  const params: unknown[] = [f.groupIds, f.year ?? null, f.limit, f.offset];
  let text = '';
  if (f.q?.trim()) {
    params.push(f.q.trim(), `%${foldLike(f.q.trim())}%`);
    text = `AND (to_tsvector('swedish', p.title || ' ' || p.decision_text) @@ plainto_tsquery('swedish', $5)
      OR sv_fold(p.title || ' ' || p.decision_text || ' ' || COALESCE(c.case_number, '')) LIKE $6)`;
  }
  return db.query<DecisionRow>(
    `SELECT p.*, c.case_number, g.name AS group_name, g.owner AS group_owner, m.meeting_date, m.minutes_locked_at AS locked_at
     FROM minutes_paragraphs p JOIN meetings m ON m.id = p.meeting_id JOIN groups g ON g.id = p.group_id
     LEFT JOIN cases c ON c.id = p.case_id
     WHERE m.minutes_status = 'justerat' AND p.group_id = ANY($1::uuid[]) AND ($2::int IS NULL OR p.year = $2::int) ${text}
     ORDER BY m.meeting_date DESC, p.number DESC LIMIT $3 OFFSET $4`,
    params,
  );
}

/** Groups that have approved minutes (the decision log's candidates before the read check). */
export async function forumsWithMinutes(db: Queryable): Promise<{ id: string; owner: string }[]> {
  return db.query(
    `SELECT DISTINCT g.id, g.owner FROM groups g JOIN meetings m ON m.group_id = g.id WHERE m.minutes_status = 'justerat'`,
  );
}

// --- calendar feed tokens -------------------------------------------------------------

export async function insertFeedToken(db: Queryable, userId: string, hash: string): Promise<void> {
  await db.query('UPDATE calendar_feed_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
  await db.query('INSERT INTO calendar_feed_tokens (user_id, token_hash) VALUES ($1, $2)', [userId, hash]);
}

export async function revokeFeedToken(db: Queryable, userId: string): Promise<boolean> {
  return (
    (
      await db.query('UPDATE calendar_feed_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING 1', [
        userId,
      ])
    ).length > 0
  );
}

export async function feedTokenOwner(db: Queryable, hash: string): Promise<{ user_id: string; email: string } | undefined> {
  return (
    await db.query<{ user_id: string; email: string }>(
      `SELECT t.user_id, u.email FROM calendar_feed_tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND NOT u.disabled`,
      [hash],
    )
  )[0];
}

export async function hasFeedToken(db: Queryable, userId: string): Promise<Date | undefined> {
  return (
    await db.query<{ created_at: Date }>(
      'SELECT created_at FROM calendar_feed_tokens WHERE user_id = $1 AND revoked_at IS NULL',
      [userId],
    )
  )[0]?.created_at;
}

// --- attachments (migration 0019) -----------------------------------------------------

export interface AttachmentRow {
  id: string;
  meeting_id: string;
  agenda_item_id: string;
  kind: 'followup-report';
  source_group_id: string;
  source_group_name: string;
  title: string;
  file_name: string;
  format: 'pdf' | 'docx';
  content_type: string;
  size_bytes: number;
  sha256: string;
  created_at: Date;
  created_by: string | null;
  created_by_name: string;
}

const ATTACHMENT = `SELECT a.id, a.meeting_id, a.agenda_item_id, a.kind, a.source_group_id, g.name AS source_group_name,
    a.title, a.file_name, a.format, a.content_type, a.size_bytes, a.sha256, a.created_at, a.created_by, a.created_by_name
  FROM meeting_attachments a JOIN groups g ON g.id = a.source_group_id`;

export async function attachmentsOf(db: Queryable, meetingId: string): Promise<AttachmentRow[]> {
  return db.query<AttachmentRow>(`${ATTACHMENT} WHERE a.meeting_id = $1 ORDER BY a.created_at, a.id`, [meetingId]);
}

export async function getAttachment(db: Queryable, id: string): Promise<AttachmentRow | undefined> {
  return (await db.query<AttachmentRow>(`${ATTACHMENT} WHERE a.id = $1`, [id]))[0];
}

export async function attachmentContent(db: Queryable, id: string): Promise<Uint8Array | undefined> {
  return (await db.query<{ content: Uint8Array }>('SELECT content FROM meeting_attachments WHERE id = $1', [id]))[0]?.content;
}

export async function insertAttachment(
  db: Queryable,
  a: {
    meetingId: string;
    agendaItemId: string;
    sourceGroupId: string;
    title: string;
    fileName: string;
    format: 'pdf' | 'docx';
    contentType: string;
    content: Buffer;
    sha256: string;
    createdBy: string | null;
    createdByName: string;
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO meeting_attachments (meeting_id, agenda_item_id, source_group_id, title, file_name, format, content_type,
       content, size_bytes, sha256, created_by, created_by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      a.meetingId,
      a.agendaItemId,
      a.sourceGroupId,
      a.title,
      a.fileName,
      a.format,
      a.contentType,
      a.content,
      a.content.length,
      a.sha256,
      a.createdBy,
      a.createdByName,
    ],
  );
  return row!.id;
}

export async function deleteAttachment(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM meeting_attachments WHERE id = $1', [id]);
}

/** Groups of the forum's region whose follow-up report can be attached (LPO, LSG, LAG). */
export async function reportGroupsOf(db: Queryable, owner: string): Promise<{ id: string; name: string; kind: string }[]> {
  return db.query<{ id: string; name: string; kind: string }>(
    `SELECT id, name, kind FROM groups
     WHERE owner = $1 AND status = 'active' AND kind IN ('program-area', 'collaboration-group', 'working-group')
     ORDER BY sv_key(name) COLLATE "C", id`,
    [owner],
  );
}
