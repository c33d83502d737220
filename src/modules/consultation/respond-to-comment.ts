import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { actorLabel, loadAnswer } from './load-answer.js';
import { requireAccess } from './policy.js';
import * as repo from './repository.js';
import { isCommentable } from './rules/answer-lifecycle.js';

/** The compilers' response to a comment: what was done with it (goes into the comment table). */
export async function respondToComment(
  db: Db,
  ctx: Ctx,
  answerId: string,
  commentId: string,
  input: { response: string; version: number },
) {
  return db.transaction(async (tx) => {
    const l = await loadAnswer(tx, ctx, answerId, { forUpdate: true });
    requireAccess(l.access.work, 'Bara de grupper som remissen är fördelad till kan besvara kommentarer.');
    if (!isCommentable(l.answer.status)) {
      throw unprocessable('Ett beslutat svar kan inte ändras, bara ersättas med ett nytt (ange skäl).', [
        { path: 'status', message: 'svaret är låst' },
      ]);
    }
    const c = await repo.getComment(tx, commentId);
    if (!c || c.answerId !== answerId) throw notFound('Kommentaren');
    if (c.version !== input.version) throw staleVersion(c.version);
    const row = (await repo.respondToComment(tx, commentId, input.version, input.response.trim(), actorLabel(ctx)))!;
    await recordAudit(tx, ctx, {
      entityType: 'consultation-answer-comment',
      entityId: commentId,
      action: 'respond',
      before: { response: c.response },
      after: { response: row.response },
    });
    return row;
  });
}
