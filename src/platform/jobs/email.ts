import nodemailer from 'nodemailer';
import type { Config } from '../config.js';
import type { Db, Queryable } from '../db/index.js';
import { JobNotReady } from './job-not-ready.js';
import { enqueue } from './queue.js';

export const EMAIL_QUEUE = 'email.send';

/** What is said once at start when no SMTP server is set: e-mail waits in the outbox. */
export const SMTP_MISSING =
  'SMTP är inte konfigurerat (SMTP_HOST saknas): e-post sparas i utkorgen och skickas när SMTP är inställt.';

/** Write the e-mail and its send job in the caller's transaction. */
export async function queueEmail(tx: Queryable, mail: { to: string; subject: string; text: string }): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    'INSERT INTO outbound_emails (to_address, subject, body_text) VALUES ($1, $2, $3) RETURNING id',
    [mail.to, mail.subject, mail.text],
  );
  await enqueue(tx, EMAIL_QUEUE, { emailId: row!.id }, { dedupeKey: `email:${row!.id}` });
  return row!.id;
}

/**
 * Idempotent: an e-mail already marked sent is skipped. The Message-ID is derived from the
 * e-mail's id, so a rare resend after a crash can be recognised as the same message.
 */
export function emailHandler(db: Db, smtp: NonNullable<Config['smtp']> | undefined) {
  const transport = smtp
    ? nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
        tls: { rejectUnauthorized: smtp.secure },
      })
    : undefined;
  return async (payload: Record<string, unknown>) => {
    const id = String(payload.emailId);
    const [mail] = await db.query<{ to_address: string; subject: string; body_text: string; sent_at: Date | null }>(
      'SELECT to_address, subject, body_text, sent_at FROM outbound_emails WHERE id = $1',
      [id],
    );
    if (!mail || mail.sent_at) return;
    if (!transport || !smtp) throw new JobNotReady(SMTP_MISSING);
    const messageId = `<${id}@navet>`;
    await transport.sendMail({ from: smtp.from, to: mail.to_address, subject: mail.subject, text: mail.body_text, messageId });
    await db.query('UPDATE outbound_emails SET sent_at = now(), message_id = $2 WHERE id = $1 AND sent_at IS NULL', [
      id,
      messageId,
    ]);
  };
}
