/**
 * Changing an indicator's definition or its targets, by its owner's rule (policy.ts: national
 * ones by national roles; an organisation's by its samordnare and controllers, the targets by the
 * samordnare); its code, owner and periodicity stay.
 */
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, staleVersion } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import './audit.js';
import { checkIndicator } from './create-indicator.js';
import { authorizeIndicatorWrite, type IndicatorWriteKind } from './policy.js';
import { presentIndicator } from './presenter.js';
import * as repo from './repository.js';

export async function updateIndicator(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  patch: Partial<Omit<repo.IndicatorWrite, 'code' | 'periodicity' | 'owner'>>,
) {
  return db.transaction(async (tx) => {
    const before = await repo.getIndicator(tx, id, { forUpdate: true });
    if (!before) throw notFound('Indikatorn');
    const changesTargets = (['targetValue', 'alertValue', 'goalId'] as const).some(
      (k) => patch[k] !== undefined && patch[k] !== before[k],
    );
    const what: IndicatorWriteKind[] = changesTargets ? ['definition', 'targets'] : ['definition'];
    await authorizeIndicatorWrite(ctx, tx, before.owner, what);
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
    await checkIndicator(tx, ctx, before.owner, merged);
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
