/**
 * Removing a goal from the goal tree (the same permission as writing it). A goal is removed for
 * real only when nothing hangs under it: sub-goals or indicators pointing at it make the
 * removal a 409 that names them (move or remove them first), so an indicator's history is
 * never cut loose from its goal.
 */
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, notFound, staleVersion } from '../../platform/errors.js';
import './audit.js';
import { authorizeGoalWrite } from './policy.js';
import * as repo from './repository.js';

export async function removeGoal(db: Db, ctx: Ctx, id: string, version: number) {
  return db.transaction(async (tx) => {
    const before = await repo.getGoalForUpdate(tx, id);
    if (!before) throw notFound('Målet');
    await authorizeGoalWrite(ctx, tx, before.owner);
    if (before.version !== version) throw staleVersion(before.version);
    const d = await repo.goalDependents(tx, id);
    if (d.goals > 0 || d.indicators > 0) {
      const parts = [
        ...(d.goals > 0 ? [`${d.goals} delmål`] : []),
        ...(d.indicators > 0
          ? [
              `${d.indicators} ${d.indicators === 1 ? 'indikator' : 'indikatorer'} (${d.indicatorNames.join(', ')}${d.indicators > 5 ? ' …' : ''})`,
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
