import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { unprocessable } from '../../platform/errors.js';
import { actorLabel, loadAnswer } from './load-answer.js';
import { requireAccess } from './policy.js';
import * as repo from './repository.js';
import { isCommentable, STATUS_LABELS } from './rules/answer-lifecycle.js';

/** A comment anchored to one section of the draft. */
export async function addComment(db: Db, ctx: Ctx, answerId: string, input: { sectionId: string; body: string }) {
  return db.transaction(async (tx) => {
    const l = await loadAnswer(tx, ctx, answerId, { forUpdate: true });
    requireAccess(l.access.comment, 'Bara de grupper och forum som arbetar med svaret kan kommentera.');
    if (!isCommentable(l.answer.status)) {
      throw unprocessable(`Svaret tar inte emot kommentarer när det har status "${STATUS_LABELS[l.answer.status]}".`, [
        { path: 'status', message: 'svaret är låst' },
      ]);
    }
    const section = await repo.getSection(tx, input.sectionId);
    if (!section || section.answerId !== answerId) {
      throw unprocessable('Kommentaren måste höra till ett avsnitt i det här utkastet.', [
        { path: 'sectionId', message: 'okänt avsnitt' },
      ]);
    }
    const row = await repo.insertComment(tx, {
      answerId,
      sectionId: section.id,
      body: input.body.trim(),
      userId: ctx.actor?.via === 'system' ? null : (ctx.actor?.userId ?? null),
      label: actorLabel(ctx),
    });
    await recordAudit(tx, ctx, {
      entityType: 'consultation-answer-comment',
      entityId: row.id,
      action: 'create',
      after: { answerId, sectionId: section.id, body: row.body },
    });
    return row;
  });
}
