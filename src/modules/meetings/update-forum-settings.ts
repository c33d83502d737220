import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { staleVersion, unprocessable } from '../../platform/errors.js';
import './audit.js';
import { loadForum } from './policy.js';
import { presentSettings } from './presenter.js';
import * as repo from './repository.js';
import { checkCadence } from './rules/cadence.js';
import type { SettingsBody } from './schemas.js';
import { settingsOf } from './settings.js';

export type SettingsInput = Static<typeof SettingsBody>;

/** The forum's cadence rule and defaults; version 0 for the first save. */
export async function updateForumSettings(db: Db, ctx: Ctx, groupId: string, input: SettingsInput) {
  const errors = checkCadence(input);
  if (input.endTime <= input.startTime) errors.push({ path: 'endTime', message: 'ska vara efter starttiden' });
  if (input.standingItems.some((s) => !s.trim())) errors.push({ path: 'standingItems', message: 'tomma punkter går inte' });
  if (errors.length) throw unprocessable(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  return db.transaction(async (tx) => {
    const { group } = await loadForum(tx, ctx, groupId, 'manage');
    const current = await repo.getSettings(tx, groupId, { forUpdate: true });
    const before = current ?? (await settingsOf(tx, group));
    if (before.version !== input.version) throw staleVersion(before.version);
    const row = await repo.upsertSettings(tx, {
      forumId: groupId,
      minWeeks: input.minWeeks,
      maxWeeks: input.maxWeeks,
      weekday: input.weekday,
      startTime: input.startTime,
      endTime: input.endTime,
      defaultPlace: input.defaultPlace?.trim() || null,
      blackouts: input.blackouts,
      standingItems: input.standingItems.map((s) => s.trim()),
    });
    await recordAudit(tx, ctx, {
      entityType: 'forum-settings',
      entityId: groupId,
      action: 'update',
      before: current ? presentSettings(current) : null,
      after: presentSettings(row),
    });
    return row;
  });
}
