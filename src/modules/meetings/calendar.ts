import { clock } from '../../platform/clock.js';
import { sha256 } from '../../platform/auth/secrets.js';
import type { Db } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { toTimedICalendar, type TimedEvent } from '../consultation/index.js';
import * as repo from './repository.js';
import { getGroup } from '../organisation/index.js';
import * as feedRepo from './feed-repository.js';
import { meetingLink, stockholmToUtc } from './rules/meeting.js';
import { isCancelled } from './rules/lifecycle.js';

/** Feed addresses carry this prefix, so they are recognisable (and scannable) as secrets. */
export const FEED_TOKEN_PREFIX = 'nvc_';

const STATUS: Record<repo.MeetingRecord['status'], TimedEvent['status']> = {
  planerat: 'TENTATIVE',
  kallat: 'CONFIRMED',
  genomfort: 'CONFIRMED',
  installt: 'CANCELLED',
};

/**
 * Meetings as calendar events: stable UIDs (the meeting id), SEQUENCE from the meeting's
 * change counter, STATUS:CANCELLED for a cancelled meeting, and a link back to the meeting
 * page. The online link is left out of public feeds.
 */
export function meetingEvents(
  meetings: repo.MeetingRecord[],
  baseUrl: string,
  opts: { includeOnlineUrl: boolean },
): TimedEvent[] {
  const base = baseUrl.replace(/\/$/, '');
  return meetings.map((m) => {
    const url = `${base}${meetingLink(m.id)}`;
    const description = [
      isCancelled(m.status) ? `Inställt${m.cancelReason ? `: ${m.cancelReason}` : ''}` : undefined,
      opts.includeOnlineUrl && m.onlineUrl ? `Delta digitalt: ${m.onlineUrl}` : undefined,
      `Mötessidan: ${url}`,
    ]
      .filter(Boolean)
      .join('\n');
    return {
      uid: `meeting-${m.id}@navet`,
      summary: isCancelled(m.status) ? `Inställt: ${m.forumName}` : m.forumName,
      start: stockholmToUtc(m.date, m.startTime),
      end: stockholmToUtc(m.date, m.endTime),
      sequence: m.icalSequence,
      status: STATUS[m.status],
      ...(m.place ? { location: m.place } : {}),
      description,
      url,
      lastModified: new Date(m.updatedAt),
    };
  });
}

/** A forum's public calendar (date, time and place; no meeting link), for anyone with its address. */
export async function readForumCalendar(db: Db, groupId: string, baseUrl: string) {
  const group = await getGroup(db, groupId);
  if (!group) throw notFound('Forumet');
  const meetings = await repo.meetingsOfForum(db, group.id);
  return {
    name: group.name,
    ics: toTimedICalendar(group.name, meetingEvents(meetings, baseUrl, { includeOnlineUrl: false }), clock.now()),
  };
}

/** The personal feed: meetings the token owner's person is called to, or a member for. */
export async function personalCalendar(db: Db, token: string, baseUrl: string): Promise<string> {
  const owner = token.startsWith(FEED_TOKEN_PREFIX) ? await feedRepo.feedTokenOwner(db, sha256(token)) : undefined;
  if (!owner) throw notFound('Kalendern');
  const person = await repo.personByEmail(db, owner.email);
  const meetings = person ? await repo.meetingsOfPerson(db, person.id) : [];
  return toTimedICalendar('Mina möten i Navet', meetingEvents(meetings, baseUrl, { includeOnlineUrl: true }), clock.now());
}
