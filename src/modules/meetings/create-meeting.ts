import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { conflict, unprocessable } from '../../platform/errors.js';
import type { GroupRow } from '../organisation/index.js';
import * as agendaRepo from './agenda-repository.js';
import './audit.js';
import { loadForum } from './policy.js';
import * as repo from './repository.js';
import { forumOpen } from './rules/meeting.js';
import type { MeetingBody } from './schemas.js';
import { settingsOf } from './settings.js';

export type MeetingInput = Static<typeof MeetingBody>;

/** Inserts one meeting of an active forum, with the forum's standing agenda items. */
export async function insertMeeting(
  tx: Queryable,
  ctx: Ctx,
  group: GroupRow,
  input: MeetingInput,
  opts: { isDemo?: boolean } = {},
) {
  if (!forumOpen(group)) throw conflict('Forumet är stängt; inga nya möten.');
  const s = await settingsOf(tx, group);
  const startTime = input.startTime ?? s.startTime;
  const endTime = input.endTime ?? s.endTime;
  if (endTime <= startTime)
    throw unprocessable('Mötet måste sluta efter att det börjar.', [{ path: 'endTime', message: 'ska vara efter starttiden' }]);
  const id = await repo.insertMeeting(tx, {
    groupId: group.id,
    date: input.date,
    startTime,
    endTime,
    place: input.place?.trim() || s.defaultPlace,
    onlineUrl: input.onlineUrl?.trim() || null,
    ...(opts.isDemo ? { isDemo: true } : {}),
  });
  // Standing items (e.g. the follow-up report at every kunskapsråd meeting) open every agenda.
  for (const title of s.standingItems)
    await agendaRepo.insertAgendaItem(tx, { meetingId: id, kind: 'standing', title, caseId: null });
  const row = (await repo.getMeeting(tx, id))!;
  await recordAudit(tx, ctx, {
    entityType: 'meeting',
    entityId: id,
    action: 'create',
    after: { forumId: group.id, date: row.date, startTime, endTime, place: row.place, standingItems: s.standingItems },
  });
  return row;
}

/** One meeting of a forum, with the forum's standing agenda items. */
export async function createMeeting(db: Db, ctx: Ctx, groupId: string, input: MeetingInput, opts: { isDemo?: boolean } = {}) {
  return db.transaction(async (tx) => {
    const { group } = await loadForum(tx, ctx, groupId, 'manage');
    return insertMeeting(tx, ctx, group, input, opts);
  });
}
