import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { ratesOf } from './presenter.js';
import { rateModelAudit } from './audit.js';
import * as repo from './repository.js';

/**
 * Administrators keep the compensation model as data: one row per year (validity start).
 * Claims copy the rates they were computed with, so changing a model never changes an old claim.
 */
export async function createRateModel(db: Db, ctx: Ctx, input: repo.RateModelWrite) {
  authorize(ctx.actor, 'compensation.rates');
  check(input);
  return db.transaction(async (tx) => {
    if ((await repo.listRateModels(tx)).some((m) => m.validFrom === input.validFrom))
      throw conflict(`Det finns redan en modell som gäller från ${input.validFrom}.`);
    const row = await repo.insertRateModel(tx, input);
    await recordAudit(tx, ctx, {
      entityType: 'compensation-rate-model',
      entityId: row.id,
      action: 'create',
      after: rateModelAudit(input),
    });
    return row;
  });
}

export async function updateRateModel(db: Db, ctx: Ctx, id: string, version: number, input: repo.RateModelWrite) {
  authorize(ctx.actor, 'compensation.rates');
  check(input);
  return db.transaction(async (tx) => {
    const before = await repo.getRateModel(tx, id, true);
    if (!before) throw notFound('Ersättningsmodellen');
    if (before.version !== version) throw staleVersion(before.version);
    const clash = (await repo.listRateModels(tx)).find((m) => m.validFrom === input.validFrom && m.id !== id);
    if (clash) throw conflict(`Det finns redan en modell som gäller från ${input.validFrom}.`);
    const row = await repo.updateRateModel(tx, id, version, input);
    if (!row) throw staleVersion(before.version + 1);
    await recordAudit(tx, ctx, {
      entityType: 'compensation-rate-model',
      entityId: id,
      action: 'update',
      before: { name: before.name, validFrom: before.validFrom, ...ratesOf(before) },
      after: rateModelAudit(input),
    });
    return row;
  });
}

function check(m: repo.RateModelWrite) {
  if (m.halfDayFeeOre > m.fullDayFeeOre)
    throw unprocessable('Arvodet för en halvdag kan inte vara högre än för en heldag.', [
      { path: 'halfDayFeeOre', message: 'högst heldagsarvodet' },
    ]);
}
