import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { conflict, unprocessable } from '../../platform/errors.js';
import type { GroupRow } from '../organisation/repository.js';
import { loadForum } from './access.js';
import * as repo from './repository.js';
import * as agendaRepo from './agenda-repository.js';
import { proposeMeetingDates } from './rules/cadence.js';
import { settingsOf } from './settings.js';

export interface MeetingInput {
  date: string;
  startTime?: string;
  endTime?: string;
  place?: string | null;
  onlineUrl?: string | null;
}

async function insert(tx: Queryable, ctx: Ctx, group: GroupRow, input: MeetingInput, opts: { isDemo?: boolean } = {}) {
  if (group.status !== 'active') throw conflict('Forumet är stängt; inga nya möten.');
  const s = await settingsOf(tx, group);
  const startTime = input.startTime ?? s.start_time;
  const endTime = input.endTime ?? s.end_time;
  if (endTime <= startTime)
    throw unprocessable('Mötet måste sluta efter att det börjar.', [{ path: 'endTime', message: 'ska vara efter starttiden' }]);
  const id = await repo.insertMeeting(tx, {
    groupId: group.id,
    date: input.date,
    startTime,
    endTime,
    place: input.place?.trim() || s.default_place,
    onlineUrl: input.onlineUrl?.trim() || null,
    ...(opts.isDemo ? { isDemo: true } : {}),
  });
  // Standing items (e.g. the follow-up report at every kunskapsråd meeting) open every agenda.
  for (const title of s.standing_items)
    await agendaRepo.insertAgendaItem(tx, { meetingId: id, kind: 'standing', title, caseId: null });
  const row = (await repo.getMeeting(tx, id))!;
  await recordAudit(tx, ctx, {
    entityType: 'meeting',
    entityId: id,
    action: 'create',
    after: { forumId: group.id, date: row.meeting_date, startTime, endTime, place: row.place, standingItems: s.standing_items },
  });
  return row;
}

/** One meeting of a forum, with the forum's standing agenda items. */
export async function createMeeting(db: Db, ctx: Ctx, groupId: string, input: MeetingInput, opts: { isDemo?: boolean } = {}) {
  return db.transaction(async (tx) => {
    const { group } = await loadForum(tx, ctx, groupId, 'manage');
    return insert(tx, ctx, group, input, opts);
  });
}

/** The proposed dates of a year under the forum's cadence, after its last meeting before the year. */
export async function proposalFor(db: Queryable, group: GroupRow, year: number) {
  const s = await settingsOf(db, group);
  const previous = (await repo.meetingsOfForum(db, group.id))
    .filter((m) => m.status !== 'installt' && m.meeting_date < `${year}-01-01`)
    .at(-1)?.meeting_date;
  const dates = proposeMeetingDates(
    { minWeeks: s.min_weeks, maxWeeks: s.max_weeks, weekday: s.weekday, blackouts: s.blackouts },
    year,
    previous,
  );
  const existing = new Set((await repo.meetingsOfForum(db, group.id, year)).map((m) => m.meeting_date));
  return dates.map((date) => ({ date, startTime: s.start_time, endTime: s.end_time, exists: existing.has(date) }));
}

/** Creates the proposed meetings of a year that do not exist yet (rerunning adds nothing). */
export async function createMeetingsFromProposal(
  db: Db,
  ctx: Ctx,
  groupId: string,
  input: { year: number; dates?: string[] },
  opts: { isDemo?: boolean } = {},
) {
  return db.transaction(async (tx) => {
    const { group } = await loadForum(tx, ctx, groupId, 'manage');
    await tx.query('SELECT id FROM groups WHERE id = $1 FOR UPDATE', [groupId]);
    const proposal = await proposalFor(tx, group, input.year);
    const wanted = input.dates ? new Set(input.dates) : undefined;
    if (wanted) {
      const unknown = [...wanted].filter((d) => !proposal.some((p) => p.date === d));
      if (unknown.length) {
        throw unprocessable(`Datumen ${unknown.join(', ')} finns inte i förslaget.`, [
          { path: 'dates', message: 'inte föreslagna datum' },
        ]);
      }
    }
    const created = [];
    for (const p of proposal) {
      if (p.exists || (wanted && !wanted.has(p.date))) continue;
      created.push(await insert(tx, ctx, group, { date: p.date }, opts));
    }
    return created;
  });
}
