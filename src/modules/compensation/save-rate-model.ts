import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { ratesOf } from './presenter.js';
import { rateModelAudit } from './audit.js';
import * as repo from './repository.js';
import { overlaps } from './rules/amounts.js';

/**
 * Administrators keep the compensation model as data: one row per year (validity start).
 * Claims copy the rates they were computed with, so changing a model never changes an old claim.
 */
export async function createRateModel(db: Db, ctx: Ctx, input: repo.RateModelWrite) {
  authorize(ctx.actor, 'compensation.rates');
  check(input);
  return db.transaction(async (tx) => {
    checkOverlap(await repo.listRateModels(tx), input, null);
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
    checkOverlap(await repo.listRateModels(tx), input, id);
    const row = await repo.updateRateModel(tx, id, version, input);
    if (!row) throw staleVersion(before.version + 1);
    await recordAudit(tx, ctx, {
      entityType: 'compensation-rate-model',
      entityId: id,
      action: 'update',
      before: { name: before.name, validFrom: before.validFrom, validTo: before.validTo, ...ratesOf(before) },
      after: rateModelAudit(input),
    });
    return row;
  });
}

/** One model per day: a period that shares a day with another model's is refused (409). */
function checkOverlap(models: repo.RateModelRow[], input: repo.RateModelWrite, selfId: string | null) {
  const clash = models.find((m) => m.id !== selfId && overlaps(m, input));
  if (clash)
    throw conflict(
      `Perioden överlappar modellen "${clash.name}" (${clash.validFrom}–${clash.validTo ?? 'tills vidare'}). Avsluta den först.`,
    );
}

function check(m: repo.RateModelWrite) {
  if (m.validTo !== null && m.validTo < m.validFrom)
    throw unprocessable('Modellens sista dag kan inte ligga före dess första.', [
      { path: 'validTo', message: 'före giltig från' },
    ]);
  if (m.halfDayFeeOre > m.fullDayFeeOre)
    throw unprocessable('Arvodet för en halvdag kan inte vara högre än för en heldag.', [
      { path: 'halfDayFeeOre', message: 'högst heldagsarvodet' },
    ]);
}
