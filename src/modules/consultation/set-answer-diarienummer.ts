import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, forbidden, staleVersion } from '../../platform/errors.js';
import { isFinal } from '../../platform/lifecycle/index.js';
import { checkVersion, loadAnswer } from './load-answer.js';
import * as repo from './repository.js';
import { answerLifecycle } from './rules/answer-lifecycle.js';

/**
 * Records (or clears) the region's official diarienummer on its answer, beside Navet's case
 * number, which stays the internal reference. Set by those who register consultations in the
 * region, at any step until the answer is superseded (the successor carries the number on).
 * Loose format (trimmed, at most 100 characters); unique among the region's live answers (409).
 */
export async function setAnswerDiarienummer(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { version: number; diarienummer: string | null },
) {
  return db.transaction(async (tx) => {
    const { answer, access } = await loadAnswer(tx, ctx, id, { forUpdate: true });
    if (!access.register) throw forbidden('Bara den som registrerar remisser i regionen kan ange diarienumret.');
    checkVersion(answer, input.version);
    if (isFinal(answerLifecycle, answer.status)) throw conflict('Svaret är ersatt; ange diarienumret på det svar som gäller.');
    const diarienummer = input.diarienummer?.trim() || null;
    if (diarienummer && diarienummer !== answer.diarienummer) {
      const holder = await repo.answerWithDiarienummer(tx, answer.region, diarienummer, answer.id);
      if (holder)
        throw conflict(
          `Diarienumret ${diarienummer} används redan för ett annat remissvar i regionen (ärende ${holder.caseNumber}).`,
        );
    }
    if (!(await repo.updateAnswer(tx, id, input.version, { diarienummer }))) throw staleVersion(answer.version);
    await recordAudit(tx, ctx, {
      entityType: 'consultation-answer',
      entityId: id,
      action: 'set-diarienummer',
      before: { diarienummer: answer.diarienummer, version: answer.version },
      after: { diarienummer, version: answer.version + 1 },
    });
    return id;
  });
}
