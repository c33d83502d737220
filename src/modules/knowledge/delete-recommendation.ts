import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, staleVersion } from '../../platform/errors.js';
import { knowledgePolicy } from './policy.js';
import { presentRecommendation } from './presenter.js';
import * as recs from './recommendation-repository.js';

/** Removes a recommendation (If-Match), audited with what it said. */
export async function deleteRecommendation(db: Db, ctx: Ctx, id: string, version: number) {
  return db.transaction(async (tx) => {
    await knowledgePolicy(ctx, tx).assertWrite();
    const before = await recs.getRecommendation(tx, id);
    if (!before) throw notFound('Rekommendationen');
    if (before.version !== version) throw staleVersion(before.version);
    await recs.deleteRecommendation(tx, id);
    await recordAudit(tx, ctx, {
      entityType: 'knowledge-recommendation',
      entityId: id,
      action: 'delete',
      before: presentRecommendation(before),
    });
  });
}
