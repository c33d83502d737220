/**
 * Cancelling an indicator import. One that waits in the queue is cancelled at once; one the
 * worker is reading or writing stops at its next batch (run-file-import.ts): while reading
 * nothing has been written, while writing each period already written stays whole and the rest
 * keep their earlier values. Who may: the person who started it, or an indicator administrator
 * (policy.ts). A finished import is a 409.
 */
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, notFound } from '../../platform/errors.js';
import './audit.js';
import { authorizeImportCancel } from './policy.js';
import * as repo from './repository.js';

export async function cancelImport(db: Db, ctx: Ctx, importId: string) {
  await db.transaction(async (tx) => {
    const imp = await repo.lockImport(tx, importId);
    if (!imp) throw notFound('Inläsningen');
    authorizeImportCancel(ctx, imp);
    const full = (await repo.getFileImport(tx, importId))!;
    const streamed = full.sizeBytes !== null;
    if (imp.status !== 'queued' && !(imp.status === 'running' && streamed))
      throw conflict(
        imp.status === 'running'
          ? 'Inläsningen skrivs redan och kan inte avbrytas.'
          : 'Inläsningen är redan avslutad och kan inte avbrytas.',
      );
    if (imp.cancelRequested) return;
    const immediately = imp.status === 'queued';
    await repo.requestCancel(tx, importId, ctx.actor && ctx.actor.via !== 'system' ? ctx.actor.userId : null, immediately);
    if (immediately) await repo.deleteChunks(tx, importId);
    await recordAudit(tx, ctx, {
      entityType: 'indicator-import',
      entityId: importId,
      action: 'cancel',
      before: { status: imp.status },
      after: {
        status: immediately ? 'cancelled' : imp.status,
        indicatorId: imp.indicatorId,
        fileName: imp.fileName,
        startedBy: imp.createdBy,
      },
    });
  });
  return (await repo.getImport(db, importId))!;
}
