import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { selectRow, selectRows } from '../../platform/db/rows.js';
import type { AgendaItem, MeetingDetail } from './schemas.js';

/** Agenda items and the cases they put forward, in API shape (platform/db/rows.ts). */

/** An agenda item as the API shows it, with its meeting and the case's status when it was put on (migration 0019). */
export type AgendaRecord = Static<typeof AgendaItem> & { meetingId: string; caseStatusBefore: string | null };

export async function agendaOf(db: Queryable, meetingId: string): Promise<AgendaRecord[]> {
  return selectRows<AgendaRecord>(
    db,
    `SELECT a.id, a.meeting_id, a.position, a.kind, a.title, a.case_id, c.case_number, c.status AS case_status,
       a.case_status_before
     FROM agenda_items a LEFT JOIN cases c ON c.id = a.case_id
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
  return selectRows<{ id: string; meetingId: string; caseStatusBefore: string | null }>(
    db,
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

/** A case the agenda can put forward, as the meeting page lists it, with what adding it checks. */
export type CaseRef = Static<typeof MeetingDetail>['candidateCases'][number] & {
  regionCode: string;
  assignedGroupId: string | null;
  programAreaIds: string[];
  knowledgeSupports: string[];
};

export async function getCaseRef(db: Queryable, id: string): Promise<CaseRef | undefined> {
  return selectRow<CaseRef>(
    db,
    `SELECT c.id, c.case_number, c.subject, c.status, c.region_code, c.assigned_group_id,
       COALESCE(g.program_area_ids, '{}') AS program_area_ids,
       ARRAY(SELECT l.target_id::text FROM case_links l WHERE l.case_id = c.id AND l.target_type = 'knowledge-support') AS knowledge_supports
     FROM cases c LEFT JOIN groups g ON g.id = c.assigned_group_id WHERE c.id = $1`,
    [id],
  );
}

/** Cases of the region waiting for a forum: the ones the secretary can put forward. */
export async function casesReadyForAgenda(db: Queryable, regionCode: string): Promise<CaseRef[]> {
  return selectRows<CaseRef>(
    db,
    `SELECT c.id, c.case_number, c.subject, c.status, c.region_code, c.assigned_group_id,
       '{}'::text[] AS program_area_ids, '{}'::text[] AS knowledge_supports
     FROM cases c WHERE c.region_code = $1 AND c.status IN ('under-beredning', 'for-beslut', 'aterremitterad', 'bordlagd')
     ORDER BY c.year, c.sequence LIMIT 200`,
    [regionCode],
  );
}
