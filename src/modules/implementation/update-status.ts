/**
 * Changing a knowledge support's implementation status in a region: its fields, and its status
 * by the lifecycle (rules/implementation.ts) through runTransition. Only the region's own
 * coordinators and administrators; each change is audited with who and when, and a new status
 * starts a row of the status history.
 */
import { recordAudit } from '../../platform/audit/record.js';
import { todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { runTransition } from '../../platform/lifecycle/index.js';
import { assertVisible } from '../visible.js';
import './audit.js';
import { checkDecision } from './check-decision.js';
import { checkGroups } from './check-groups.js';
import { actorLabel } from './create-status.js';
import { authorizeStatusWrite } from './policy.js';
import * as repo from './repository.js';
import { checkDates, checkTransition, implementationLifecycle, NOT_APPLICABLE } from './rules/implementation.js';

export async function updateImplementationStatus(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  patch: Partial<repo.StatusWrite>,
  opts: { validFrom?: string } = {},
) {
  return db.transaction(async (tx) => {
    // A region-wide row's heatmap cell is locked before the row itself (see repo.lockCell).
    const cell = await repo.getStatus(tx, id);
    if (cell && cell.groupId === null) await repo.lockCell(tx, cell.supportId, cell.regionCode);
    const before = await repo.getStatus(tx, id, { forUpdate: true });
    if (!before) throw notFound('Statusen');
    await authorizeStatusWrite(ctx, tx, before.regionCode);
    if (before.version !== version) throw staleVersion(before.version);
    await assertVisible(tx, ctx, { group: patch.responsibleGroupId });
    const pick = <K extends keyof repo.StatusWrite>(k: K, current: repo.StatusWrite[K]) =>
      patch[k] !== undefined ? patch[k] : current;
    const w: repo.StatusWrite = {
      kind: pick('kind', before.kind),
      status: pick('status', before.status),
      notApplicableReason: pick('notApplicableReason', before.notApplicableReason),
      decisionDate: pick('decisionDate', before.decisionDate),
      decisionForumId: pick('decisionForumId', before.decisionForumId),
      decisionCaseId: pick('decisionCaseId', before.decisionCaseId),
      decisionParagraphId: pick('decisionParagraphId', before.decisionParagraphId),
      decisionElsewhere: pick('decisionElsewhere', before.decisionElsewhere),
      legacyDecisionForum: before.legacyDecisionForum,
      legacyDecisionCaseRef: before.legacyDecisionCaseRef,
      responsibleGroupId: pick('responsibleGroupId', before.responsibleGroupId),
      plannedStart: pick('plannedStart', before.plannedStart),
      plannedDone: pick('plannedDone', before.plannedDone),
      actualStart: pick('actualStart', before.actualStart),
      actualDone: pick('actualDone', before.actualDone),
      notes: pick('notes', before.notes),
    };
    // Leaving "ej aktuell" clears its reason unless a new one is given.
    if (w.status !== NOT_APPLICABLE && patch.notApplicableReason === undefined) w.notApplicableReason = null;
    const errors = await checkGroups(tx, before.regionCode, null, w.responsibleGroupId);
    errors.push(
      ...(await checkDecision(tx, ctx, w, {
        forum: patch.decisionForumId !== undefined,
        case: patch.decisionCaseId !== undefined,
        paragraph: patch.decisionParagraphId !== undefined,
      })),
    );
    const t = checkTransition({ from: before.status, to: w.status, notApplicableReason: w.notApplicableReason });
    if (t) errors.push(t);
    errors.push(...checkDates(w));
    if (errors.length) throw unprocessable('Statusen kan inte sparas.', errors);

    const write = async () => {
      if (!(await repo.updateStatusRow(tx, id, version, w, actorLabel(ctx)))) throw staleVersion(before.version);
      return (await repo.getStatus(tx, id))!;
    };
    if (w.status === before.status) {
      const after = await write();
      await recordAudit(tx, ctx, {
        entityType: 'implementation-status',
        entityId: id,
        action: 'update',
        before: before,
        after: after,
      });
      return after;
    }
    // A new status: the lifecycle's move (its guard, the audit of the move), with the fields.
    let after = before;
    await runTransition(tx, ctx, implementationLifecycle, {
      id,
      action: w.status,
      version,
      reason: w.notApplicableReason,
      lock: () => repo.getStatus(tx, id, { forUpdate: true }),
      authorize: (q, row) => authorizeStatusWrite(ctx, q, row.regionCode),
      apply: async (q, _row, to) => {
        after = await write();
        await repo.recordHistory(q, id, to, opts.validFrom ?? todayInSweden());
        return { version: after.version };
      },
      // The status's fields after the move (picked by StatusWrite, never the raw body).
      auditDetails: { fields: w },
    });
    return after;
  });
}
