/**
 * Changing and removing goals in the goal tree. The same permission as creating
 * (`followup.goals.write` on the goal's owner, and on the new owner when it moves); every
 * change is audited. A goal is removed for real only when nothing hangs under it: sub-goals
 * or indicators pointing at it make the removal a 409 that names them (move or remove them
 * first), so an indicator's history is never cut loose from its goal.
 */
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, notFound, staleVersion, unprocessable, type FieldError } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import * as repo from './repository.js';
import { knownOwnerTarget, ownerTarget } from './scope.js';

export interface GoalPatch {
  parentId?: string | null | undefined;
  owner?: string | undefined;
  title?: string | undefined;
  description?: string | null | undefined;
}

export async function updateGoal(db: Db, ctx: Ctx, id: string, version: number, patch: GoalPatch) {
  return db.transaction(async (tx) => {
    const before = await repo.getGoalForUpdate(tx, id);
    if (!before) throw notFound('Målet');
    authorize(ctx.actor, 'followup.goals.write', await ownerTarget(tx, before.owner));
    if (before.version !== version) throw staleVersion(before.version);
    await assertVisible(tx, ctx, { goal: patch.parentId });
    const next = {
      parentId: patch.parentId !== undefined ? patch.parentId : before.parent_id,
      owner: patch.owner ?? before.owner,
      title: patch.title ?? before.title,
      description: patch.description !== undefined ? patch.description : before.description,
    };
    if (next.owner !== before.owner) authorize(ctx.actor, 'followup.goals.write', await knownOwnerTarget(tx, next.owner));
    const errors: FieldError[] = [];
    if (next.parentId !== before.parent_id) {
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
    if (errors.length) throw unprocessable('Målet kan inte sparas.', errors);
    const after = await repo.updateGoalRow(tx, id, version, next);
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, ctx, { entityType: 'followup-goal', entityId: id, action: 'update', before, after });
    return after;
  });
}

export async function removeGoal(db: Db, ctx: Ctx, id: string, version: number) {
  return db.transaction(async (tx) => {
    const before = await repo.getGoalForUpdate(tx, id);
    if (!before) throw notFound('Målet');
    authorize(ctx.actor, 'followup.goals.write', await ownerTarget(tx, before.owner));
    if (before.version !== version) throw staleVersion(before.version);
    const d = await repo.goalDependents(tx, id);
    if (d.goals > 0 || d.indicators > 0) {
      const parts = [
        ...(d.goals > 0 ? [`${d.goals} delmål`] : []),
        ...(d.indicators > 0
          ? [
              `${d.indicators} ${d.indicators === 1 ? 'indikator' : 'indikatorer'} (${d.indicator_names.join(', ')}${d.indicators > 5 ? ' …' : ''})`,
            ]
          : []),
      ];
      throw conflict(
        `Målet kan inte tas bort: ${parts.join(' och ')} hänger under det. Flytta eller ta bort dem först, eller ändra målet i stället.`,
      );
    }
    if (!(await repo.deleteGoalRow(tx, id, version))) throw staleVersion(before.version);
    await recordAudit(tx, ctx, { entityType: 'followup-goal', entityId: id, action: 'delete', before });
  });
}
