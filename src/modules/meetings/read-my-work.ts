import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import * as minutesRepo from './minutes-repository.js';
import { readableForums } from './policy.js';
import * as repo from './repository.js';
import { isCancelled, minutesLifecycle } from './rules/lifecycle.js';

export interface MeetingWorkItem {
  meetingId: string;
  forumId: string;
  forumName: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string | null;
}

export interface JusteringWorkItem {
  meetingId: string;
  forumName: string;
  meetingDate: string;
}

/**
 * The meetings work of the caller, for Min översikt: minutes waiting for their justering (as a
 * named adjuster), and the meetings between `from` and `to` that they are called to or keep.
 * Each list is null when it cannot concern them (no person record; no forum they read).
 */
export async function readMyMeetingWork(
  db: Db,
  ctx: Ctx,
  week: { from: string; to: string },
): Promise<{ justering: JusteringWorkItem[] | null; meetings: MeetingWorkItem[] | null }> {
  requireActor(ctx.actor);
  // Only the forums the caller keeps that meet this week, decided in SQL.
  const [person, keptForums] = await Promise.all([
    repo.personByEmail(db, ctx.actor.email),
    readableForums(db, ctx, { manageOnly: true, meetingsBetween: week }),
  ]);
  const kept = keptForums.map((f) => f.group.id);
  const [awaiting, called] = await Promise.all([
    person ? minutesRepo.awaitingJusteringBy(db, person.id, minutesLifecycle.actions.approve.from) : null,
    person ? repo.meetingsOfPerson(db, person.id, week) : [],
  ]);
  const justering =
    awaiting?.map((m) => ({ meetingId: m.meetingId, forumName: m.forumName, meetingDate: m.meetingDate })) ?? null;
  // Null only for someone it cannot concern: no person record and no forum kept, this week or not.
  if (!person && !kept.length && !(await readableForums(db, ctx, { manageOnly: true })).length) {
    return { justering, meetings: null };
  }
  const rows = [...called, ...(kept.length ? await repo.meetingsOfForumsBetween(db, kept, week.from, week.to) : [])];
  const seen = new Set<string>();
  const meetings = rows
    .filter((m) => !isCancelled(m.status) && !seen.has(m.id) && seen.add(m.id))
    .sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime))
    .map((m) => ({
      meetingId: m.id,
      forumId: m.forumId,
      forumName: m.forumName,
      date: m.date,
      startTime: m.startTime.slice(0, 5),
      endTime: m.endTime.slice(0, 5),
      place: m.place,
    }));
  return { justering, meetings };
}
