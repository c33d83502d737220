import { currentDeclaration, type DeclarationFacts } from '../rules/membership.js';

/** Reminder rules, without I/O. Dates are Swedish calendar days, 'YYYY-MM-DD'. */

export const DEFAULT_REMINDER_THRESHOLDS: readonly number[] = [90, 30];

export type ReminderKind = 'membership-end' | 'declaration-expiry';

const dayNumber = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

/** Whole calendar days from `today` to `date`; negative when the date has passed. */
export const daysUntil = (today: string, date: string): number => dayNumber(date) - dayNumber(today);

/** 'YYYY-MM-DD' + n days (n may be negative). */
export function addDays(date: string, n: number): string {
  return new Date((dayNumber(date) + n) * 86_400_000).toISOString().slice(0, 10);
}

export interface ReminderItem {
  kind: ReminderKind;
  id: string;
  /** The day the mandate ends or the declaration stops being valid. */
  date: string;
}

export interface DueReminder<T extends ReminderItem> {
  item: T;
  thresholdDays: number;
  daysLeft: number;
}

export const sentKey = (kind: ReminderKind, id: string, thresholdDays: number) => `${kind}:${id}:${thresholdDays}`;

/**
 * The reminders to send today. For each item only the tightest threshold it is within counts:
 * when both the 90- and the 30-day reminder are due, only the 30-day one goes out, and once
 * that one is sent the looser one never follows. Past dates get no reminder.
 */
export function dueReminders<T extends ReminderItem>(
  today: string,
  thresholds: readonly number[],
  items: readonly T[],
  sent: ReadonlySet<string> = new Set(),
): DueReminder<T>[] {
  const sorted = [...new Set(thresholds)].filter((n) => Number.isInteger(n) && n > 0).sort((a, b) => a - b);
  const due: DueReminder<T>[] = [];
  for (const item of items) {
    const daysLeft = daysUntil(today, item.date);
    if (daysLeft < 0) continue;
    const tightest = sorted.find((n) => daysLeft <= n);
    if (tightest === undefined || sent.has(sentKey(item.kind, item.id, tightest))) continue;
    due.push({ item, thresholdDays: tightest, daysLeft });
  }
  return due;
}

export type DeclarationState =
  | { state: 'valid'; validUntil: string; daysLeft: number }
  | { state: 'lapsed'; reason: 'none' | 'pending' | 'returned' | 'expired'; validUntil: string | null };

/**
 * The state of a person's declaration for reminders and the expiring list: "lapsed" whenever
 * there is no current approved one (the same rule that refuses appointments).
 */
export function declarationState(latest: DeclarationFacts | undefined, today: string): DeclarationState {
  const current = currentDeclaration(latest ? [latest] : [], today);
  if (current.ok) return { state: 'valid', validUntil: current.validUntil, daysLeft: daysUntil(today, current.validUntil) };
  return { state: 'lapsed', reason: current.reason, validUntil: latest?.validUntil ?? null };
}
