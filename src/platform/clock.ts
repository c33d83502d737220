/**
 * The product's clock: every calendar rule asks it for "now" and "today" (Europe/Stockholm),
 * never `new Date()`. Production reads the system clock.
 *
 * `NAVET_CLOCK` (or `setClock` in a test) moves it to another day: `2027-12-31` keeps the time
 * of day and moves the date, `2027-12-31T23:50:00+01:00` sets the instant. Either way the clock
 * goes on running from there. CI runs suites with the clock a year ahead and on New Year's Eve,
 * so that no test depends on the day it runs.
 *
 * Elapsed-time mechanics (sessions, lockouts, rate limits, leases, job scheduling) are not
 * calendar rules and stay on real time.
 */

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

let offsetMs = 0;

/** Made once: building a DateTimeFormat costs far more than formatting with it (every request asks the day). */
const SWEDISH_DATE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Sweden ('YYYY-MM-DD') at an instant: rules count Swedish days. */
export function swedishDate(at: Date): string {
  return SWEDISH_DATE.format(at);
}

/** The offset that moves `realNow` to `to` (a date: same time of day; an instant: exactly). */
export function clockOffset(to: string, realNow: Date = new Date()): number {
  if (DATE_ONLY.test(to)) {
    const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${swedishDate(realNow)}T00:00:00Z`)) / DAY_MS);
    const offset = days * DAY_MS;
    // Across a daylight-saving change whole days of 24 h can land an hour off the target date.
    for (const nudge of [0, -3_600_000, 3_600_000]) {
      if (swedishDate(new Date(realNow.getTime() + offset + nudge)) === to) return offset + nudge;
    }
    return offset;
  }
  const at = Date.parse(to);
  if (Number.isNaN(at)) throw new Error(`NAVET_CLOCK: "${to}" is neither a date (YYYY-MM-DD) nor an ISO 8601 instant`);
  return at - realNow.getTime();
}

/** Move the clock (undefined: back to the system clock). */
export function setClock(to: string | undefined): void {
  offsetMs = to ? clockOffset(to) : 0;
}

/** Whether the clock has been moved away from the system clock (the start-up log says so). */
export const clockIsSet = (): boolean => offsetMs !== 0;

export const clock = {
  now: (): Date => new Date(Date.now() + offsetMs),
  today: (): string => swedishDate(clock.now()),
  year: (): number => Number(swedishDate(clock.now()).slice(0, 4)),
};

/** Today's date in Sweden ('YYYY-MM-DD'), by the product's clock unless an instant is given. */
export function todayInSweden(now: Date = clock.now()): string {
  return swedishDate(now);
}

if (process.env.NAVET_CLOCK) setClock(process.env.NAVET_CLOCK);
