/** Changing a plan's content; a locked (established) plan keeps its content, only its items' progress moves. */
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { conflict, notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { isLocked } from '../../platform/lifecycle/index.js';
import { assertVisible } from '../visible.js';
import './audit.js';
import { getPlan } from './plan-queries.js';
import { authorizePlanWrite } from './policy.js';
import * as repo from './repository.js';
import { checkItems, planLifecycle, sameExceptProgress, type PlanItem } from './rules/plan.js';

/** The plan, locked for the write, after the caller's permission and version are checked. */
export async function lockPlan(tx: Queryable, ctx: Ctx, id: string, version: number) {
  const before = await getPlan(tx, id);
  if (!before) throw notFound('Planen');
  await authorizePlanWrite(ctx, tx, before.groupId);
  await repo.lockPlanRow(tx, id);
  if (before.version !== version) throw staleVersion(before.version);
  return before;
}

export async function updatePlan(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  patch: { title?: string | undefined; items?: PlanItem[] | undefined },
) {
  return db.transaction(async (tx) => {
    const before = await lockPlan(tx, ctx, id, version);
    await assertVisible(tx, ctx, { support: patch.items?.map((i) => i.supportId) });
    if (
      isLocked(planLifecycle, before.state) &&
      (patch.title !== undefined || (patch.items && !sameExceptProgress(before.items, patch.items)))
    ) {
      throw conflict('Planen är fastställd: bara insatsernas läge kan ändras. Gör en ny plan för nästa år.');
    }
    if (patch.items) {
      const errors = checkItems(patch.items, before.startYear);
      if (errors.length) throw unprocessable('Planen kan inte sparas.', errors);
      await repo.replacePlanItems(tx, id, patch.items);
    }
    await repo.updatePlanTitle(tx, id, patch.title ?? null);
    const after = (await getPlan(tx, id))!;
    await recordAudit(tx, ctx, { entityType: 'operational-plan', entityId: id, action: 'update', before, after });
    return after;
  });
}
