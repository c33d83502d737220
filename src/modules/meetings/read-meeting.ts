import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { allowedActions, isFinal } from '../../platform/lifecycle/index.js';
import * as agendaRepo from './agenda-repository.js';
import * as attachmentRepo from './attachment-repository.js';
import * as minutesRepo from './minutes-repository.js';
import { loadMeeting, mayOnMeeting, mayOnMinutes } from './policy.js';
import { presentAttachment, presentMeeting, presentParagraph } from './presenter.js';
import * as repo from './repository.js';
import {
  agendaOpenForCases,
  attachmentsClosedReason,
  meetingEditable,
  meetingLifecycle,
  minutesEditable,
  minutesLifecycle,
  beforeMeetingDay,
  isLockedMinutes,
} from './rules/lifecycle.js';
import { minutesFacts } from './minutes-facts.js';
import { checkDecisionType, DECISION_TYPES } from './rules/decision-types.js';

/**
 * The meeting page's whole state (GET /api/v1/meetings/{id}): agenda, attendance, minutes,
 * adjusters, attachments, and what the caller may do — the lifecycle actions the declarations
 * and the policy allow (`allowedActions`, `minutes.allowedActions`) and whether the agenda and
 * minutes may still be edited.
 */
export async function readMeeting(db: Queryable, ctx: Ctx, id: string) {
  const { meeting, group, access } = await loadMeeting(db, ctx, id);
  const [agenda, attendance, paragraphs, adjusters, members, attachments] = await Promise.all([
    agendaRepo.agendaOf(db, id),
    repo.attendanceOf(db, id),
    minutesRepo.paragraphsOf(db, id),
    minutesRepo.adjustersOf(db, id),
    repo.activeMembers(db, meeting.forumId, meeting.date),
    attachmentRepo.attachmentsOf(db, id),
  ]);
  const pids = paragraphs.map((p) => p.id);
  const [participation, actions] = await Promise.all([minutesRepo.participationOf(db, pids), minutesRepo.actionsOf(db, pids)]);
  const mine = adjusters.find((a) => a.personId === access.personId);
  const subject = { status: meeting.status, minutesStatus: meeting.minutesStatus };
  const keep = access.manage && minutesEditable(subject);
  const candidates =
    access.manage && agendaOpenForCases(meeting.minutesStatus) ? await agendaRepo.casesReadyForAgenda(db, group.owner) : [];
  const meetingActions = allowedActions(
    meetingLifecycle,
    meeting.status,
    { paragraphs: paragraphs.length },
    mayOnMeeting(access),
  );
  const { adjusters: _, ...facts } = await minutesFacts(
    db,
    { ...meeting, meetingStatus: meeting.status },
    mine?.personId ?? null,
  );
  const may = mayOnMinutes(access, Boolean(mine));
  // A paper justering is offered while some justerare has not signed (the caller's own approval aside).
  const anyPending = adjusters.some((a) => !a.approvedAt);
  const paper = allowedActions(minutesLifecycle, meeting.minutesStatus, { ...facts, alreadyApproved: !anyPending }, may).filter(
    (a) => a === 'approve-on-paper',
  );
  const early = beforeMeetingDay(facts);
  const minutesActions = [
    ...allowedActions(minutesLifecycle, meeting.minutesStatus, facts, may).filter((a) => a !== 'approve-on-paper'),
    ...paper,
  ];
  return {
    meeting: presentMeeting(meeting),
    agenda,
    attendance,
    paragraphs: paragraphs.map((p) =>
      presentParagraph(p, { forumName: meeting.forumName, date: meeting.date }, participation, actions),
    ),
    adjusters,
    members,
    candidateCases: candidates.filter((c) => !agenda.some((a) => a.caseId === c.id)),
    attachments: attachments.map(presentAttachment),
    reportGroups: access.manage && !attachmentsClosedReason(subject) ? await attachmentRepo.reportGroupsOf(db, group.owner) : [],
    allowedActions: meetingActions,
    // seed 001: the samverkansnämnd's decisions carry one of its four types; other forums' none
    decisionTypes: checkDecisionType(DECISION_TYPES[0], group, 'beslut') === null ? [...DECISION_TYPES] : [],
    minutes: {
      status: meeting.minutesStatus,
      final: isFinal(minutesLifecycle, meeting.minutesStatus),
      allowedActions: minutesActions,
      problems: isLockedMinutes(meeting.minutesStatus) ? [] : [...(early ? [early] : []), ...facts.problems],
    },
    permissions: {
      manage: access.manage,
      approve: minutesActions.includes('approve'),
      approved: Boolean(mine?.approvedAt),
      /** Date, time, place and link. */
      editMeeting: access.manage && meetingEditable(meeting.status),
      /** Agenda, attendance, paragraphs, participation, action items and adjusters. */
      editMinutes: keep,
      /** Attach or remove follow-up reports. */
      editAttachments: access.manage && !attachmentsClosedReason(subject),
    },
  };
}
