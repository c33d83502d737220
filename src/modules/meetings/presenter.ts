import { paragraphReference } from './rules/meeting.js';
import type * as repo from './repository.js';
import type * as agendaRepo from './agenda-repository.js';
import type * as attachmentRepo from './attachment-repository.js';
import type * as minutesRepo from './minutes-repository.js';

/** Row → API shape for forums' settings, meetings, agendas and minutes. */

export const presentSettings = (s: repo.SettingsRow) => ({
  forumId: s.group_id,
  minWeeks: s.min_weeks,
  maxWeeks: s.max_weeks,
  weekday: s.weekday,
  startTime: s.start_time,
  endTime: s.end_time,
  defaultPlace: s.default_place,
  blackouts: s.blackouts,
  standingItems: s.standing_items,
  version: s.version,
});

export const presentMeeting = (m: repo.MeetingRow) => ({
  id: m.id,
  forumId: m.group_id,
  forumName: m.group_name,
  date: m.meeting_date,
  startTime: m.start_time,
  endTime: m.end_time,
  place: m.place,
  onlineUrl: m.online_url,
  status: m.status,
  cancelReason: m.cancel_reason,
  noticeSentAt: m.notice_sent_at ? m.notice_sent_at.toISOString() : null,
  minutesStatus: m.minutes_status,
  minutesLockedAt: m.minutes_locked_at ? m.minutes_locked_at.toISOString() : null,
  version: m.version,
});

export const presentAgendaItem = (a: agendaRepo.AgendaRow) => ({
  id: a.id,
  position: a.position,
  kind: a.kind,
  title: a.title,
  caseId: a.case_id,
  caseNumber: a.case_number,
  caseStatus: a.case_status,
});

export const presentAttendance = (a: repo.AttendanceRow) => ({
  personId: a.person_id,
  name: a.person_name,
  role: a.role,
  status: a.status,
});

export function presentParagraph(
  p: minutesRepo.ParagraphRow,
  m: { forumName: string; date: string },
  participation: minutesRepo.ParticipationRow[],
  actions: minutesRepo.ActionRow[],
) {
  return {
    id: p.id,
    meetingId: p.meeting_id,
    number: p.number,
    year: p.year,
    reference: paragraphReference(m.forumName, m.date, p.number),
    agendaItemId: p.agenda_item_id,
    caseId: p.case_id,
    caseNumber: p.case_number,
    title: p.title,
    decisionKind: p.decision_kind,
    decisionText: p.decision_text,
    programAreaIds: p.program_area_ids,
    knowledgeSupports: p.knowledge_supports,
    participation: participation
      .filter((r) => r.paragraph_id === p.id)
      .map((r) => ({
        personId: r.person_id,
        name: r.person_name,
        takesPart: r.takes_part,
        restriction: r.restriction_note,
        overrideReason: r.override_reason,
      })),
    actions: actions
      .filter((a) => a.paragraph_id === p.id)
      .map((a) => ({
        id: a.id,
        title: a.title,
        ownerPersonId: a.owner_person_id,
        ownerName: a.owner_name ?? a.owner_person_name,
        dueDate: a.due_date,
        caseActionId: a.case_action_id,
      })),
    version: p.version,
  };
}

export const presentAdjuster = (a: minutesRepo.AdjusterRow) => ({
  personId: a.person_id,
  name: a.person_name,
  approvedAt: a.approved_at ? a.approved_at.toISOString() : null,
  signedOnPaper: a.signed_on_paper,
  recordedBy: a.recorded_by_name,
  hasAccount: a.has_account,
});

export const presentAttachment = (a: attachmentRepo.AttachmentRow) => ({
  id: a.id,
  agendaItemId: a.agenda_item_id,
  kind: a.kind,
  groupId: a.source_group_id,
  groupName: a.source_group_name,
  title: a.title,
  fileName: a.file_name,
  format: a.format,
  sizeBytes: a.size_bytes,
  sha256: a.sha256,
  createdAt: a.created_at.toISOString(),
  createdBy: a.created_by_name,
  href: `/api/v1/meeting-attachments/${a.id}/content`,
});
