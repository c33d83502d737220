import { recordAudit } from '../../platform/audit/record.js';
import { todayInSweden } from '../../platform/clock.js';
import { systemCtx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { queueEmail } from '../../platform/jobs/email.js';
import * as repo from './repository.js';
import { dueNoticeMail, noticeHorizon } from './rules/due-notice.js';

export const CASE_ACTIONS_DUE_QUEUE = 'cases.action-items-due';

/**
 * The daily "action item due" run: for every open action item due within the lead time, one
 * notice per item and due date — in the app (case_action_notices) and by e-mail to the owner
 * and the case's handler. Each notice is one transaction that claims its row first, so a
 * rerun or a second worker sends nothing twice; a changed due date gets a new notice.
 */
export async function notifyDueActions(db: Db, opts: { today?: string; leadDays?: number; baseUrl?: string } = {}) {
  const today = opts.today ?? todayInSweden();
  const due = await repo.dueActions(db, noticeHorizon(today, opts.leadDays ?? 3));
  let notices = 0;
  let emails = 0;
  for (const a of due) {
    const sent = await db.transaction(async (tx) => {
      if (!(await repo.claimNotice(tx, a.id, a.dueDate, a.ownerPersonId))) return undefined;
      const to = new Map<string, string>();
      if (a.ownerEmail) to.set(a.ownerEmail, a.ownerLabel ?? '');
      if (a.handlerEmail && !to.has(a.handlerEmail)) to.set(a.handlerEmail, a.handlerName ?? '');
      for (const [address, name] of to) {
        const mail = dueNoticeMail(
          { ...a, dueDate: a.dueDate, caseNumber: a.caseNumber, today, baseUrl: opts.baseUrl ?? '' },
          name,
        );
        await queueEmail(tx, { to: address, ...mail });
        await repo.insertInAppNotice(tx, {
          email: address,
          title: mail.subject,
          body: mail.text.split('\n')[2] ?? mail.subject,
          link: `/arenden-och-beslut/arenden/${a.caseId}`,
          dedupeKey: `case-action-due:${a.id}:${a.dueDate}`,
        });
      }
      await recordAudit(tx, systemCtx('case-actions-due'), {
        entityType: 'case-action',
        entityId: a.id,
        action: 'remind',
        after: { dueDate: a.dueDate, emails: to.size },
      });
      return to.size;
    });
    if (sent === undefined) continue;
    notices++;
    emails += sent;
  }
  return { notices, emails };
}

export const caseActionsDueHandler = (db: Db, publicUrl: string) => async () => {
  await notifyDueActions(db, { baseUrl: publicUrl });
};
