import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { loadAnswer } from './load-answer.js';
import { requireAccess } from './policy.js';
import * as repo from './repository.js';
import { requireEditable, WORKERS_ONLY } from './update-section.js';

/** A new section at the end of the draft. */
export async function addSection(db: Db, ctx: Ctx, answerId: string, input: { heading: string }) {
  return db.transaction(async (tx) => {
    const l = await loadAnswer(tx, ctx, answerId, { forUpdate: true });
    requireAccess(l.access.work, WORKERS_ONLY);
    requireEditable(l.answer.status);
    const row = await repo.insertSection(tx, answerId, input.heading.trim());
    await recordAudit(tx, ctx, {
      entityType: 'consultation-answer-section',
      entityId: row.id,
      action: 'create',
      after: { answerId, heading: row.heading },
    });
    return row;
  });
}
