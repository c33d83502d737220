import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { selectRow, selectRows } from '../../platform/db/rows.js';
import type { Action } from './schemas.js';

/** The SQL for a case's action items (åtgärdspunkter) and their due-date notices. */

/** An action item as the API shows it; what the caller may do with it is added by the use case. */
export type ActionRow = Omit<Static<typeof Action>, 'allowedActions'>;

/** The owner's name is the person's when one is named (free text otherwise); the source is the minutes paragraph it came from. */
const ACTION_SELECT = `SELECT a.id, a.case_id, a.title, a.owner_person_id, COALESCE(p.name, a.owner_name) AS owner_name, a.due_date,
    a.status, a.done_at,
    CASE WHEN a.source_meeting_id IS NOT NULL AND a.source_paragraph_id IS NOT NULL
      THEN json_build_object('meetingId', a.source_meeting_id, 'paragraphId', a.source_paragraph_id) END AS source,
    a.version
  FROM case_actions a LEFT JOIN persons p ON p.id = a.owner_person_id`;

export async function insertAction(
  tx: Queryable,
  a: {
    caseId: string;
    title: string;
    ownerPersonId: string | null;
    ownerName: string | null;
    dueDate: string | null;
    sourceMeetingId: string | null;
    sourceParagraphId: string | null;
    createdBy: string | null;
  },
): Promise<ActionRow> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO case_actions (case_id, title, owner_person_id, owner_name, due_date, source_meeting_id, source_paragraph_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [a.caseId, a.title, a.ownerPersonId, a.ownerName, a.dueDate, a.sourceMeetingId, a.sourceParagraphId, a.createdBy],
  );
  return (await getAction(tx, row!.id))!;
}

export async function findActionFromSource(tx: Queryable, caseId: string, paragraphId: string, title: string) {
  return (
    await tx.query<{ id: string }>('SELECT id FROM case_actions WHERE case_id = $1 AND source_paragraph_id = $2 AND title = $3', [
      caseId,
      paragraphId,
      title,
    ])
  )[0];
}

export async function getAction(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<ActionRow | undefined> {
  if (opts.forUpdate) await db.query('SELECT 1 FROM case_actions WHERE id = $1 FOR UPDATE', [id]);
  return selectRow<ActionRow>(db, `${ACTION_SELECT} WHERE a.id = $1`, [id]);
}

export async function actionsOf(db: Queryable, caseId: string): Promise<ActionRow[]> {
  return selectRows<ActionRow>(
    db,
    `${ACTION_SELECT} WHERE a.case_id = $1 ORDER BY a.status DESC, a.due_date NULLS LAST, a.created_at, a.id`,
    [caseId],
  );
}

export async function setActionStatus(tx: Queryable, id: string, version: number, done: boolean, by: string | null) {
  return (
    await tx.query<{ id: string }>(
      `UPDATE case_actions SET status = $3, done_at = CASE WHEN $3 = 'done' THEN now() ELSE NULL END,
         done_by = CASE WHEN $3 = 'done' THEN $4::uuid ELSE NULL END, version = version + 1
       WHERE id = $1 AND version = $2 RETURNING id`,
      [id, version, done ? 'done' : 'open', by],
    )
  )[0];
}

/** Open action items due on or before a date that have not had their notice for that due date. */
export async function dueActions(db: Queryable, onOrBefore: string) {
  return selectRows<{
    id: string;
    caseId: string;
    title: string;
    dueDate: string;
    caseNumber: string;
    subject: string;
    secret: boolean;
    ownerPersonId: string | null;
    ownerEmail: string | null;
    ownerLabel: string | null;
    handlerEmail: string | null;
    handlerName: string | null;
  }>(
    db,
    `SELECT a.id, a.case_id, a.title, a.due_date, c.case_number, c.subject, c.secret, a.owner_person_id,
       op.email AS owner_email, COALESCE(op.name, a.owner_name) AS owner_label, hp.email AS handler_email, hp.name AS handler_name
     FROM case_actions a JOIN cases c ON c.id = a.case_id
     LEFT JOIN persons op ON op.id = a.owner_person_id
     LEFT JOIN persons hp ON hp.id = c.handler_person_id
     WHERE a.status = 'open' AND a.due_date IS NOT NULL AND a.due_date <= $1
       AND NOT EXISTS (SELECT 1 FROM case_action_notices n WHERE n.action_id = a.id AND n.due_date = a.due_date)
     ORDER BY a.due_date, a.id`,
    [onOrBefore],
  );
}

/** Claims the notice for an action item and due date; false when another run already sent it. */
export async function claimNotice(tx: Queryable, actionId: string, dueDate: string, personId: string | null): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO case_action_notices (action_id, due_date, person_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING action_id`,
    [actionId, dueDate, personId],
  );
  return rows.length === 1;
}

/** In-app notices for a user: due action items they own or handle the case of. */
export async function noticesOf(db: Queryable, email: string) {
  return selectRows<{ actionId: string; caseId: string; title: string; dueDate: string; caseNumber: string; sentAt: string }>(
    db,
    `SELECT n.action_id, a.case_id, a.title, n.due_date, c.case_number, n.sent_at
     FROM case_action_notices n JOIN case_actions a ON a.id = n.action_id JOIN cases c ON c.id = a.case_id
     LEFT JOIN persons op ON op.id = a.owner_person_id LEFT JOIN persons hp ON hp.id = c.handler_person_id
     WHERE a.status = 'open' AND (op.email = $1 OR hp.email = $1)
     ORDER BY n.due_date, a.id LIMIT 200`,
    [email],
  );
}
