import { recordAudit } from '../../platform/audit/record.js';
import { clock } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { unprocessable } from '../../platform/errors.js';
import { checkVersion, loadAnswer } from './load-answer.js';
import { requireAccess } from './policy.js';
import * as repo from './repository.js';
import { mayMarkDraftReady } from './rules/answer-lifecycle.js';

/** The lead says the draft is ready for beredning (the "draft ready" milestone); editing stays open. */
export async function markDraftReady(db: Db, ctx: Ctx, id: string, version: number) {
  return db.transaction(async (tx) => {
    const l = await loadAnswer(tx, ctx, id, { forUpdate: true });
    requireAccess(l.access.lead, 'Bara den ledande gruppen kan säga att utkastet är klart.');
    checkVersion(l.answer, version);
    if (!mayMarkDraftReady(l.answer.status)) {
      throw unprocessable('Bara ett utkast kan markeras som klart för beredning.', [
        { path: 'status', message: 'inte ett utkast' },
      ]);
    }
    await repo.updateAnswer(tx, id, version, { draftReadyAt: clock.now() });
    await recordAudit(tx, ctx, {
      entityType: 'consultation-answer',
      entityId: id,
      action: 'draft-ready',
      after: { draftReady: true },
    });
  });
}
