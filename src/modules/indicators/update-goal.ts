/**
 * Changing a goal in the goal tree: its title, description, owner, or moving it under another
 * goal. The same permission as creating (`followup.goals.write` on the goal's owner, and on
 * the new owner when it moves); every change is audited.
 */
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, staleVersion, unprocessable, type FieldError } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import * as repo from './repository.js';
import './audit.js';
import { authorizeGoalWrite, authorizeGoalWriteForNewOwner } from './policy.js';
import { checkGoalGroup } from './rules/goal-group.js';

export interface GoalPatch {
  parentId?: string | null | undefined;
  owner?: string | undefined;
  groupId?: string | null | undefined;
  title?: string | undefined;
  description?: string | null | undefined;
}

export async function updateGoal(db: Db, ctx: Ctx, id: string, version: number, patch: GoalPatch) {
  return db.transaction(async (tx) => {
    const before = await repo.getGoalForUpdate(tx, id);
    if (!before) throw notFound('Målet');
    await authorizeGoalWrite(ctx, tx, before.owner);
    if (before.version !== version) throw staleVersion(before.version);
    await assertVisible(tx, ctx, { goal: patch.parentId, group: patch.groupId ?? null });
    const next = {
      parentId: patch.parentId !== undefined ? patch.parentId : before.parentId,
      owner: patch.owner ?? before.owner,
      groupId: patch.groupId !== undefined ? patch.groupId : before.groupId,
      title: patch.title ?? before.title,
      description: patch.description !== undefined ? patch.description : before.description,
    };
    if (next.owner !== before.owner) await authorizeGoalWriteForNewOwner(ctx, tx, next.owner);
    const errors: FieldError[] = [];
    if (next.parentId !== before.parentId) {
      if (before.kind === 'promise') {
        errors.push({ path: '/parentId', message: 'Ett patientlöfte ligger överst i målträdet och har inget överordnat mål.' });
      } else if (next.parentId === null) {
        errors.push({ path: '/parentId', message: 'Ett mål ska ligga under ett patientlöfte eller ett annat mål.' });
      } else if (!(await repo.getGoal(tx, next.parentId))) {
        errors.push({ path: '/parentId', message: 'Okänt mål' });
      } else if ((await repo.goalSubtree(tx, id)).has(next.parentId)) {
        errors.push({ path: '/parentId', message: 'Ett mål kan inte flyttas under sig självt eller sina egna delmål.' });
      }
    }
    if (next.groupId && (next.groupId !== before.groupId || next.owner !== before.owner)) {
      const wrong = checkGoalGroup(
        { owner: next.owner, isPromise: before.kind === 'promise' },
        await repo.goalGroupFacts(tx, next.groupId),
      );
      if (wrong) errors.push({ path: '/groupId', message: wrong });
    }
    if (errors.length) throw unprocessable('Målet kan inte sparas.', errors);
    const after = await repo.updateGoalRow(tx, id, version, next);
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, ctx, { entityType: 'followup-goal', entityId: id, action: 'update', before, after });
    return after;
  });
}
