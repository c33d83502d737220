/** Changing a draft annual report's texts; a submitted report keeps what was submitted. */
import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, notFound, staleVersion } from '../../platform/errors.js';
import { isLocked } from '../../platform/lifecycle/index.js';
import * as repo from './annual-report-repository.js';
import { mayReadReport } from './annual-report-queries.js';
import './audit.js';
import { authorizePlanWrite } from './policy.js';
import { annualReportLifecycle } from './rules/annual-report.js';

export async function updateAnnualReport(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  patch: {
    summary?: string | undefined;
    goalFulfilment?: string | null | undefined;
    improvementNeeds?: string | null | undefined;
  },
) {
  // Anonymous callers are told to sign in (401) before anything about the record is told.
  requireActor(ctx.actor);
  return db.transaction(async (tx) => {
    await repo.lockAnnualReport(tx, id);
    const before = await repo.getAnnualReport(tx, id);
    if (!before || !(await mayReadReport(ctx, tx, before))) throw notFound('Årsrapporten');
    await authorizePlanWrite(ctx, tx, before.groupId);
    if (before.version !== version) throw staleVersion(before.version);
    if (isLocked(annualReportLifecycle, before.state)) {
      throw conflict('Årsrapporten är inlämnad: texten är den som lämnades in.');
    }
    await repo.updateAnnualReportText(tx, id, patch);
    const after = (await repo.getAnnualReport(tx, id))!;
    await recordAudit(tx, ctx, { entityType: 'annual-report', entityId: id, action: 'update', before, after });
    return after;
  });
}
