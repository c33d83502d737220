import { recordAudit } from '../../../platform/audit/record.js';
import { todayInSweden } from '../../../platform/clock.js';
import { systemCtx } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import { queueEmail } from '../../../platform/jobs/email.js';
import * as repo from './repository.js';
import { addDays } from '../../consultation/index.js';
import {
  dueKnowledgeReminders,
  KNOWLEDGE_REMINDER_THRESHOLDS,
  type DueKnowledgeReminder,
  type KnowledgeReminderItem,
} from '../rules/reminders.js';

export const KNOWLEDGE_REMINDERS_QUEUE = 'knowledge.reminders';

export function reminderMail(r: DueKnowledgeReminder, title: string, recipientName: string) {
  const what = r.kind === 'revision' ? 'ska revideras' : 'slutar gälla';
  const when =
    r.daysLeft < 0
      ? `${r.date} (för ${-r.daysLeft} dagar sedan)`
      : r.daysLeft === 0
        ? `${r.date} (i dag)`
        : `${r.date} (om ${r.daysLeft} dagar)`;
  return {
    subject: `${title} ${what} ${r.date}`,
    text:
      `Hej ${recipientName}!\n\n` +
      `Kunskapsstödet ${title} ${what} ${when}.\n\n` +
      (r.kind === 'revision'
        ? 'Planera revisionen: starta en ny version i Navet, eller flytta revisionsdatumet om stödet fortfarande är aktuellt.'
        : 'Besluta om stödet ska förlängas, revideras eller upphävas, och uppdatera giltighetstiden i Navet.') +
      '\n\nDu får det här som systemadministratör eller som ordförande/processledare i gruppen som tar fram stödet.' +
      '\n\nMed vänlig hälsning\nNavet – kunskapsstyrningens register',
  };
}

/**
 * The daily run: reminders before (and once after) a support's next revision date and the end
 * of its validity. Each reminder is claimed in knowledge_reminders_sent in the same transaction
 * as its e-mails, so a rerun sends nothing twice.
 */
export async function sendKnowledgeReminders(db: Db, opts: { today?: string; thresholds?: readonly number[] } = {}) {
  const today = opts.today ?? todayInSweden();
  const thresholds = opts.thresholds ?? KNOWLEDGE_REMINDER_THRESHOLDS;
  const horizon = addDays(today, Math.max(...thresholds, 0));
  const rows = await repo.supportsWithDates(db, horizon);
  const items: (KnowledgeReminderItem & { row: repo.DueSupport })[] = rows.flatMap((row) => [
    ...(row.nextRevisionDate ? [{ supportId: row.id, kind: 'revision' as const, date: row.nextRevisionDate, row }] : []),
    ...(row.validUntil ? [{ supportId: row.id, kind: 'validity' as const, date: row.validUntil, row }] : []),
  ]);
  let reminders = 0;
  let emails = 0;
  for (const r of dueKnowledgeReminders(today, items, new Set(), thresholds)) {
    const row = (r as DueKnowledgeReminder & { row: repo.DueSupport }).row;
    const n = await db.transaction(async (tx) => {
      if (!(await repo.claimReminder(tx, r.supportId, r.kind, r.date, r.thresholdDays))) return undefined;
      const recipients = await repo.reminderRecipients(tx, row.producerGroupId, today);
      for (const p of recipients) await queueEmail(tx, { to: p.email, ...reminderMail(r, row.title, p.name) });
      await recordAudit(tx, systemCtx('knowledge-reminders'), {
        entityType: 'knowledge-support',
        entityId: r.supportId,
        action: 'remind',
        after: { kind: r.kind, date: r.date, thresholdDays: r.thresholdDays, emails: recipients.length },
      });
      return recipients.length;
    });
    if (n === undefined) continue;
    reminders++;
    emails += n;
  }
  return { reminders, emails };
}

export const knowledgeRemindersHandler = (db: Db) => async () => {
  await sendKnowledgeReminders(db);
};
