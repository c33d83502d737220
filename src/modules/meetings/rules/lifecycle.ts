/**
 * The meeting's and its minutes' lifecycles, declared once (src/platform/lifecycle). Every move
 * runs through runTransition (see ../transition.ts); whether the agenda, attendance, minutes or
 * attachments may still change is derived from these declarations, never from status strings.
 *
 *   meeting:  planerat → kallat (again after changes) → genomfört; planerat/kallat → inställt
 *   minutes:  utkast → för justering → justerat (locked for good); för justering → utkast
 *
 * Agenda items, paragraphs and attachments have no lifecycle of their own: they follow the minutes.
 */
import { defineLifecycle, isFinal, isLocked } from '../../../platform/lifecycle/lifecycle.js';
import { MEETING_STATUSES, MINUTES_STATUSES, type MeetingStatus, type MinutesStatus } from './meeting.js';

export interface MeetingFacts {
  /** Paragraphs written in the meeting's minutes (a meeting with minutes cannot be cancelled). */
  paragraphs: number;
}

export const meetingLifecycle = defineLifecycle<MeetingStatus, 'notice' | 'hold' | 'cancel', MeetingFacts>({
  entity: 'meeting',
  noun: 'Mötet',
  statuses: MEETING_STATUSES,
  labels: { planerat: 'planerat', kallat: 'kallat', genomfort: 'genomfört', installt: 'inställt' },
  actions: {
    // Sending again after changes is allowed and reaches those added since.
    notice: { label: 'skicka kallelsen', from: ['planerat', 'kallat'], to: 'kallat', audit: 'notice' },
    hold: { label: 'markera mötet som genomfört', from: ['planerat', 'kallat'], to: 'genomfort', audit: 'hold' },
    cancel: {
      label: 'ställa in mötet',
      from: ['planerat', 'kallat'],
      to: 'installt',
      reason: true,
      guard: (f) =>
        f.paragraphs > 0
          ? { message: 'Mötet har protokollsparagrafer; ett möte med protokoll kan inte ställas in.', conflict: true }
          : null,
      audit: 'cancel',
    },
  },
  // Date, time, place and link change only before the meeting is held or cancelled.
  locked: ['genomfort', 'installt'],
  final: ['genomfort', 'installt'],
});
export type MeetingAction = (typeof meetingLifecycle.actionNames)[number];

export interface MinutesProblem {
  path: string;
  message: string;
}

export interface MinutesFacts {
  meetingStatus: MeetingStatus;
  /** What keeps the minutes from being sent: no paragraphs, no adjusters, a decision without text. */
  problems: readonly MinutesProblem[];
  /** For an adjuster's approval: whether they have approved already, and whether others still have to. */
  alreadyApproved: boolean;
  othersPending: number;
  /** The product's today and the meeting's date: nothing is justerat before the meeting is held. */
  today: string;
  meetingDate: string;
}

/** Why no paragraph (§) can be written yet: decisions are taken at the meeting, not before it. */
export const paragraphTooEarly = (f: { today: string; meetingDate: string }) =>
  f.today < f.meetingDate
    ? { message: `Mötet hålls ${f.meetingDate}; paragrafer skrivs från mötesdagen.`, path: 'meetingDate' }
    : null;

/** Why the minutes cannot be sent or approved yet: the meeting's day has not come. */
export const beforeMeetingDay = (f: { today: string; meetingDate: string }) =>
  f.today < f.meetingDate
    ? { message: `Mötet hålls ${f.meetingDate}; protokollet kan inte justeras före mötesdagen.`, path: 'meetingDate' }
    : null;

export const minutesLifecycle = defineLifecycle<
  MinutesStatus,
  'submit' | 'reopen' | 'approve' | 'approve-on-paper',
  MinutesFacts
>({
  entity: 'meeting',
  noun: 'Protokollet',
  statuses: MINUTES_STATUSES,
  labels: { utkast: 'ett utkast', 'for-justering': 'skickat för justering', justerat: 'justerat' },
  actions: {
    submit: {
      label: 'skicka protokollet för justering',
      from: ['utkast'],
      to: 'for-justering',
      guard: (f) => {
        if (isCancelled(f.meetingStatus)) return { message: 'Mötet är inställt.', conflict: true };
        const early = beforeMeetingDay(f);
        if (early) return early;
        if (!f.problems.length) return null;
        return { message: f.problems.map((p) => p.message).join('; '), path: f.problems[0]!.path };
      },
      audit: 'submit-minutes',
    },
    reopen: { label: 'ta tillbaka protokollet', from: ['for-justering'], to: 'utkast', audit: 'reopen-minutes' },
    // Each adjuster approves once; the last approval locks the minutes and makes the decisions final.
    approve: {
      label: 'justera protokollet',
      from: ['for-justering'],
      to: (from, f) => (f.othersPending > 0 ? from : 'justerat'),
      guard: (f) =>
        beforeMeetingDay(f) ?? (f.alreadyApproved ? { message: 'Du har redan justerat protokollet.', conflict: true } : null),
      audit: 'approve-minutes',
    },
    // A justerare without an account signs on paper; the secretary records it with the date signed.
    'approve-on-paper': {
      label: 'registrera en justering på papper',
      from: ['for-justering'],
      to: (from, f) => (f.othersPending > 0 ? from : 'justerat'),
      guard: (f) =>
        beforeMeetingDay(f) ??
        (f.alreadyApproved ? { message: 'Justeraren har redan justerat protokollet.', conflict: true } : null),
      audit: 'approve-minutes-on-paper',
    },
  },
  // Sent for justering, nothing in the minutes changes (take them back first); approved, never.
  locked: ['for-justering', 'justerat'],
  final: ['justerat'],
});
export type MinutesAction = (typeof minutesLifecycle.actionNames)[number];

