import { clock } from '../../platform/clock.js';
import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import { randomToken, sha256 } from '../../platform/auth/secrets.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { toTimedICalendar, type TimedEvent } from '../consultation/rules/ical.js';
import * as repo from './repository.js';
import * as feedRepo from './feed-repository.js';
import { stockholmToUtc } from './rules/meeting.js';
import { meetingLink } from './update-meeting.js';

/** Feed addresses carry this prefix, so they are recognisable (and scannable) as secrets. */
export const FEED_TOKEN_PREFIX = 'nvc_';

const STATUS: Record<repo.MeetingRow['status'], TimedEvent['status']> = {
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
export function meetingEvents(meetings: repo.MeetingRow[], baseUrl: string, opts: { includeOnlineUrl: boolean }): TimedEvent[] {
  const base = baseUrl.replace(/\/$/, '');
  return meetings.map((m) => {
    const url = `${base}${meetingLink(m.id)}`;
    const description = [
      m.status === 'installt' ? `Inställt${m.cancel_reason ? `: ${m.cancel_reason}` : ''}` : undefined,
      opts.includeOnlineUrl && m.online_url ? `Delta digitalt: ${m.online_url}` : undefined,
      `Mötessidan: ${url}`,
    ]
      .filter(Boolean)
      .join('\n');
    return {
      uid: `meeting-${m.id}@navet`,
      summary: m.status === 'installt' ? `Inställt: ${m.group_name}` : m.group_name,
      start: stockholmToUtc(m.meeting_date, m.start_time),
      end: stockholmToUtc(m.meeting_date, m.end_time),
      sequence: m.ical_sequence,
      status: STATUS[m.status],
      ...(m.place ? { location: m.place } : {}),
      description,
      url,
      lastModified: m.updated_at,
    };
  });
}

export function forumCalendar(name: string, meetings: repo.MeetingRow[], baseUrl: string): string {
  return toTimedICalendar(name, meetingEvents(meetings, baseUrl, { includeOnlineUrl: false }), clock.now());
}

/** A new personal feed address (the previous one stops working). Shown once; stored hashed. */
export async function createFeedToken(db: Db, ctx: Ctx): Promise<string> {
  requireActor(ctx.actor);
  const actor = ctx.actor;
  const token = `${FEED_TOKEN_PREFIX}${randomToken()}`;
  await db.transaction(async (tx) => {
    await feedRepo.insertFeedToken(tx, actor.userId, sha256(token));
    await recordAudit(tx, ctx, { entityType: 'calendar-feed-token', entityId: actor.userId, action: 'create' });
  });
  return token;
}

export async function revokeFeedToken(db: Db, ctx: Ctx): Promise<void> {
  requireActor(ctx.actor);
  const actor = ctx.actor;
  await db.transaction(async (tx) => {
    // Idempotent: revoking when there is no address changes nothing and writes nothing.
    if (await feedRepo.revokeFeedToken(tx, actor.userId)) {
      await recordAudit(tx, ctx, { entityType: 'calendar-feed-token', entityId: actor.userId, action: 'revoke' });
    }
  });
}

/** The personal feed: meetings the token owner's person is called to, or a member for. */
export async function personalCalendar(db: Db, token: string, baseUrl: string): Promise<string> {
  const owner = token.startsWith(FEED_TOKEN_PREFIX) ? await feedRepo.feedTokenOwner(db, sha256(token)) : undefined;
  if (!owner) throw notFound('Kalendern');
  const person = await repo.personByEmail(db, owner.email);
  const meetings = person ? await repo.meetingsOfPerson(db, person.id) : [];
  return toTimedICalendar('Mina möten i Navet', meetingEvents(meetings, baseUrl, { includeOnlineUrl: true }), clock.now());
}
