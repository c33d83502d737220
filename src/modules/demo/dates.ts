import { clock } from '../../platform/clock.js';

/**
 * The demo's dates are written as of its anchor day, 1 December 2026. Loaded later, every date,
 * period and year moves on by the whole years that have passed, so the fictional workload stays
 * as recent as it was written (meetings this month, mandates running, supports due for
 * revision) and keeps its calendar shape (periods from 1 January, quarters, year-end).
 */
const ANCHOR = '2026-12-01';

/** Whole years from the anchor to the product's today (never negative). */
export function demoYears(today: string = clock.today()): number {
  const years = Number(today.slice(0, 4)) - Number(ANCHOR.slice(0, 4));
  return Math.max(0, today.slice(5) >= ANCHOR.slice(5) ? years : years - 1);
}

/** A demo date ('YYYY-MM-DD') moved to now; 29 February becomes 28 February in a common year. */
export function demoDate(date: string): string {
  const year = Number(date.slice(0, 4)) + demoYears();
  const monthDay = date.slice(5);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return `${year}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}

/** A demo year moved to now. */
export const demoYear = (year: number): number => year + demoYears();

/** A demo period ('YYYY-MM' or 'YYYY-Qn') moved to now. */
export const demoPeriod = (period: string): string => `${demoYear(Number(period.slice(0, 4)))}${period.slice(4)}`;
