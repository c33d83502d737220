/** Drafting a two-year plan for a regional group (LPO, LSG) or a healthcare region's program area (RMPO). */
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, unprocessable } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import './audit.js';
import { getPlan } from './plan-queries.js';
import { authorizePlanWrite } from './policy.js';
import * as repo from './repository.js';
import { checkItems, makesPlans, type PlanItem } from './rules/plan.js';

export async function createPlan(
  db: Db,
  ctx: Ctx,
  input: { groupId: string; startYear: number; title: string; items: PlanItem[] },
) {
  return db.transaction(async (tx) => {
    await assertVisible(tx, ctx, { group: input.groupId, support: input.items.map((i) => i.supportId) });
    const group = await authorizePlanWrite(ctx, tx, input.groupId);
    if (!makesPlans(group))
      throw unprocessable(
        'Verksamhetsplaner görs av regionens grupper (LPO, LSG) och av sjukvårdsregionens programområden (RMPO, RPO).',
        [{ path: '/groupId', message: 'Varken en regional grupp eller ett sjukvårdsregionalt programområde' }],
      );
    const errors = checkItems(input.items, input.startYear);
    if (errors.length) throw unprocessable('Planen kan inte sparas.', errors);
    if (await repo.planExistsFor(tx, input.groupId, input.startYear))
      throw conflict(`Gruppen har redan en plan för ${input.startYear}–${input.startYear + 1}.`);
    const id = await repo.insertPlan(tx, {
      groupId: input.groupId,
      regionCode: group.owner,
      startYear: input.startYear,
      title: input.title,
    });
    await repo.replacePlanItems(tx, id, input.items);
    const after = (await getPlan(tx, id))!;
    await recordAudit(tx, ctx, { entityType: 'operational-plan', entityId: id, action: 'create', after });
    return after;
  });
}
