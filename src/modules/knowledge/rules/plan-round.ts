import type { FieldError } from '../../../platform/errors.js';
import { checkRoundDates, isCalendarWindow, onWorkingDays, placeRound, proposeTrack, type ConsequenceEntry } from './track.js';
import type { ConsequenceDimension, RoundTrack } from './vocabulary.js';

export interface RoundChoice {
  track?: RoundTrack | undefined;
  opensOn?: string | undefined;
  closesOn?: string | undefined;
  /** The person says the dates deliberately depart from the calendar. */
  datesOverride?: boolean | undefined;
  overrideReason?: string | null | undefined;
}

export interface RoundPlan {
  proposal: { track: RoundTrack; because: ConsequenceDimension[]; opensOn: string; closesOn: string };
  track: RoundTrack;
  opensOn: string;
  closesOn: string;
  trackOverridden: boolean;
  datesOverridden: boolean;
  overrideReason: string | null;
  errors: FieldError[];
}

/**
 * Where a new round goes: the track proposed from the consequence description, in the next
 * calendar slot after today. A person may choose the other track or other dates; a track
 * other than the proposed one, and dates outside the calendar, need a reason (and dates
 * outside the calendar an explicit override). Pure: the caller supplies today.
 */
export function planRound(consequences: readonly ConsequenceEntry[], today: string, choice: RoundChoice = {}): RoundPlan {
  const proposed = proposeTrack(consequences);
  const proposedSlot = placeRound(proposed.track, today);
  const track = choice.track ?? proposed.track;
  const slot = track === proposed.track ? proposedSlot : placeRound(track, today);
  const errors: FieldError[] = [];
  const reason = choice.overrideReason?.trim() || null;

  let opensOn = slot.opens;
  let closesOn = slot.closes;
  if (choice.opensOn !== undefined || choice.closesOn !== undefined) {
    if (choice.opensOn === undefined) errors.push({ path: '/opensOn', message: 'Ange både startdag och sista svarsdag.' });
    if (choice.closesOn === undefined) errors.push({ path: '/closesOn', message: 'Ange både startdag och sista svarsdag.' });
    // A date that is no working day is moved by the calendar's rule, never refused.
    const chosen = onWorkingDays(choice.opensOn ?? opensOn, choice.closesOn ?? closesOn);
    opensOn = chosen.opens;
    closesOn = chosen.closes;
  }
  const trackOverridden = track !== proposed.track;
  const datesOverridden = !isCalendarWindow(track, opensOn, closesOn);
  if (errors.length === 0) {
    errors.push(...checkRoundDates(track, opensOn, closesOn, { datesOverride: choice.datesOverride ?? false, reason }));
  }
  if (trackOverridden && !reason && !errors.some((e) => e.path === '/overrideReason')) {
    errors.push({ path: '/overrideReason', message: 'Ange skäl för att välja ett annat spår än det föreslagna.' });
  }
  return {
    proposal: { track: proposed.track, because: proposed.because, opensOn: proposedSlot.opens, closesOn: proposedSlot.closes },
    track,
    opensOn,
    closesOn,
    trackOverridden,
    datesOverridden,
    overrideReason: trackOverridden || datesOverridden ? reason : null,
    errors,
  };
}
