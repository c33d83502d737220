import { afterAll, beforeAll } from 'vitest';
import { addDays } from '../../src/modules/consultation/rules/working-days.js';
import { clock, setClock } from '../../src/platform/clock.js';

/**
 * Sets the product's clock for this test file: for the suites that test the seeds' calendar
 * rules on real dates. Everything else takes its dates from `daysFromToday`.
 */
export function useClock(date: string): void {
  beforeAll(() => setClock(date));
  afterAll(() => setClock(process.env.NAVET_CLOCK));
}

/** The date `n` days after (before, when negative) the product's today. */
export const daysFromToday = (n: number): string => addDays(clock.today(), n);

/** The product's current year, and a year relative to it. */
export const yearFromNow = (n = 0): number => clock.year() + n;
