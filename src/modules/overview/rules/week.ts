/** Calendar arithmetic for the overview, without I/O. Dates are Swedish calendar days, 'YYYY-MM-DD'. */

const dayNumber = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

const fromDayNumber = (n: number): string => new Date(n * 86_400_000).toISOString().slice(0, 10);

/** Whole calendar days from `today` to `date`; negative when the date has passed. */
export const daysUntil = (today: string, date: string): number => dayNumber(date) - dayNumber(today);

/** The week (Monday to Sunday, as in Sweden) that `today` falls in. */
export function weekOf(today: string): { from: string; to: string } {
  const n = dayNumber(today);
  // 1970-01-01 was a Thursday: day 0 → weekday index 3 when Monday is 0
  const monday = n - ((n + 3) % 7);
  return { from: fromDayNumber(monday), to: fromDayNumber(monday + 6) };
}
