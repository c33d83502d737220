import { addDays, isWorkingDay } from '../../consultation/index.js';

/**
 * A forum's cadence ("var 4–6:e vecka, uppehåll för sommar och jul"): meetings on a
 * preferred weekday, every `minWeeks`–`maxWeeks` weeks, never on a Swedish holiday and never in
 * a blackout period. Dates are 'YYYY-MM-DD'; blackouts are 'MM-DD' ranges, inclusive, and a
 * range whose end comes before its start wraps the new year (20 December – 6 January).
 */
export interface Blackout {
  from: string;
  to: string;
}

export interface CadenceRule {
  minWeeks: number;
  maxWeeks: number;
  /** ISO weekday: 1 Monday … 5 Friday. */
  weekday: number;
  blackouts: readonly Blackout[];
}

export const DEFAULT_BLACKOUTS: Blackout[] = [
  { from: '07-01', to: '07-31' },
  { from: '12-20', to: '01-06' },
];

export const DEFAULT_CADENCE: CadenceRule = { minWeeks: 4, maxWeeks: 6, weekday: 3, blackouts: DEFAULT_BLACKOUTS };

const MMDD = /^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

/** Rule errors as field paths, for a 422. */
export function checkCadence(r: CadenceRule): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  if (r.maxWeeks < r.minWeeks) errors.push({ path: 'maxWeeks', message: 'får inte vara mindre än minWeeks' });
  if (r.weekday < 1 || r.weekday > 5) errors.push({ path: 'weekday', message: 'ska vara en vardag, 1 (måndag) – 5 (fredag)' });
  r.blackouts.forEach((b, i) => {
    if (!MMDD.test(b.from)) errors.push({ path: `blackouts/${i}/from`, message: 'ska vara MM-DD' });
    if (!MMDD.test(b.to)) errors.push({ path: `blackouts/${i}/to`, message: 'ska vara MM-DD' });
  });
  return errors;
}

export function inBlackout(date: string, blackouts: readonly Blackout[]): boolean {
  const md = date.slice(5);
  return blackouts.some((b) => (b.from <= b.to ? md >= b.from && md <= b.to : md >= b.from || md <= b.to));
}

const isoWeekday = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};

/** A date a meeting may be held on under the rule. */
export const allowed = (date: string, r: CadenceRule) => isWorkingDay(date) && !inBlackout(date, r.blackouts);

/** The first allowed preferred weekday on or after a date (within ~1 year). */
function firstAllowedFrom(date: string, r: CadenceRule): string | undefined {
  let d = date;
  while (isoWeekday(d) !== r.weekday) d = addDays(d, 1);
  for (let i = 0; i < 60; i++, d = addDays(d, 7)) if (allowed(d, r)) return d;
  return undefined;
}

/**
 * Next year's meeting dates. The first meeting is the first allowed preferred weekday of the
 * year (or at least `minWeeks` after `previous`, the last meeting before the year); each next
 * one aims at the middle of the interval, then tries the shorter and longer intervals, and
 * when all of them fall in a break or on holidays it resumes at the first allowed day after.
 */
export function proposeMeetingDates(r: CadenceRule, year: number, previous?: string): string[] {
  const errors = checkCadence(r);
  if (errors.length) throw new Error(errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  const end = `${year}-12-31`;
  let start = `${year}-01-01`;
  if (previous) {
    const earliest = addDays(previous, 7 * r.minWeeks);
    if (earliest > start) start = earliest;
  }
  const dates: string[] = [];
  let current = firstAllowedFrom(start, r);
  const target = Math.round((r.minWeeks + r.maxWeeks) / 2);
  const order = [target];
  for (let k = 1; k <= r.maxWeeks - r.minWeeks; k++) {
    if (target - k >= r.minWeeks) order.push(target - k);
    if (target + k <= r.maxWeeks) order.push(target + k);
  }
  while (current && current <= end) {
    dates.push(current);
    const prev: string = current;
    const next = order.map((w) => addDays(prev, 7 * w)).find((d) => allowed(d, r));
    current = next ?? firstAllowedFrom(addDays(prev, 7 * r.maxWeeks), r);
  }
  return dates;
}
