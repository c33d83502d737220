/** SQL for recurring obligations and the record of their occurrences. */
import type { MeetingStatus } from '../meetings/index.js';
import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { insertColumns, selectRow, selectRows } from '../../platform/db/rows.js';
import type { Obligation, Occurrence } from './obligation-schemas.js';

export type ObligationRow = Omit<Static<typeof Obligation>, 'year' | 'occurrences' | 'gaps' | 'mayRecord'>;
export type ObligationAudit = ObligationRow;
/** A stored occurrence: recorded, reminded, or both. */
export type OccurrenceRow = Omit<Static<typeof Occurrence>, 'status'> & { id: string; version: number };
export type OccurrenceAudit = Omit<OccurrenceRow, 'meetingDate'>;

const SELECT = `SELECT o.id, o.owner, o.group_id, g.name AS group_name, o.title, o.description, o.times_per_year,
  o.remind_days_before, o.source_id, o.source_quote, o.version FROM obligations o JOIN groups g ON g.id = o.group_id`;

export const getObligation = (db: Queryable, id: string) => selectRow<ObligationRow>(db, `${SELECT} WHERE o.id = $1`, [id]);

export const listObligations = (db: Queryable, f: { owner: string | null; groupId: string | null }) =>
  selectRows<ObligationRow>(
    db,
    `${SELECT} WHERE ($1::text IS NULL OR o.owner = $1) AND ($2::uuid IS NULL OR o.group_id = $2)
      ORDER BY o.owner, sv_key(g.name) COLLATE "C", sv_key(o.title) COLLATE "C" LIMIT 500`,
    [f.owner, f.groupId],
  );

export const allObligations = (db: Queryable) => selectRows<ObligationRow>(db, `${SELECT} ORDER BY o.created_at, o.id`);

export async function insertObligation(
  db: Queryable,
  o: {
    owner: string;
    groupId: string;
    title: string;
    description: string | null;
    timesPerYear: number;
    remindDaysBefore: number;
    sourceId: string | null;
    sourceQuote: string | null;
    referenceKey?: string | null;
  },
): Promise<string> {
  const params: unknown[] = [];
  const c = insertColumns(o, params);
  return (await db.query<{ id: string }>(`INSERT INTO obligations ${c.columns} VALUES ${c.values} RETURNING id`, params))[0]!.id;
}

export const obligationByReferenceKey = async (db: Queryable, key: string) =>
  (await db.query<{ id: string }>('SELECT id FROM obligations WHERE reference_key = $1', [key]))[0]?.id;

const OCC = `SELECT c.id, c.year, c.ordinal, c.due_on, c.held_on, c.meeting_id, m.meeting_date, c.note, c.reminded_on, c.version
  FROM obligation_occurrences c LEFT JOIN meetings m ON m.id = c.meeting_id`;

export const storedOccurrences = (db: Queryable, obligationId: string, year: number) =>
  selectRows<OccurrenceRow>(db, `${OCC} WHERE c.obligation_id = $1 AND c.year = $2 ORDER BY c.ordinal`, [obligationId, year]);

export const storedOccurrence = (db: Queryable, obligationId: string, year: number, ordinal: number) =>
  selectRow<OccurrenceRow>(db, `${OCC} WHERE c.obligation_id = $1 AND c.year = $2 AND c.ordinal = $3 FOR UPDATE OF c`, [
    obligationId,
    year,
    ordinal,
  ]);

/** Records that an occurrence happened (a row is made when none was stored yet). */
export async function recordOccurrence(
  tx: Queryable,
  o: {
    obligationId: string;
    year: number;
    ordinal: number;
    dueOn: string;
    heldOn: string;
    meetingId: string | null;
    note: string | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO obligation_occurrences (obligation_id, year, ordinal, due_on, held_on, meeting_id, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (obligation_id, year, ordinal) DO UPDATE SET held_on = EXCLUDED.held_on, meeting_id = EXCLUDED.meeting_id,
       note = EXCLUDED.note, version = obligation_occurrences.version + 1, updated_at = now()`,
    [o.obligationId, o.year, o.ordinal, o.dueOn, o.heldOn, o.meetingId, o.note],
  );
}

/**
 * Claims the reminder of an occurrence not yet held: true once, for the run that claims it
 * (a rerun, or a second worker, gets false and sends nothing).
 */
export async function claimReminder(
  tx: Queryable,
  o: { obligationId: string; year: number; ordinal: number; dueOn: string; today: string },
): Promise<boolean> {
  return (
    (
      await tx.query(
        `INSERT INTO obligation_occurrences (obligation_id, year, ordinal, due_on, reminded_on) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (obligation_id, year, ordinal) DO UPDATE SET reminded_on = EXCLUDED.reminded_on, updated_at = now()
           WHERE obligation_occurrences.reminded_on IS NULL AND obligation_occurrences.held_on IS NULL
         RETURNING id`,
        [o.obligationId, o.year, o.ordinal, o.dueOn, o.today],
      )
    ).length > 0
  );
}

/** The persons who lead the responsible group today: its chairs, secretaries, process supports and coordinators. */
export async function groupLeaderIds(db: Queryable, groupId: string, today: string): Promise<string[]> {
  return (
    await db.query<{ person_id: string }>(
      `SELECT DISTINCT m.person_id FROM memberships m
       WHERE m.group_id = $1 AND m.role IN ('ordforande', 'vice-ordforande', 'sekreterare', 'processtod', 'samordnare')
         AND m.start_date <= $2::date AND (m.end_date IS NULL OR m.end_date >= $2::date) ORDER BY m.person_id`,
      [groupId, today],
    )
  ).map((r) => r.person_id);
}

/** A meeting's forum and date (to link a record to it). */
export const meetingFacts = (db: Queryable, id: string) =>
  selectRow<{ groupId: string; meetingDate: string; status: MeetingStatus }>(
    db,
    'SELECT group_id, meeting_date, status FROM meetings WHERE id = $1',
    [id],
  );
