import Holidays from 'date-holidays';

/**
 * Swedish working days (vardagar). Non-working: Saturdays, Sundays, public holidays and the
 * eves that are days off in practice (midsommarafton, julafton, nyårsafton — "bank" in the
 * holiday library). Dates are 'YYYY-MM-DD'.
 */
const swedish = new Holidays('SE');
const cache = new Map<number, Set<string>>();

function nonWorkingHolidays(year: number): Set<string> {
  let days = cache.get(year);
  if (!days) {
    days = new Set(
      swedish
        .getHolidays(year)
        .filter((h) => h.type === 'public' || h.type === 'bank')
        .map((h) => h.date.slice(0, 10)),
    );
    cache.set(year, days);
  }
  return days;
}

const parse = (d: string) => new Date(`${d}T00:00:00Z`);
const format = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
}

export function isWorkingDay(date: string): boolean {
  const weekday = parse(date).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !nonWorkingHolidays(Number(date.slice(0, 4))).has(date);
}

/** The date itself when it is a working day, else the next one. */
export function onOrAfter(date: string): string {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** The date itself when it is a working day, else the one before. */
export function onOrBefore(date: string): string {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, -1);
  return d;
}

/** `n` working days before a date (for internal milestones scheduled back from a deadline). */
export function workingDaysBefore(date: string, n: number): string {
  let d = date;
  for (let left = n; left > 0;) {
    d = addDays(d, -1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}
