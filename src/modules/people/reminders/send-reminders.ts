import { recordAudit } from '../../../platform/audit/record.js';
import { todayInSweden } from '../../../platform/clock.js';
import { systemCtx } from '../../../platform/context.js';
import type { Db, Queryable } from '../../../platform/db/index.js';
import { queueEmail } from '../../../platform/jobs/email.js';
import { insertNotification } from '../../notifications/index.js';
import { declarationLapsingMail, membershipEndingMail, type MembershipAudience } from './messages.js';
import * as repo from './repository.js';
import {
  declarationState,
  DEFAULT_REMINDER_THRESHOLDS,
  dueReminders,
  sentKey,
  type DueReminder,
  type ReminderItem,
} from './rules.js';

export const REMINDERS_QUEUE = 'people.reminders';

interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * The in-app copy: a notification for every recipient who is also a user (matched by e-mail),
 * deduplicated per reminder so a rerun adds nothing.
 */
async function notifyInApp(tx: Queryable, mails: readonly Mail[], kind: string, dedupeKey: string, link: string) {
  const users = await repo.usersByEmail(
    tx,
    mails.map((m) => m.to),
  );
  for (const u of users) {
    const mail = mails.find((m) => m.to.toLowerCase() === u.email.toLowerCase())!;
    await insertNotification(tx, { userId: u.id, kind, title: mail.subject, body: mail.text, link, dedupeKey });
  }
  return users.length;
}

/** One e-mail per address: the first audience listed wins (the person before the chair). */
function dedupe(mails: Mail[]): Mail[] {
  const seen = new Set<string>();
  return mails.filter((m) => {
    const key = m.to.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

type MembershipItem = ReminderItem & { kind: 'membership-end'; row: repo.HeldMembershipRecord };
type DeclarationItem = ReminderItem & { kind: 'declaration-expiry'; row: repo.HeldMembershipRecord };

async function sendMembershipReminder(tx: Queryable, r: DueReminder<MembershipItem>, today: string): Promise<number> {
  const m = r.item.row;
  const facts = { personName: m.personName, groupName: m.groupName, role: m.role, endDate: r.item.date, daysLeft: r.daysLeft };
  const audiences: [MembershipAudience, repo.Recipient[]][] = [
    ['person', [await repo.personRecipient(tx, m.personId)].filter((p) => p !== undefined)],
    ['chair', await repo.chairsOf(tx, m.groupId, today)],
    ['coordinator', await repo.usersWithRoleAt(tx, 'samordnare', m.groupOwner)],
  ];
  const mails = dedupe(
    audiences.flatMap(([audience, people]) =>
      people.map((p) => ({ to: p.email, ...membershipEndingMail(facts, audience, p.name) })),
    ),
  );
  for (const mail of mails) await queueEmail(tx, mail);
  const inApp = await notifyInApp(
    tx,
    mails,
    'membership.ending',
    `reminder:membership-end:${m.id}:${r.thresholdDays}`,
    `/personer-och-uppdrag/grupper/${m.groupId}`,
  );
  await recordAudit(tx, systemCtx('reminders'), {
    entityType: 'membership',
    entityId: m.id,
    action: 'remind',
    after: { thresholdDays: r.thresholdDays, endDate: r.item.date, emails: mails.length, inApp },
  });
  return mails.length;
}

async function sendDeclarationReminder(tx: Queryable, r: DueReminder<DeclarationItem>): Promise<number> {
  const m = r.item.row;
  const facts = { personName: m.personName, validUntil: r.item.date, daysLeft: r.daysLeft };
  const person = await repo.personRecipient(tx, m.personId);
  const reviewers = await repo.usersWithRoleAt(tx, 'jav-granskare', m.personHomeOwner, { system: true });
  const mails = dedupe([
    ...(person ? [{ to: person.email, ...declarationLapsingMail(facts, 'person', person.name) }] : []),
    ...reviewers.map((p) => ({ to: p.email, ...declarationLapsingMail(facts, 'reviewer', p.name) })),
  ]);
  for (const mail of mails) await queueEmail(tx, mail);
  const inApp = await notifyInApp(
    tx,
    mails,
    'declaration.lapsing',
    `reminder:declaration-expiry:${r.item.id}:${r.thresholdDays}`,
    `/personer-och-uppdrag/personer/${m.personId}`,
  );
  await recordAudit(tx, systemCtx('reminders'), {
    entityType: 'jav-declaration',
    entityId: r.item.id,
    action: 'remind',
    after: { thresholdDays: r.thresholdDays, validUntil: r.item.date, emails: mails.length, inApp },
  });
  return mails.length;
}

/**
 * The daily reminder run. Each reminder is one transaction: claim it in reminders_sent, queue
 * its e-mails, record it. A rerun (or a second worker) finds the claim and sends nothing twice.
 */
export async function sendReminders(
  db: Db,
  opts: { today?: string; thresholds?: readonly number[] } = {},
): Promise<{ reminders: number; emails: number }> {
  const today = opts.today ?? todayInSweden();
  const thresholds = opts.thresholds ?? DEFAULT_REMINDER_THRESHOLDS;
  const held = await repo.heldMemberships(db, { today });
  const sent = new Set((await repo.sentReminders(db)).map((s) => sentKey(s.kind, s.itemId, s.thresholdDays)));

  const memberships: MembershipItem[] = held.flatMap((row) =>
    row.endDate ? [{ kind: 'membership-end' as const, id: row.id, date: row.endDate, row }] : [],
  );
  const declarations = new Map<string, DeclarationItem>();
  for (const row of held) {
    if (!row.declarationId || !row.declarationStatus || !row.declarationSubmittedAt) continue;
    const state = declarationState(
      {
        id: row.declarationId,
        status: row.declarationStatus,
        submittedAt: new Date(row.declarationSubmittedAt),
        validUntil: row.declarationValidUntil,
      },
      today,
    );
    if (state.state === 'valid') {
      declarations.set(row.declarationId, { kind: 'declaration-expiry', id: row.declarationId, date: state.validUntil, row });
    }
  }

  let reminders = 0;
  let emails = 0;
  for (const r of dueReminders(today, thresholds, memberships, sent)) {
    const n = await db.transaction(async (tx) =>
      (await repo.claimReminder(tx, r.item.kind, r.item.id, r.thresholdDays)) ? sendMembershipReminder(tx, r, today) : undefined,
    );
    if (n === undefined) continue;
    reminders++;
    emails += n;
  }
  for (const r of dueReminders(today, thresholds, [...declarations.values()], sent)) {
    const n = await db.transaction(async (tx) =>
      (await repo.claimReminder(tx, r.item.kind, r.item.id, r.thresholdDays)) ? sendDeclarationReminder(tx, r) : undefined,
    );
    if (n === undefined) continue;
    reminders++;
    emails += n;
  }
  return { reminders, emails };
}

/** The job handler: the daily schedule enqueues an empty payload. */
export const remindersHandler =
  (db: Db, opts: { thresholds?: readonly number[] } = {}) =>
  async (_payload: Record<string, unknown>): Promise<void> => {
    await sendReminders(db, opts);
  };
