import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { selectRow, selectRows } from '../../platform/db/rows.js';
import type { Notification } from './schemas.js';

/** The only SQL for in-app notifications. */

/** A notification as the API shows it (only its recipient reads it). */
export type NotificationRow = Static<typeof Notification>;

const COLUMNS = 'id, kind, title, body, link, created_at, read_at';

/** Inserts once per user and dedupe key; answers whether this call inserted it. */
export async function insertNotification(
  db: Queryable,
  n: { userId: string; kind: string; title: string; body: string; link: string | null; dedupeKey: string },
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO notifications (user_id, kind, title, body, link, dedupe_key) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (user_id, dedupe_key) DO NOTHING RETURNING id`,
    [n.userId, n.kind, n.title, n.body, n.link, n.dedupeKey],
  );
  return rows.length === 1;
}

export async function listNotifications(
  db: Queryable,
  userId: string,
  f: { unreadOnly: boolean; limit: number; after?: [string, string] },
): Promise<NotificationRow[]> {
  return selectRows<NotificationRow>(
    db,
    `SELECT ${COLUMNS} FROM notifications
     WHERE user_id = $1 AND (NOT $2 OR read_at IS NULL)
       AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
     ORDER BY created_at DESC, id DESC LIMIT $5`,
    [userId, f.unreadOnly, f.after?.[0] ?? null, f.after?.[1] ?? null, f.limit + 1],
  );
}

export async function unreadCount(db: Queryable, userId: string): Promise<number> {
  return (
    await db.query<{ n: number }>('SELECT count(*) AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [userId])
  )[0]!.n;
}

export async function markRead(db: Queryable, userId: string, id: string): Promise<NotificationRow | undefined> {
  await db.query('UPDATE notifications SET read_at = now() WHERE id = $1 AND user_id = $2 AND read_at IS NULL', [id, userId]);
  return selectRow<NotificationRow>(db, `SELECT ${COLUMNS} FROM notifications WHERE id = $1 AND user_id = $2`, [id, userId]);
}

export async function markAllRead(db: Queryable, userId: string): Promise<number> {
  return (await db.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING 1', [userId]))
    .length;
}

/** Recipients: persons with their e-mail and, when they can sign in, their user. */
export async function recipients(
  db: Queryable,
  personIds: string[],
): Promise<{ personId: string; email: string | null; userId: string | null }[]> {
  return selectRows(
    db,
    `SELECT p.id AS person_id, p.email, u.id AS user_id FROM persons p LEFT JOIN users u ON u.email = p.email AND NOT u.disabled
     WHERE p.id = ANY($1::uuid[]) AND p.anonymised_at IS NULL`,
    [personIds],
  );
}

/** True the first time a notice is delivered to a person. */
export async function claimDelivery(db: Queryable, dedupeKey: string, personId: string): Promise<boolean> {
  return (
    (
      await db.query(
        'INSERT INTO notification_deliveries (dedupe_key, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1',
        [dedupeKey, personId],
      )
    ).length === 1
  );
}
