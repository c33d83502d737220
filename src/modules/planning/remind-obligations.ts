/**
 * The daily reminder before an obligation's occurrence is due: once per occurrence, to the
 * responsible group's chairs, secretaries, process supports and coordinators (in the app and by
 * e-mail, through the notifications module). The claim (reminded_on), the notice and the audit
 * event commit together, so a rerun sends nothing twice.
 */
import { recordAudit } from '../../platform/audit/record.js';
import { clock } from '../../platform/clock.js';
import { systemCtx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notifyPersons } from '../notifications/index.js';
import './audit.js';
import * as repo from './obligation-repository.js';
import { occurrencesOf } from './obligation-queries.js';
import { isDueSoon } from './rules/obligation.js';

export const OBLIGATION_REMINDERS_QUEUE = 'planning.obligation-reminders';

export async function remindObligations(db: Db, opts: { today?: string } = {}): Promise<{ reminded: number }> {
  const today = opts.today ?? clock.today();
  const year = Number(today.slice(0, 4));
  let reminded = 0;
  for (const o of await repo.allObligations(db)) {
    // This year's occurrences, and next year's first (a December reminder for a January date).
    const due = [...(await occurrencesOf(db, o, year, today)), ...(await occurrencesOf(db, o, year + 1, today)).slice(0, 1)];
    for (const c of due) {
      if (!isDueSoon(c.status) || c.remindedOn) continue;
      const sent = await db.transaction(async (tx) => {
        if (!(await repo.claimReminder(tx, { obligationId: o.id, year: c.year, ordinal: c.ordinal, dueOn: c.dueOn, today })))
          return false;
        const people = await repo.groupLeaderIds(tx, o.groupId, today);
        await notifyPersons(tx, {
          kind: 'obligation.due',
          personIds: people,
          title: `Påminnelse: ${o.title} (senast ${c.dueOn})`,
          body:
            `${o.groupName} ska ${c.ordinal === 1 && o.timesPerYear === 1 ? 'en gång' : `${o.timesPerYear} gånger`} per år: ${o.title}. ` +
            `Tillfälle ${c.ordinal} ${c.year} ska vara genomfört senast ${c.dueOn}. Registrera i Navet när det är gjort (mötet eller datum och anteckning).`,
          link: `/planer/skyldigheter`,
          dedupeKey: `obligation:${o.id}:${c.year}:${c.ordinal}`,
        });
        await recordAudit(tx, systemCtx('obligation-reminders'), {
          entityType: 'obligation',
          entityId: o.id,
          action: 'remind',
          after: { year: c.year, ordinal: c.ordinal, dueOn: c.dueOn, recipients: people.length },
        });
        return true;
      });
      if (sent) reminded++;
    }
  }
  return { reminded };
}

export const obligationRemindersHandler =
  (db: Db) =>
  async (_payload: Record<string, unknown>): Promise<void> => {
    await remindObligations(db);
  };
