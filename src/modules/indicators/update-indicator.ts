/** Changing a national indicator's definition (administrators); its code and periodicity stay. */
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, staleVersion } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import './audit.js';
import { checkIndicator } from './create-indicator.js';
import { authorizeIndicatorManage } from './policy.js';
import { presentIndicator } from './presenter.js';
import * as repo from './repository.js';

export async function updateIndicator(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  patch: Partial<Omit<repo.IndicatorWrite, 'code' | 'periodicity'>>,
) {
  authorizeIndicatorManage(ctx);
  return db.transaction(async (tx) => {
    const before = await repo.getIndicator(tx, id, { forUpdate: true });
    if (!before) throw notFound('Indikatorn');
    if (before.version !== version) throw staleVersion(before.version);
    await assertVisible(tx, ctx, { goal: patch.goalId });
    const merged = {
      goalId: patch.goalId !== undefined ? patch.goalId : before.goalId,
      name: patch.name ?? before.name,
      definition: patch.definition ?? before.definition,
      unit: patch.unit ?? before.unit,
      direction: patch.direction ?? before.direction,
      source: patch.source ?? before.source,
      sourceName: patch.sourceName !== undefined ? patch.sourceName : before.sourceName,
      targetValue: patch.targetValue !== undefined ? patch.targetValue : before.targetValue,
      alertValue: patch.alertValue !== undefined ? patch.alertValue : before.alertValue,
      programAreaId: patch.programAreaId !== undefined ? patch.programAreaId : before.programAreaId,
    };
    await checkIndicator(tx, merged);
    const after = await repo.updateIndicatorRow(tx, id, version, merged);
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, ctx, {
      entityType: 'indicator',
      entityId: id,
      action: 'update',
      before: presentIndicator(before),
      after: presentIndicator(after),
    });
    return after;
  });
}
