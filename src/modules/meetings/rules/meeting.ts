/** Pure rules for meetings: statuses, references, jäv matching and Swedish local time (the lifecycles are in lifecycle.ts). */

export const MEETING_STATUSES = ['planerat', 'kallat', 'genomfort', 'installt'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MINUTES_STATUSES = ['utkast', 'for-justering', 'justerat'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

export const DECISION_KINDS = ['beslut', 'information', 'aterremitterad', 'bordlagd'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const ATTENDANCE_STATUSES = ['kallad', 'narvarande', 'franvarande'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** A forum (its group) still active: closed forums get no new meetings. */
export const forumOpen = (group: { status: string }): boolean => group.status === 'active';

/** What a decision in approved minutes does to the case it concerns. */
export function caseStatusAfter(kind: DecisionKind): 'beslutad' | 'aterremitterad' | 'bordlagd' | undefined {
  if (kind === 'beslut') return 'beslutad';
  if (kind === 'aterremitterad' || kind === 'bordlagd') return kind;
  return undefined;
}

/** The meeting page in the web app (notifications and calendars link to it). */
export const meetingLink = (id: string) => `/moten/moten/${id}`;

const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];

/** "Kunskapsrådet 2027-02-03 § 4": how a decision is cited. */
export const paragraphReference = (forumName: string, date: string, number: number) => `${forumName} ${date} § ${number}`;

/** "3 februari 2027" */
export function longSwedishDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

export interface RestrictionLike {
  programAreaId?: string;
  knowledgeSupport?: string;
  note: string;
}

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim();

/**
 * The restrictions of a declaration that concern a paragraph: the same program area, or the
 * same knowledge support (by id or by name, case- and diacritic-insensitive).
 */
export function matchingRestrictions(
  restrictions: readonly RestrictionLike[],
  about: { programAreaIds: readonly string[]; knowledgeSupports: readonly string[] },
): RestrictionLike[] {
  const supports = new Set(about.knowledgeSupports.map(fold));
  return restrictions.filter(
    (r) =>
      (r.programAreaId !== undefined && about.programAreaIds.includes(r.programAreaId)) ||
      (r.knowledgeSupport !== undefined && supports.has(fold(r.knowledgeSupport))),
  );
}

/** The UTC instant of a Swedish wall-clock time (Europe/Stockholm, summer time included). */
export function stockholmToUtc(date: string, time: string): Date {
  const guess = new Date(`${date}T${time}:00Z`);
  for (let i = 0; i < 2; i++) {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Stockholm',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).formatToParts(guess);
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
    const shown = Date.UTC(+get('year'), +get('month') - 1, +get('day'), +get('hour'), +get('minute'));
    const wanted = Date.parse(`${date}T${time}:00Z`);
    guess.setTime(guess.getTime() + (wanted - shown));
  }
  return guess;
}

/** Attendance: present at the meeting, or reported absent (otherwise only called). */
export const isPresent = (s: AttendanceStatus): boolean => s === 'narvarande';
export const isAbsent = (s: AttendanceStatus): boolean => s === 'franvarande';

/** What the public protokoll shows of a paragraph about a secret case (insyn: its number and case number stay). */
export const SECRET_PARAGRAPH = {
  title: 'Sekretessmarkerat ärende',
  text: 'Paragrafen omfattas av sekretess och visas inte.',
} as const;

/** The public page that lists the decisions of justerade protokoll (the feed's alternate link). */
export const PUBLIC_DECISIONS_PAGE = '/beslut-och-protokoll';
