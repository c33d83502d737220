import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { loadForum } from './policy.js';
import { presentMeeting } from './presenter.js';
import * as repo from './repository.js';

/** A forum's meetings (one year, or all) in date order, and whether the caller keeps them. */
export async function listForumMeetings(db: Queryable, ctx: Ctx, groupId: string, year?: number) {
  const { group, access } = await loadForum(db, ctx, groupId);
  const meetings = await repo.meetingsOfForum(db, group.id, year);
  return {
    forum: { id: group.id, name: group.name, kind: group.kind, owner: group.owner },
    items: meetings.map(presentMeeting),
    nextCursor: null,
    permissions: { manage: access.manage },
  };
}
