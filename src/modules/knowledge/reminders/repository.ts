import type { Static } from 'typebox';
import type { Queryable } from '../../../platform/db/index.js';
import { selectRows } from '../../../platform/db/rows.js';
import type { KnowledgeSupport } from '../schemas.js';

/** The SQL of the revision reminders. */

/** A support whose revision or end of validity is near, in the catalogue's API names. */
export type DueSupport = Pick<
  Static<typeof KnowledgeSupport>,
  'id' | 'title' | 'nextRevisionDate' | 'validUntil' | 'producerGroupId'
>;

export async function supportsWithDates(db: Queryable, until: string): Promise<DueSupport[]> {
  return selectRows<DueSupport>(
    db,
    `SELECT id, title, next_revision_date, valid_until, producer_group_id FROM knowledge_supports
     WHERE status NOT IN ('ersatt', 'upphavd')
       AND ((next_revision_date IS NOT NULL AND next_revision_date <= $1::date) OR (valid_until IS NOT NULL AND valid_until <= $1::date))`,
    [until],
  );
}

/** Claims a reminder; false when it was already sent (the job is idempotent). */
export async function claimReminder(
  db: Queryable,
  supportId: string,
  kind: string,
  dueDate: string,
  threshold: number,
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO knowledge_reminders_sent (support_id, kind, due_date, threshold_days) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING support_id`,
    [supportId, kind, dueDate, threshold],
  );
  return rows.length > 0;
}

/** Who hears about a support's revision: system administrators with an e-mail, and the producing group's chair and process support. */
export async function reminderRecipients(
  db: Queryable,
  producerGroupId: string | null,
  today: string,
): Promise<{ name: string; email: string }[]> {
  return db.query<{ name: string; email: string }>(
    `SELECT DISTINCT name, email FROM (
       SELECT u.name, u.email FROM users u JOIN role_assignments ra ON ra.user_id = u.id
       WHERE ra.role = 'admin' AND ra.scope_type = 'system' AND NOT u.disabled AND NOT u.is_demo
       UNION
       SELECT p.name, p.email FROM memberships m JOIN persons p ON p.id = m.person_id
       WHERE $1::uuid IS NOT NULL AND m.group_id = $1::uuid AND m.role IN ('ordforande', 'processledare', 'processtod')
         AND p.email IS NOT NULL AND p.anonymised_at IS NULL AND m.start_date <= $2::date
         AND (m.end_date IS NULL OR m.end_date >= $2::date)
     ) x ORDER BY email`,
    [producerGroupId, today],
  );
}
