/** 409s for a meeting whose agenda, minutes or attachments can no longer change; the reasons come from rules/lifecycle.ts. */
import { conflict } from '../../platform/errors.js';
import type * as repo from './repository.js';
import { agendaClosedReason, attachmentsClosedReason, minutesClosedReason } from './rules/lifecycle.js';

const subject = (m: repo.MeetingRecord) => ({ status: m.status, minutesStatus: m.minutesStatus });

/** The agenda (or attendance): not for a cancelled meeting, nor once the minutes are sent. */
export function assertAgendaOpen(m: repo.MeetingRecord, what = 'föredragningslistan'): void {
  const reason = agendaClosedReason(subject(m), what);
  if (reason) throw conflict(reason);
}

/** Paragraphs, participation and action items: draft minutes of a meeting not cancelled. */
export function assertMinutesOpen(m: repo.MeetingRecord): void {
  const reason = minutesClosedReason(subject(m));
  if (reason) throw conflict(reason);
}

/** Attachments: until the minutes are approved (or the meeting is cancelled). */
export function assertAttachmentsOpen(m: repo.MeetingRecord): void {
  const reason = attachmentsClosedReason(subject(m));
  if (reason) throw conflict(reason);
}
