import { addDays, onOrAfter, onOrBefore } from './working-days.js';

/**
 * The national consultation calendar (seed 002, reference/kunskapsstod.md §3):
 * - synpunktsinhämtning opens on the first working day of Feb, Mar, Apr, May, Sep, Oct, Nov
 *   and Dec, and closes 28 days later, moved back to a working day;
 * - öppen nationell remiss has four windows, 15 Feb–14 Apr, 15 Apr–14 Jun, 15 Sep–14 Nov and
 *   15 Nov–14 Feb; an opening day moves forward, a closing day back, to a working day.
 */
export interface Window {
  opens: string;
  closes: string;
}

const SYNPUNKT_MONTHS = [2, 3, 4, 5, 9, 10, 11, 12];
const REMISS_WINDOWS: [open: string, close: string, closesNextYear: boolean][] = [
  ['02-15', '04-14', false],
  ['04-15', '06-14', false],
  ['09-15', '11-14', false],
  ['11-15', '02-14', true],
];

const pad = (n: number) => String(n).padStart(2, '0');

export function synpunktsinhamtning(year: number): Window[] {
  return SYNPUNKT_MONTHS.map((m) => {
    const opens = onOrAfter(`${year}-${pad(m)}-01`);
    return { opens, closes: onOrBefore(addDays(opens, 28)) };
  });
}

export function nationalRemiss(year: number): Window[] {
  return REMISS_WINDOWS.map(([open, close, next]) => ({
    opens: onOrAfter(`${year}-${open}`),
    closes: onOrBefore(`${next ? year + 1 : year}-${close}`),
  }));
}

export function consultationCalendar(year: number) {
  return { year, synpunktsinhamtning: synpunktsinhamtning(year), nationalRemiss: nationalRemiss(year) };
}

/** The next window of a track that opens on or after a date: where a new round is placed. */
export function nextWindow(track: 'synpunktsinhamtning' | 'national-remiss', from: string): Window {
  const year = Number(from.slice(0, 4));
  const windows = [year, year + 1].flatMap((y) => (track === 'synpunktsinhamtning' ? synpunktsinhamtning(y) : nationalRemiss(y)));
  return windows.find((w) => w.opens >= from)!;
}
