import { paragraphReference, SECRET_PARAGRAPH } from './rules/meeting.js';
import type * as repo from './repository.js';
import type * as attachmentRepo from './attachment-repository.js';
import type * as minutesRepo from './minutes-repository.js';
import type * as decisionRepo from './decision-repository.js';
import { Meeting, Settings } from './schemas.js';

/**
 * Forums' settings, meetings, agendas and minutes: the repositories return them in API shape
 * (platform/db/rows.ts); here only what is computed (a paragraph's reference, an attachment's
 * address) is added and, for what the audit trail records, the schema's fields picked.
 */

const pick =
  <T extends object>(keys: readonly string[]) =>
  (row: T): T =>
    Object.fromEntries(keys.filter((k) => k in row).map((k) => [k, (row as Record<string, unknown>)[k]])) as T;

/** The settings' fields (the audit trail records them as they are). */
export const presentSettings: (s: repo.SettingsRecord) => repo.SettingsRecord = pick(Object.keys(Settings.properties));

const MEETING_FIELDS = Object.keys(Meeting.properties);

/** The meeting's fields, the ones the audit trail records (the record carries the forum's owner and more). */
export const presentMeeting = (m: repo.MeetingRecord) =>
  Object.fromEntries(MEETING_FIELDS.map((k) => [k, m[k as keyof repo.MeetingRecord]])) as Omit<
    repo.MeetingRecord,
    'forumOwner' | 'forumKind' | 'icalSequence' | 'updatedAt'
  >;

export function presentParagraph(
  p: minutesRepo.ParagraphRecord,
  m: { forumName: string; date: string },
  participation: minutesRepo.ParticipationRecord[],
  actions: minutesRepo.ParagraphActionRecord[],
) {
  return {
    ...p,
    reference: paragraphReference(m.forumName, m.date, p.number),
    participation: participation.filter((r) => r.paragraphId === p.id),
    actions: actions.filter((a) => a.paragraphId === p.id),
  };
}

export const presentAttachment = (a: attachmentRepo.AttachmentRecord) => ({
  ...a,
  href: `/api/v1/meeting-attachments/${a.id}/content`,
});

export const presentDecision = (d: decisionRepo.DecisionRecord) => ({
  ...d,
  reference: paragraphReference(d.forumName, d.meetingDate, d.number),
});

/** The public link to a meeting's justerat protokoll (PDF, secret paragraphs masked). */
export const publicMinutesHref = (meetingId: string) => `/api/v1/public/meetings/${meetingId}/minutes?format=pdf`;

/** A public decision: a secret case's paragraph keeps its number, reference and case number, nothing of its content. */
export const presentPublicDecision = (d: decisionRepo.PublicDecisionRecord) => ({
  ...d,
  ...(d.secret ? { title: SECRET_PARAGRAPH.title, decisionText: '' } : {}),
  reference: paragraphReference(d.forumName, d.meetingDate, d.number),
  minutesHref: publicMinutesHref(d.meetingId),
});
