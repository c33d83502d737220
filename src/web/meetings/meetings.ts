/** Paths and helpers shared by the meetings pages (forums, meetings, minutes, decision log). */
import type { ApiResponse, Schema } from '../client';
import type { I18n } from '../i18n';

export const MEETINGS_PATH = '/moten';
export const forumHref = (id: string) => `${MEETINGS_PATH}/forum/${encodeURIComponent(id)}`;
export const meetingHref = (id: string) => `${MEETINGS_PATH}/moten/${encodeURIComponent(id)}`;
export const DECISIONS_PATH = `${MEETINGS_PATH}/beslut`;
/** Insyn: the public decisions of justerade protokoll, for visitors who are not signed in too. */
export const PUBLIC_DECISIONS_PATH = '/beslut-och-protokoll';

export type Meeting = Schema<'Meeting'>;
export type ForumSettings = Schema<'ForumSettings'>;
export type Paragraph = Schema<'MinutesParagraph'>;
export type Attachment = ApiResponse<'/meetings/{id}'>['attachments'][number];
export type Decision = ApiResponse<'/decisions'>['items'][number];

/** Downloads are plain links (the browser saves the file); the API base is written once, here. */
const API = '/api/v1';
export type DocFormat = 'pdf' | 'docx';
export const minutesHref = (meetingId: string, format: DocFormat) =>
  `${API}/meetings/${encodeURIComponent(meetingId)}/minutes?format=${format}`;
export const extractHref = (paragraphId: string, format: DocFormat) =>
  `${API}/paragraphs/${encodeURIComponent(paragraphId)}/extract?format=${format}`;
export const PUBLIC_DECISIONS_FEED = `${API}/feeds/decisions.atom`;
export const forumCalendarHref = (forumId: string) => `${API}/forums/${encodeURIComponent(forumId)}/calendar.ics`;

export const MEETING_BADGE: Record<string, string> = {
  planerat: 'badge-none',
  kallat: 'badge-partial',
  genomfort: 'badge-ok',
  installt: 'badge-old',
  utkast: 'badge-none',
  'for-justering': 'badge-weak',
  justerat: 'badge-ok',
};

export const DECISION_KIND_OPTIONS = ['beslut', 'information', 'aterremitterad', 'bordlagd'] as const;
export const ATTENDANCE_OPTIONS = ['kallad', 'narvarande', 'franvarande'] as const;

export const statusText = (i18n: I18n, s: string) => i18n.tMaybe(`meetings.status.${s}`) ?? s;
export const kindText = (i18n: I18n, s: string) => i18n.tMaybe(`meetings.decisionKind.${s}`) ?? s;
export const roleText = (i18n: I18n, role: string) => i18n.tMaybe(`membership.role.${role}`) ?? role;
