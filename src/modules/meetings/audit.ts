/**
 * The meetings module's audit kinds and their payloads (src/shared/audit-kinds.ts lists the
 * kinds): recording one with another shape does not compile. Lifecycle moves (notice, hold,
 * cancel; submit, reopen and approve the minutes) are recorded by runTransition with the
 * transition payload. Request bodies are never written as they came: the fields are picked.
 */
import type { TransitionPayload } from '../../platform/audit/record.js';
import type { DecisionType } from './rules/decision-types.js';
import type { AttendanceStatus, DecisionKind, MeetingStatus, MinutesStatus } from './rules/meeting.js';

/** A meeting's fields as the trail keeps them (its API shape). */
export interface MeetingAudit {
  id: string;
  forumId: string;
  forumName: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string | null;
  onlineUrl: string | null;
  status: MeetingStatus;
  cancelReason: string | null;
  noticeSentAt: string | null;
  minutesStatus: MinutesStatus;
  minutesLockedAt: string | null;
  version: number;
}

export interface SettingsAudit {
  forumId: string;
  minWeeks: number;
  maxWeeks: number;
  weekday: number;
  startTime: string;
  endTime: string;
  defaultPlace: string | null;
  blackouts: { from: string; to: string }[];
  standingItems: string[];
  version: number;
}

interface ProposedJav {
  personId: string;
  note: string;
}

declare module '../../platform/audit/record.js' {
  interface AuditPayloads {
    'forum-settings.update': { before: SettingsAudit | null; after: SettingsAudit };
    'meeting.create': {
      after: {
        forumId: string;
        date: string;
        startTime: string;
        endTime: string;
        place: string | null;
        standingItems: string[];
      };
    };
    'meeting.update': { before: MeetingAudit; after: MeetingAudit };
    'meeting.notice': TransitionPayload<MeetingStatus>;
    'meeting.hold': TransitionPayload<MeetingStatus>;
    'meeting.cancel': TransitionPayload<MeetingStatus>;
    'meeting.add-agenda-item': {
      after: { itemId: string; caseId: string | null; caseNumber: string | null; title: string | null };
    };
    'meeting.remove-agenda-item': {
      before: { itemId: string; title: string; caseId: string | null; caseStatus: string | null };
      after?: { caseStatus: string | null };
    };
    'meeting.reorder-agenda': { before: string[]; after: string[] };
    'meeting.attendance': { after: { personId: string; status: AttendanceStatus; role?: string }[] };
    'meeting.set-adjusters': { before: string[]; after: string[] };
    'meeting.submit-minutes': TransitionPayload<MinutesStatus>;
    'meeting.reopen-minutes': TransitionPayload<MinutesStatus>;
    'meeting.approve-minutes': TransitionPayload<MinutesStatus>;
    'meeting.approve-minutes-on-paper': {
      before: TransitionPayload<MinutesStatus>['before'];
      after: TransitionPayload<MinutesStatus>['after'] & { personId: string; personName: string; signedOn: string };
    };
    'meeting.lock-minutes': {
      before: { minutesStatus: MinutesStatus };
      after: { minutesStatus: MinutesStatus; decided: { caseId: string; status: string; reference: string }[] };
    };
    'minutes-paragraph.create': {
      after: {
        meetingId: string;
        number: number;
        year: number;
        caseId: string | null;
        title: string;
        decisionKind: DecisionKind;
        decisionType: DecisionType | null;
        proposedJav: ProposedJav[];
      };
    };
    'minutes-paragraph.update': {
      before: { title: string; decisionKind: DecisionKind; decisionType: DecisionType | null; decisionText: string };
      after: {
        title: string;
        decisionKind: DecisionKind;
        decisionType: DecisionType | null;
        decisionText: string;
        programAreaIds: string[];
        knowledgeSupports: string[];
        proposedJav?: ProposedJav[];
      };
    };
    'minutes-paragraph.delete': { before: { number: number; year: number; title: string } };
    'minutes-paragraph.participation': {
      after: { personId: string; takesPart: boolean; restriction: string | null; overrideReason: string | null };
    };
    'minutes-paragraph.jav-override': {
      after: { personId: string; takesPart: boolean; restriction: string | null; overrideReason: string | null };
    };
    'minutes-paragraph.add-action': {
      after: { actionId: string; title: string; ownerPersonId?: string; ownerName?: string; dueDate?: string };
    };
    'meeting-attachment.create': {
      after: {
        meetingId: string;
        agendaItemId: string;
        groupId: string;
        kind: 'followup-report';
        format: 'pdf' | 'docx';
        sizeBytes: number;
        sha256: string;
      };
    };
    'meeting-attachment.delete': { before: { meetingId: string; agendaItemId: string; groupId: string; sha256: string } };
    'calendar-feed-token.create': { before?: never; after?: never };
    'calendar-feed-token.revoke': { before?: never; after?: never };
  }
}

export {};
