/** Types and helpers shared by the meetings pages (forums, meetings, minutes, decision log). */
import type { I18n } from '../i18n';

export const MEETINGS_PATH = '/moten';
export const forumHref = (id: string) => `${MEETINGS_PATH}/forum/${encodeURIComponent(id)}`;
export const meetingHref = (id: string) => `${MEETINGS_PATH}/moten/${encodeURIComponent(id)}`;
export const DECISIONS_PATH = `${MEETINGS_PATH}/beslut`;

export interface Forum {
  id: string;
  name: string;
  kind: string;
  owner: string;
  manage: boolean;
}

export interface Meeting {
  id: string;
  forumId: string;
  forumName: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string | null;
  onlineUrl: string | null;
  status: 'planerat' | 'kallat' | 'genomfort' | 'installt';
  cancelReason: string | null;
  noticeSentAt: string | null;
  minutesStatus: 'utkast' | 'for-justering' | 'justerat';
  minutesLockedAt: string | null;
  version: number;
}

export interface ForumSettings {
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

export interface AgendaItem {
  id: string;
  position: number;
  kind: 'case' | 'standing' | 'other';
  title: string;
  caseId: string | null;
  caseNumber: string | null;
  caseStatus: string | null;
}

export interface Paragraph {
  id: string;
  number: number;
  reference: string;
  agendaItemId: string | null;
  caseId: string | null;
  caseNumber: string | null;
  title: string;
  decisionKind: 'beslut' | 'information' | 'aterremitterad' | 'bordlagd';
  decisionText: string;
  programAreaIds: string[];
  participation: {
    personId: string;
    name: string;
    takesPart: boolean;
    restriction: string | null;
    overrideReason: string | null;
  }[];
  actions: { id: string; title: string; ownerName: string | null; dueDate: string | null; caseActionId: string | null }[];
  version: number;
}

export interface MeetingDetail {
  meeting: Meeting;
  agenda: AgendaItem[];
  attendance: { personId: string; name: string; role: string; status: 'kallad' | 'narvarande' | 'franvarande' }[];
  paragraphs: Paragraph[];
  adjusters: { personId: string; name: string; approvedAt: string | null }[];
  members: { personId: string; name: string; role: string }[];
  candidateCases: { id: string; caseNumber: string; subject: string; status: string }[];
  attachments: Attachment[];
  /** For the keepers: groups whose follow-up report can be attached. */
  reportGroups: { id: string; name: string; kind: string }[];
  permissions: { manage: boolean; approve: boolean; approved: boolean };
}

/** A stored snapshot attached to an agenda item (a group's follow-up report). */
export interface Attachment {
  id: string;
  agendaItemId: string;
  kind: 'followup-report';
  groupId: string;
  groupName: string;
  title: string;
  fileName: string;
  format: 'pdf' | 'docx';
  sizeBytes: number;
  sha256: string;
  createdAt: string;
  createdBy: string;
  href: string;
}

export interface Decision {
  paragraphId: string;
  meetingId: string;
  forumId: string;
  forumName: string;
  meetingDate: string;
  number: number;
  reference: string;
  title: string;
  decisionKind: string;
  decisionText: string;
  caseId: string | null;
  caseNumber: string | null;
  approvedAt: string;
}

export const MEETING_BADGE: Record<string, string> = {
  planerat: 'badge-none',
  kallat: 'badge-partial',
  genomfort: 'badge-ok',
  installt: 'badge-old',
  utkast: 'badge-none',
  'for-justering': 'badge-weak',
  justerat: 'badge-ok',
};

export const statusText = (i18n: I18n, s: string) => i18n.tMaybe(`meetings.status.${s}`) ?? s;
export const kindText = (i18n: I18n, s: string) => i18n.tMaybe(`meetings.decisionKind.${s}`) ?? s;
export const roleText = (i18n: I18n, role: string) => i18n.tMaybe(`membership.role.${role}`) ?? role;
