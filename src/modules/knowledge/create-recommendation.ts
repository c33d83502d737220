import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { checkRecommendation } from './check.js';
import { knowledgePolicy } from './policy.js';
import { presentRecommendation } from './presenter.js';
import * as recs from './recommendation-repository.js';
import type { CreateRecommendationBody } from './schemas.js';
import { supportForRecommendations } from './recommendation-support.js';

/** A recommendation of a national guideline (priority 1–10, icke-göra or FoU). */
export async function createRecommendation(db: Db, ctx: Ctx, supportId: string, input: Static<typeof CreateRecommendationBody>) {
  return db.transaction(async (tx) => {
    await knowledgePolicy(ctx, tx).assertWrite();
    await supportForRecommendations(tx, supportId);
    const row = await recs.insertRecommendation(
      tx,
      supportId,
      checkRecommendation({
        code: input.code ?? null,
        condition: input.condition,
        measure: input.measure,
        grade: input.grade,
        priority: input.priority ?? null,
        comment: input.comment ?? null,
      }),
    );
    await recordAudit(tx, ctx, {
      entityType: 'knowledge-recommendation',
      entityId: row.id,
      action: 'create',
      after: presentRecommendation(row),
    });
    return row;
  });
}
