/**
 * The meeting page's steps (issue 17: steps instead of one endless page), in the order a
 * meeting goes: the notice is sent, the agenda set, attendance taken at the meeting, the minutes
 * written and sent for justering, then justerade. The first step not done is where the meeting
 * is now; a cancelled meeting is in no step.
 */
import { MINUTES_STATUSES, type MinutesStatus } from '../../modules/meetings/rules/meeting';
import type { MeetingDetail } from './MeetingPage';

export const MEETING_STEPS = ['kallelse', 'dagordning', 'narvaro', 'protokoll', 'justering'] as const;
export type MeetingStep = (typeof MEETING_STEPS)[number];

const reached = (s: MinutesStatus, at: MinutesStatus) => MINUTES_STATUSES.indexOf(s) >= MINUTES_STATUSES.indexOf(at);

export function meetingStepDone(step: MeetingStep, d: MeetingDetail): boolean {
  const m = d.meeting;
  const sent = reached(m.minutesStatus, 'for-justering');
  switch (step) {
    case 'kallelse':
      return m.noticeSentAt !== null || sent;
    case 'dagordning':
      return (d.agenda.length > 0 && m.noticeSentAt !== null) || sent;
    case 'narvaro':
    case 'protokoll':
      return sent;
    case 'justering':
      return reached(m.minutesStatus, 'justerat');
  }
}

export function meetingStepNow(d: MeetingDetail): MeetingStep | null {
  if (d.meeting.cancelReason) return null;
  return MEETING_STEPS.find((s) => !meetingStepDone(s, d)) ?? null;
}
