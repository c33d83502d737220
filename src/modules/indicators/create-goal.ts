import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { unprocessable } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import * as repo from './repository.js';
import './audit.js';
import { authorizeGoalWriteForNewOwner } from './policy.js';

export interface GoalInput {
  parentId: string | null;
  owner: string;
  title: string;
  description: string | null;
  sourceQuote?: string | null;
  isDemo?: boolean;
}

/**
 * A patient promise (no parent) or a measurable goal under a promise or another goal. The
 * owner (national, a healthcare region or a region) decides who may write it.
 */
export async function createGoal(db: Db, ctx: Ctx, g: GoalInput) {
  return db.transaction(async (tx) => {
    await authorizeGoalWriteForNewOwner(ctx, tx, g.owner);
    await assertVisible(tx, ctx, { goal: g.parentId });
    if (g.parentId && !(await repo.getGoal(tx, g.parentId))) {
      throw unprocessable('Det överordnade målet finns inte.', [{ path: '/parentId', message: 'Okänt mål' }]);
    }
    const row = await repo.insertGoal(tx, { ...g, kind: g.parentId ? 'goal' : 'promise' });
    await recordAudit(tx, ctx, { entityType: 'followup-goal', entityId: row.id, action: 'create', after: row });
    return row;
  });
}
