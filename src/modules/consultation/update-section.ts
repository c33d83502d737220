import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { actorLabel, loadAnswer } from './load-answer.js';
import { requireAccess } from './policy.js';
import * as repo from './repository.js';
import { isDraftEditable, lockedMessage, type AnswerStatus } from './rules/answer-lifecycle.js';

/** 422 when the lifecycle says the draft is locked in this status. */
export function requireEditable(status: AnswerStatus): void {
  if (!isDraftEditable(status)) throw unprocessable(lockedMessage(status), [{ path: 'status', message: 'svaret är låst' }]);
}

export const WORKERS_ONLY = 'Bara de grupper som remissen är fördelad till kan skriva i utkastet.';

/** The process support and chair write the draft section by section (optimistic versions per section). */
export async function updateSection(
  db: Db,
  ctx: Ctx,
  answerId: string,
  sectionId: string,
  input: { heading?: string | undefined; body: string; version: number },
) {
  return db.transaction(async (tx) => {
    const l = await loadAnswer(tx, ctx, answerId, { forUpdate: true });
    requireAccess(l.access.work, WORKERS_ONLY);
    requireEditable(l.answer.status);
    const section = await repo.getSection(tx, sectionId);
    if (!section || section.answerId !== answerId) throw notFound('Avsnittet');
    if (section.version !== input.version) throw staleVersion(section.version);
    const updated = await repo.updateSection(tx, sectionId, input.version, {
      heading: input.heading?.trim() || section.heading,
      body: input.body,
      by: actorLabel(ctx),
    });
    if (!updated) throw staleVersion(section.version + 1);
    await recordAudit(tx, ctx, {
      entityType: 'consultation-answer-section',
      entityId: sectionId,
      action: 'update',
      before: { heading: section.heading, body: section.body },
      after: { heading: updated.heading, body: updated.body },
    });
    return updated;
  });
}
