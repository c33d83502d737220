import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { checkRecommendation } from './check.js';
import { presentRecommendation } from './presenter.js';
import * as repo from './repository.js';

/** Recommendations belong to Socialstyrelsens nationella riktlinjer (priority 1–10, icke-göra, FoU). */
async function supportForRecommendations(tx: Parameters<typeof repo.getSupport>[0], supportId: string) {
  const support = await repo.getSupport(tx, supportId);
  if (!support) throw notFound('Kunskapsstödet');
  if (support.type !== 'nationella-riktlinjer') {
    throw unprocessable('Rekommendationer med prioritet finns bara i Socialstyrelsens nationella riktlinjer.', [
      { path: '/supportId', message: 'Kunskapsstödet är inte en nationell riktlinje.' },
    ]);
  }
  return support;
}

export async function createRecommendation(db: Db, ctx: Ctx, supportId: string, input: repo.RecommendationWrite) {
  return db.transaction(async (tx) => {
    authorize(ctx.actor, 'knowledge.write');
    await supportForRecommendations(tx, supportId);
    const row = await repo.insertRecommendation(tx, supportId, checkRecommendation(input));
    await recordAudit(tx, ctx, {
      entityType: 'knowledge-recommendation',
      entityId: row.id,
      action: 'create',
      after: presentRecommendation(row),
    });
    return row;
  });
}

export async function updateRecommendation(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  patch: Partial<repo.RecommendationWrite>,
) {
  return db.transaction(async (tx) => {
    authorize(ctx.actor, 'knowledge.write');
    const before = await repo.getRecommendation(tx, id);
    if (!before) throw notFound('Rekommendationen');
    if (before.version !== version) throw staleVersion(before.version);
    const merged = checkRecommendation({
      code: patch.code !== undefined ? patch.code : before.code,
      condition: patch.condition ?? before.condition,
      measure: patch.measure ?? before.measure,
      grade: patch.grade ?? before.grade,
      priority:
        patch.priority !== undefined ? patch.priority : patch.grade && patch.grade !== 'prioritet' ? null : before.priority,
      comment: patch.comment !== undefined ? patch.comment : before.comment,
    });
    const after = await repo.updateRecommendationRow(tx, id, version, merged);
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, ctx, {
      entityType: 'knowledge-recommendation',
      entityId: id,
      action: 'update',
      before: presentRecommendation(before),
      after: presentRecommendation(after),
    });
    return after;
  });
}

export async function deleteRecommendation(db: Db, ctx: Ctx, id: string, version: number) {
  return db.transaction(async (tx) => {
    authorize(ctx.actor, 'knowledge.write');
    const before = await repo.getRecommendation(tx, id);
    if (!before) throw notFound('Rekommendationen');
    if (before.version !== version) throw staleVersion(before.version);
    await repo.deleteRecommendation(tx, id);
    await recordAudit(tx, ctx, {
      entityType: 'knowledge-recommendation',
      entityId: id,
      action: 'delete',
      before: presentRecommendation(before),
    });
  });
}
