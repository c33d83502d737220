import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import type { GroupRow } from '../organisation/index.js';
import { loadForum } from './policy.js';
import * as repo from './repository.js';
import { proposeMeetingDates } from './rules/cadence.js';
import { isCancelled } from './rules/lifecycle.js';
import { settingsOf } from './settings.js';

/** The proposed dates of a year under the forum's cadence, after its last meeting before the year. */
export async function proposalFor(db: Queryable, group: GroupRow, year: number) {
  const s = await settingsOf(db, group);
  const previous = (await repo.meetingsOfForum(db, group.id))
    .filter((m) => !isCancelled(m.status) && m.date < `${year}-01-01`)
    .at(-1)?.date;
  const dates = proposeMeetingDates(
    { minWeeks: s.minWeeks, maxWeeks: s.maxWeeks, weekday: s.weekday, blackouts: s.blackouts },
    year,
    previous,
  );
  const existing = new Set((await repo.meetingsOfForum(db, group.id, year)).map((m) => m.date));
  return dates.map((date) => ({ date, startTime: s.startTime, endTime: s.endTime, exists: existing.has(date) }));
}

/** A year's proposed meeting dates for a forum the caller can read (holidays and blackouts left out). */
export async function readMeetingProposal(db: Queryable, ctx: Ctx, groupId: string, year: number) {
  const { group } = await loadForum(db, ctx, groupId);
  return { year, dates: await proposalFor(db, group, year) };
}
