/** Setting up a recurring obligation for a responsible group (e.g. twice a year, seeds 000 and 002). */
import { authorize } from '../../platform/auth/policy.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict } from '../../platform/errors.js';
import { isGroupActive } from '../organisation/index.js';
import { assertVisible } from '../visible.js';
import './audit.js';
import * as repo from './obligation-repository.js';
import { groupTarget } from './policy.js';

export async function createObligation(
  db: Db,
  ctx: Ctx,
  input: {
    groupId: string;
    title: string;
    description: string | null;
    timesPerYear: number;
    remindDaysBefore: number;
    sourceId: string | null;
    sourceQuote: string | null;
  },
) {
  return db.transaction(async (tx) => {
    await assertVisible(tx, ctx, { group: input.groupId });
    const { group, scope } = await groupTarget(ctx, tx, input.groupId);
    // Setting up the region's recurring duties is the coordinators' work (as a forum's settings are).
    authorize(ctx.actor, 'meetings.manage', scope);
    if (!isGroupActive(group.status)) throw conflict(`${group.name} är inte aktiv.`);
    const id = await repo.insertObligation(tx, { ...input, owner: group.owner });
    const after = (await repo.getObligation(tx, id))!;
    await recordAudit(tx, ctx, { entityType: 'obligation', entityId: id, action: 'create', after });
    return after;
  });
}
