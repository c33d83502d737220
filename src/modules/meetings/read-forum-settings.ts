import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { loadForum } from './policy.js';
import { settingsOf } from './settings.js';

/** The forum's cadence and standing items (the defaults, version 0, before they are first saved). */
export async function readForumSettings(db: Queryable, ctx: Ctx, groupId: string) {
  const { group } = await loadForum(db, ctx, groupId);
  return settingsOf(db, group);
}
