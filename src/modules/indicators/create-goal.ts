import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { unprocessable } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import * as repo from './repository.js';
import './audit.js';
import { authorizeGoalWriteForNewOwner } from './policy.js';
import { checkGoalGroup } from './rules/goal-group.js';

export interface GoalInput {
  parentId: string | null;
  owner: string;
  groupId?: string | null;
  title: string;
  description: string | null;
  sourceQuote?: string | null;
  isDemo?: boolean;
}

/**
 * A patient promise (no parent) or a measurable goal under a promise or another goal. The
 * owner (national, a healthcare region or a region) decides who may write it; a goal may also
 * be owned by one of the owner's program areas (an RMPO's goals, seed 001).
 */
export async function createGoal(db: Db, ctx: Ctx, g: GoalInput) {
  return db.transaction(async (tx) => {
    await authorizeGoalWriteForNewOwner(ctx, tx, g.owner);
    await assertVisible(tx, ctx, { goal: g.parentId, group: g.groupId ?? null });
    if (g.parentId && !(await repo.getGoal(tx, g.parentId))) {
      throw unprocessable('Det överordnade målet finns inte.', [{ path: '/parentId', message: 'Okänt mål' }]);
    }
    if (g.groupId) {
      const wrong = checkGoalGroup({ owner: g.owner, isPromise: !g.parentId }, await repo.goalGroupFacts(tx, g.groupId));
      if (wrong) throw unprocessable(wrong, [{ path: '/groupId', message: wrong }]);
    }
    const row = await repo.insertGoal(tx, { ...g, groupId: g.groupId ?? null, kind: g.parentId ? 'goal' : 'promise' });
    await recordAudit(tx, ctx, { entityType: 'followup-goal', entityId: row.id, action: 'create', after: row });
    return row;
  });
}
