import { nextWindow, nationalRemiss, synpunktsinhamtning, type Window } from '../../consultation/index.js';
import { isWorkingDay, onOrAfter, onOrBefore } from '../../consultation/index.js';
import type { ConsequenceDimension, RoundTrack, Significance } from './vocabulary.js';

export interface ConsequenceEntry {
  dimension: ConsequenceDimension;
  significance: Significance;
}

export interface TrackProposal {
  track: RoundTrack;
  /** The dimensions that made it an open remiss (empty for synpunktsinhämtning). */
  because: ConsequenceDimension[];
}

/**
 * Significant consequences in any dimension (large resource impact, organisational change,
 * ethical questions …) → öppen nationell remiss, where every stakeholder may answer;
 * otherwise the lighter synpunktsinhämtning to the regions (issue 5 item 3).
 */
export function proposeTrack(consequences: readonly ConsequenceEntry[]): TrackProposal {
  const because = consequences.filter((c) => c.significance === 'significant').map((c) => c.dimension);
  return { track: because.length > 0 ? 'oppen-remiss' : 'synpunktsinhamtning', because };
}

const calendarTrack = (t: RoundTrack) => (t === 'oppen-remiss' ? 'national-remiss' : 'synpunktsinhamtning');

/**
 * The next calendar slot of a track that opens after `today` (a round is sent out ahead of
 * its window, so a window opening today is already too late to prepare for).
 */
export function placeRound(track: RoundTrack, today: string, options: { includeToday?: boolean } = {}): Window {
  const from = options.includeToday ? today : nextDay(today);
  return nextWindow(calendarTrack(track), from);
}

/** Whether dates are exactly one of the track's calendar windows. */
export function isCalendarWindow(track: RoundTrack, opens: string, closes: string): boolean {
  const year = Number(opens.slice(0, 4));
  const windows = track === 'oppen-remiss' ? nationalRemiss(year) : synpunktsinhamtning(year);
  return windows.some((w) => w.opens === opens && w.closes === closes);
}

export type DateCheck = { path: string; message: string };

/**
 * Chosen dates by the calendar's own working-day rule: a round opens on the date or the next
 * working day, and its last day to answer is the date or the working day before (the end of a
 * window on Easter Monday 2027-03-29 is Maundy Thursday 2027-03-25, as in the calendar).
 */
export const onWorkingDays = (opens: string, closes: string) => ({ opens: onOrAfter(opens), closes: onOrBefore(closes) });

/** Problems with chosen dates; outside the calendar is allowed only with an explicit override. */
export function checkRoundDates(
  track: RoundTrack,
  opens: string,
  closes: string,
  override: { datesOverride: boolean; reason: string | null },
): DateCheck[] {
  const errors: DateCheck[] = [];
  if (closes <= opens) errors.push({ path: '/closesOn', message: 'Sista svarsdag måste vara efter startdagen.' });
  if (errors.length) return errors;
  if (isCalendarWindow(track, opens, closes)) return errors;
  if (!override.datesOverride) {
    errors.push({
      path: '/opensOn',
      message: 'Datumen följer inte remisskalendern. Markera att du avviker från kalendern och ange skäl.',
    });
  } else {
    if (!override.reason) errors.push({ path: '/overrideReason', message: 'Ange skäl för att avvika från remisskalendern.' });
    if (!isWorkingDay(opens)) errors.push({ path: '/opensOn', message: 'Startdagen måste vara en vardag.' });
    if (!isWorkingDay(closes)) errors.push({ path: '/closesOn', message: 'Sista svarsdag måste vara en vardag.' });
  }
  return errors;
}

/** Whether two date windows (inclusive) overlap. */
export const overlaps = (a: Window, b: Window) => a.opens <= b.closes && b.opens <= a.closes;

function nextDay(d: string): string {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + 1);
  return x.toISOString().slice(0, 10);
}

/** planned / open / closed by today's date (a cancelled round is cancelled whatever the date). */
export function roundPhase(r: { opens: string; closes: string; cancelled: boolean }, today: string) {
  if (r.cancelled) return 'avbruten' as const;
  if (today < r.opens) return 'planerad' as const;
  if (today <= r.closes) return 'oppen' as const;
  return 'stangd' as const;
}