/** The status a cancelled meeting is in (the one `cancel` leads to). */
export const isCancelled = (s: MeetingStatus): boolean => s === meetingLifecycle.actions.cancel.to;

/** Whether the meeting's date, time, place and link may still change. */
export const meetingEditable = (s: MeetingStatus): boolean => !isLocked(meetingLifecycle, s);

/** Whether agenda, attendance and minutes may change: a meeting not cancelled, with minutes not locked. */
export const minutesEditable = (m: { status: MeetingStatus; minutesStatus: MinutesStatus }): boolean =>
  !isCancelled(m.status) && !isLocked(minutesLifecycle, m.minutesStatus);

/** Why the minutes (paragraphs, participation, action items) cannot change now, or null when they can. */
export function minutesClosedReason(m: { status: MeetingStatus; minutesStatus: MinutesStatus }): string | null {
  if (isCancelled(m.status)) return 'Mötet är inställt.';
  if (isFinal(minutesLifecycle, m.minutesStatus))
    return 'Protokollet är justerat och kan inte ändras. En rättelse blir en ny paragraf vid ett senare möte.';
  if (isLocked(minutesLifecycle, m.minutesStatus)) return 'Protokollet är skickat för justering; ta tillbaka det för att ändra.';
  return null;
}

/** Why the agenda (or attendance) cannot change now, or null when it can. */
export function agendaClosedReason(m: { status: MeetingStatus; minutesStatus: MinutesStatus }, what: string): string | null {
  if (isCancelled(m.status)) return 'Mötet är inställt.';
  if (isLocked(minutesLifecycle, m.minutesStatus)) return `Protokollet är skickat för justering; ${what} är låst.`;
  return null;
}

/** Why attachments cannot be added or removed now (approved minutes lock them too), or null. */
export function attachmentsClosedReason(m: { status: MeetingStatus; minutesStatus: MinutesStatus }): string | null {
  if (isFinal(minutesLifecycle, m.minutesStatus)) return 'Protokollet är justerat; mötets bilagor är låsta.';
  if (isCancelled(m.status)) return 'Mötet är inställt.';
  return null;
}

/** Whether a case can still be put forward from the meeting page (the candidate list): draft minutes. */
export const agendaOpenForCases = (s: MinutesStatus): boolean => !isLocked(minutesLifecycle, s);

/** What stands between draft minutes and sending them to the adjusters. */
export function minutesProblems(
  paragraphs: readonly {
    number: number;
    decisionKind: string;
    decisionText: string;
    agendaItemId?: string | null;
    caseId?: string | null;
  }[],
  adjusters: number,
  agenda: readonly { id: string; position: number; title: string; caseId: string | null; forBeslut: boolean }[] = [],
): MinutesProblem[] {
  return [
    // An item put forward för beslut is decided in a § (or taken off the agenda) before justering.
    ...agenda
      .filter((a) => a.forBeslut && !paragraphs.some((p) => p.agendaItemId === a.id || (a.caseId && p.caseId === a.caseId)))
      .map((a) => ({
        path: `agenda/${a.position}`,
        message: `punkt ${a.position} "${a.title}" är för beslut men saknar paragraf (skriv en § eller ta bort punkten)`,
      })),
    ...(paragraphs.length ? [] : [{ path: 'paragraphs', message: 'protokollet har inga paragrafer' }]),
    ...(adjusters ? [] : [{ path: 'adjusters', message: 'ange minst en justerare' }]),
    ...paragraphs
      .filter((p) => p.decisionKind !== 'information' && !p.decisionText.trim())
      .map((p) => ({ path: `paragraphs/${p.number}`, message: `§ ${p.number} saknar beslutstext` })),
  ];
}

/** Whether the notice has gone out (and the meeting is still ahead): changes are then told to those called. */
export const isCalled = (s: MeetingStatus): boolean => s === meetingLifecycle.actions.notice.to;

/** Whether the minutes are sent or approved: adjusters, agenda and paragraphs no longer change. */
export const isLockedMinutes = (s: MinutesStatus): boolean => isLocked(minutesLifecycle, s);
