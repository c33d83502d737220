import type { Db, Queryable } from '../../platform/db/index.js';
import { queueEmail } from '../../platform/jobs/email.js';
import { enqueue } from '../../platform/jobs/queue.js';
import * as repo from './repository.js';

export const NOTIFY_QUEUE = 'notifications.deliver';

export const NOTIFICATION_KINDS = [
  'meeting.notice',
  'meeting.agenda-changed',
  'meeting.cancelled',
  'minutes.ready-for-approval',
  'minutes.approved',
  'obligation.due',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface Notice {
  kind: NotificationKind;
  personIds: string[];
  title: string;
  body: string;
  /** A path in the app, e.g. /moten/moten/<id>; the e-mail gets the absolute address. */
  link: string | null;
  /** Same key, same notice: a rerun (or a second enqueue) delivers nothing twice. */
  dedupeKey: string;
}

/** Enqueue a notice inside the business transaction; the worker delivers it (in-app + e-mail). */
export async function notifyPersons(tx: Queryable, n: Notice): Promise<void> {
  if (n.personIds.length === 0) return;
  await enqueue(tx, NOTIFY_QUEUE, { ...n }, { dedupeKey: `notify:${n.dedupeKey}` });
}

/**
 * Delivers one notice: an in-app row for everyone who can sign in and an e-mail to everyone
 * with an address. One transaction per recipient, claimed in notification_deliveries first,
 * so a retried job sends nothing twice.
 */
export function notifyHandler(db: Db, publicUrl: string) {
  return async (payload: Record<string, unknown>) => {
    const n = payload as unknown as Notice;
    const base = publicUrl.replace(/\/$/, '');
    for (const r of await repo.recipients(db, n.personIds)) {
      await db.transaction(async (tx) => {
        if (!(await repo.claimDelivery(tx, n.dedupeKey, r.personId))) return;
        if (r.userId) {
          await repo.insertNotification(tx, {
            userId: r.userId,
            kind: n.kind,
            title: n.title,
            body: n.body,
            link: n.link,
            dedupeKey: n.dedupeKey,
          });
        }
        if (r.email) {
          const link = n.link ? `\n\n${base}${n.link}` : '';
          await queueEmail(tx, { to: r.email, subject: n.title, text: `${n.body}${link}\n\n/Navet` });
        }
      });
    }
  };
}
