/**
 * Revision and validity reminders for the catalogue, without I/O. Dates are 'YYYY-MM-DD'.
 * Thresholds are days before the date; 0 means "the day has come or passed" (one reminder
 * that the support is overdue for revision / no longer valid).
 */
export const KNOWLEDGE_REMINDER_THRESHOLDS: readonly number[] = [180, 60, 0];

export type KnowledgeReminderKind = 'revision' | 'validity';

const dayNumber = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

export const daysUntil = (today: string, date: string): number => dayNumber(date) - dayNumber(today);

export interface KnowledgeReminderItem {
  supportId: string;
  kind: KnowledgeReminderKind;
  date: string;
}

export interface DueKnowledgeReminder extends KnowledgeReminderItem {
  thresholdDays: number;
  daysLeft: number;
}

export const reminderKey = (r: { supportId: string; kind: string; date: string; thresholdDays: number }) =>
  `${r.kind}:${r.supportId}:${r.date}:${r.thresholdDays}`;

/**
 * The reminders due today: only the tightest threshold an item is within counts, so a support
 * entered 20 days before its revision date gets the 60-day reminder and never the 180-day one;
 * a date that has passed gets the 0-day ("overdue") reminder once. A moved date is a new item.
 */
export function dueKnowledgeReminders(
  today: string,
  items: readonly KnowledgeReminderItem[],
  sent: ReadonlySet<string> = new Set(),
  thresholds: readonly number[] = KNOWLEDGE_REMINDER_THRESHOLDS,
): DueKnowledgeReminder[] {
  const sorted = [...new Set(thresholds)].filter((n) => Number.isInteger(n) && n >= 0).sort((a, b) => a - b);
  const due: DueKnowledgeReminder[] = [];
  for (const item of items) {
    const daysLeft = daysUntil(today, item.date);
    const tightest = sorted.find((n) => Math.max(daysLeft, 0) <= n);
    if (tightest === undefined) continue;
    const r = { ...item, thresholdDays: tightest, daysLeft };
    if (!sent.has(reminderKey(r))) due.push(r);
  }
  return due;
}
