import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { selectRow, selectRows } from '../../platform/db/rows.js';
import type { MeetingDetail, Paragraph } from './schemas.js';

/** The minutes: paragraph numbers, paragraphs, participation (jäv), action items and adjusters. */

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

/**
 * A paragraph as the API shows it, less what the presenter adds (the reference, the participation
 * and the action items), with the forum it belongs to.
 */
export type ParagraphRecord = Omit<Static<typeof Paragraph>, 'reference' | 'participation' | 'actions'> & { groupId: string };

const PARAGRAPH = `SELECT p.id, p.meeting_id, p.group_id, p.year, p.number, p.agenda_item_id, p.case_id, c.case_number, p.title,
    p.decision_kind, p.decision_type, p.decision_text, p.program_area_ids, p.knowledge_supports, p.version
  FROM minutes_paragraphs p LEFT JOIN cases c ON c.id = p.case_id`;

export async function paragraphsOf(db: Queryable, meetingId: string): Promise<ParagraphRecord[]> {
  return selectRows<ParagraphRecord>(db, `${PARAGRAPH} WHERE p.meeting_id = $1 ORDER BY p.number`, [meetingId]);
}

export async function getParagraph(db: Queryable, id: string): Promise<ParagraphRecord | undefined> {
  return selectRow<ParagraphRecord>(db, `${PARAGRAPH} WHERE p.id = $1`, [id]);
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
    decisionType: string | null;
    decisionText: string;
    programAreaIds: string[];
    knowledgeSupports: string[];
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO minutes_paragraphs (meeting_id, group_id, year, number, agenda_item_id, case_id, title, decision_kind,
       decision_text, program_area_ids, knowledge_supports, decision_type)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
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
      p.decisionType,
    ],
  );
  return row!.id;
}

export async function updateParagraphRow(
  db: Queryable,
  id: string,
  version: number,
  p: {
    title: string;
    decisionKind: string;
    decisionType: string | null;
    decisionText: string;
    programAreaIds: string[];
    knowledgeSupports: string[];
  },
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE minutes_paragraphs SET title = $3, decision_kind = $4, decision_text = $5, program_area_ids = $6,
       knowledge_supports = $7, decision_type = $8, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, p.title, p.decisionKind, p.decisionText, p.programAreaIds, p.knowledgeSupports, p.decisionType],
  );
  return rows.length === 1;
}

export async function deleteParagraph(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM paragraph_participation WHERE paragraph_id = $1', [id]);
  await db.query('DELETE FROM paragraph_actions WHERE paragraph_id = $1', [id]);
  await db.query('DELETE FROM minutes_paragraphs WHERE id = $1', [id]);
}

/** Who takes part in a paragraph's decision, as the API shows it (`restriction_note AS restriction`), with the paragraph. */
export type ParticipationRecord = Static<typeof Paragraph>['participation'][number] & { paragraphId: string };

export async function participationOf(db: Queryable, paragraphIds: string[]): Promise<ParticipationRecord[]> {
  return selectRows<ParticipationRecord>(
    db,
    `SELECT pp.paragraph_id, pp.person_id, p.name, pp.takes_part, pp.restriction_note AS restriction, pp.override_reason
     FROM paragraph_participation pp JOIN persons p ON p.id = pp.person_id
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

/**
 * A paragraph's action item as the API shows it: the owner's name is the person's when one is
 * named, else the free-text name. The free-text name alone is `ownName` (what becomes the case's action item).
 */
export type ParagraphActionRecord = Static<typeof Paragraph>['actions'][number] & { paragraphId: string; ownName: string | null };

export async function actionsOf(db: Queryable, paragraphIds: string[]): Promise<ParagraphActionRecord[]> {
  return selectRows<ParagraphActionRecord>(
    db,
    `SELECT a.id, a.paragraph_id, a.title, a.owner_person_id, COALESCE(a.owner_name, p.name) AS owner_name,
       a.owner_name AS own_name, a.due_date, a.case_action_id
     FROM paragraph_actions a LEFT JOIN persons p ON p.id = a.owner_person_id
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

/**
 * An adjuster as the API shows them: `signedOnPaper` is the date they signed on paper (recorded by
 * the secretary), `recordedBy` who recorded it, `hasAccount` whether they can sign in (a user with
 * the person's e-mail). With the meeting and their e-mail.
 */
export type AdjusterRecord = Static<typeof MeetingDetail>['adjusters'][number] & { meetingId: string; email: string | null };

export async function adjustersOf(db: Queryable, meetingId: string): Promise<AdjusterRecord[]> {
  return selectRows<AdjusterRecord>(
    db,
    `SELECT a.meeting_id, a.person_id, p.name, p.email, a.approved_at, a.signed_on_paper,
       CASE WHEN a.signed_on_paper IS NULL THEN NULL ELSE u.name END AS recorded_by,
       EXISTS (SELECT 1 FROM users x WHERE x.email = lower(p.email) AND NOT x.disabled) AS has_account
     FROM minutes_adjusters a JOIN persons p ON p.id = a.person_id LEFT JOIN users u ON u.id = a.approved_by
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
  await db.query(
    'UPDATE minutes_adjusters SET approved_at = NULL, approved_by = NULL, signed_on_paper = NULL WHERE meeting_id = $1',
    [meetingId],
  );
}

export async function approveAsAdjuster(
  db: Queryable,
  meetingId: string,
  personId: string,
  userId: string,
  at: Date,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE minutes_adjusters SET approved_at = $4, approved_by = $3
     WHERE meeting_id = $1 AND person_id = $2 AND approved_at IS NULL RETURNING 1`,
    [meetingId, personId, userId, at],
  );
  return rows.length === 1;
}

/** Records a justering signed on paper: the date signed, recorded now by the secretary. */
export async function approveOnPaper(
  db: Queryable,
  meetingId: string,
  personId: string,
  signedOn: string,
  recordedBy: string,
  at: Date,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE minutes_adjusters SET approved_at = $5, approved_by = $3, signed_on_paper = $4
     WHERE meeting_id = $1 AND person_id = $2 AND approved_at IS NULL RETURNING 1`,
    [meetingId, personId, recordedBy, signedOn, at],
  );
  return rows.length === 1;
}

/** Meetings whose minutes wait for this person's justering: named adjuster, not yet approved, minutes in one of `statuses`. */
export async function awaitingJusteringBy(db: Queryable, personId: string, statuses: readonly string[]) {
  return selectRows<{ meetingId: string; forumId: string; forumName: string; meetingDate: string }>(
    db,
    `SELECT m.id AS meeting_id, m.group_id AS forum_id, g.name AS forum_name, m.meeting_date
     FROM minutes_adjusters a JOIN meetings m ON m.id = a.meeting_id JOIN groups g ON g.id = m.group_id
     WHERE a.person_id = $1 AND a.approved_at IS NULL AND m.minutes_status = ANY($2::text[])
     ORDER BY m.meeting_date, m.id`,
    [personId, [...statuses]],
  );
}
