import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, staleVersion } from '../../platform/errors.js';
import { checkRecommendation } from './check.js';
import { knowledgePolicy } from './policy.js';
import { presentRecommendation } from './presenter.js';
import * as recs from './recommendation-repository.js';
import type { UpdateRecommendationBody } from './schemas.js';

/** Edits a recommendation; a grade other than prioritet drops the priority. */
export async function updateRecommendation(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  patch: Omit<Static<typeof UpdateRecommendationBody>, 'version'>,
) {
  return db.transaction(async (tx) => {
    await knowledgePolicy(ctx, tx).assertWrite();
    const before = await recs.getRecommendation(tx, id);
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
    const after = await recs.updateRecommendationRow(tx, id, version, merged);
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
