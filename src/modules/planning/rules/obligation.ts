/**
 * Recurring obligations: something a body must do a number of times a year, with a record that
 * it happened. Seed 000: the program areas meet sjukvårdens ledningsgrupp twice a year in
 * dialogue on goal fulfilment, improvement needs and priorities. Seed 002: the
 * kommunikationsplan is evaluated in the kunskapsråd twice a year.
 *
 * "Twice a year" splits the year into two halves; an occurrence is due by the end of its period
 * (30 June, 31 December). The seeds name no day, so the default is the period's last day and a
 * person may set another (the occurrence's `dueOn`).
 */
export const TIMES_PER_YEAR = [1, 2, 3, 4, 6, 12] as const;
export type TimesPerYear = (typeof TIMES_PER_YEAR)[number];

export const OCCURRENCE_STATUSES = ['held', 'overdue', 'due-soon', 'upcoming'] as const;
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The default due dates of a year's occurrences: the last day of each of the year's equal periods. */
export function defaultDueDates(year: number, timesPerYear: number): string[] {
  if (!(TIMES_PER_YEAR as readonly number[]).includes(timesPerYear)) throw new Error(`Unsupported cadence ${timesPerYear}`);
  const months = 12 / timesPerYear;
  return Array.from({ length: timesPerYear }, (_, k) => {
    const month = months * (k + 1);
    return `${year}-${pad(month)}-${pad(lastDayOf(year, month))}`;
  });
}

/** The day a reminder goes out: `days` before the due date. */
export function remindOn(dueOn: string, days: number): string {
  const d = new Date(`${dueOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** Held when recorded; overdue after its due date (a gap); due soon inside the reminder window. */
export function occurrenceStatus(
  o: { dueOn: string; heldOn: string | null },
  today: string,
  remindDays: number,
): OccurrenceStatus {
  if (o.heldOn) return 'held';
  if (today > o.dueOn) return 'overdue';
  if (today >= remindOn(o.dueOn, remindDays)) return 'due-soon';
  return 'upcoming';
}

/** Recorded as having happened. */
export const isHeld = (s: OccurrenceStatus): boolean => s === 'held';
/** Past its due date and not recorded: a gap. */
export const isOverdue = (s: OccurrenceStatus): boolean => s === 'overdue';
/** Inside the reminder window. */
export const isDueSoon = (s: OccurrenceStatus): boolean => s === 'due-soon';
/** Due or overdue and not yet recorded: something a person can record now. */
export const awaitsRecord = (s: OccurrenceStatus): boolean => isOverdue(s) || isDueSoon(s);

export const OCCURRENCE_LABELS: Record<OccurrenceStatus, string> = {
  held: 'genomförd',
  overdue: 'försenad',
  'due-soon': 'snart dags',
  upcoming: 'kommande',
};
