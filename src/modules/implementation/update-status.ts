/**
 * Creating and changing a knowledge support's implementation status in a region (or one of
 * its LPOs). Only the region's own coordinators (samordnare) and administrators write it; each
 * change follows the state machine and is audited with who and when.
 */
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/auth/policy.js';
import { todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { conflict, notFound, staleVersion, unprocessable, type FieldError } from '../../platform/errors.js';
import { getGroup } from '../organisation/repository.js';
import * as repo from './implementation-repository.js';
import { checkDates, checkTransition } from './rules/implementation.js';
import { regionScope } from './scope.js';
import { assertVisible } from '../visible.js';

export const presentStatus = (s: repo.StatusRow) => ({
  id: s.id,
  supportId: s.support_id,
  supportTitle: s.support_title,
  supportVersionId: s.support_version_id,
  versionLabel: s.version_label,
  regionCode: s.region_code,
  groupId: s.group_id,
  kind: s.kind,
  status: s.status,
  notApplicableReason: s.not_applicable_reason,
  decisionDate: s.decision_date,
  decisionForum: s.decision_forum,
  decisionCaseRef: s.decision_case_ref,
  responsibleGroupId: s.responsible_group_id,
  plannedStart: s.planned_start,
  plannedDone: s.planned_done,
  actualStart: s.actual_start,
  actualDone: s.actual_done,
  notes: s.notes,
  version: s.version,
  updatedAt: s.updated_at.toISOString(),
  updatedBy: s.updated_by,
});

async function checkGroups(
  tx: Queryable,
  region: string,
  groupId: string | null,
  responsible: string | null,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const [path, id] of [
    ['/groupId', groupId],
    ['/responsibleGroupId', responsible],
  ] as const) {
    if (!id) continue;
    const g = await getGroup(tx, id);
    if (!g || g.owner !== region) errors.push({ path, message: 'Gruppen finns inte i regionen.' });
  }
  return errors;
}

const actorLabel = (ctx: Ctx) => (ctx.actor ? ctx.actor.name : 'okänd');

export async function createImplementationStatus(
  db: Db,
  ctx: Ctx,
  key: { supportVersionId: string; regionCode: string; groupId: string | null },
  w: repo.StatusWrite,
  opts: { isDemo?: boolean; validFrom?: string } = {},
) {
  return db.transaction(async (tx) => {
    authorize(ctx.actor, 'implementation.write', await regionScope(tx, key.regionCode));
    await assertVisible(tx, ctx, { 'support-version': key.supportVersionId, group: [key.groupId, w.responsibleGroupId] });
    const v = await repo.supportVersion(tx, key.supportVersionId);
    if (!v) throw unprocessable('Kunskapsstödets version finns inte.', [{ path: '/supportVersionId', message: 'Okänd version' }]);
    const errors = await checkGroups(tx, key.regionCode, key.groupId, w.responsibleGroupId);
    const t = checkTransition({ from: null, to: w.status, notApplicableReason: w.notApplicableReason });
    if (t) errors.push(t);
    errors.push(...checkDates(w));
    if (errors.length) throw unprocessable('Statusen kan inte sparas.', errors);
    if (key.groupId === null) await repo.lockCell(tx, v.support_id, key.regionCode);
    const id = await repo.insertStatus(tx, { supportId: v.support_id, ...key }, w, actorLabel(ctx), opts.isDemo ?? false);
    if (!id) throw conflict('Regionen har redan en status för den här versionen. Ändra den i stället.');
    await repo.recordHistory(tx, id, w.status, opts.validFrom ?? todayInSweden());
    const row = (await repo.getStatus(tx, id))!;
    await recordAudit(tx, ctx, {
      entityType: 'implementation-status',
      entityId: id,
      action: 'create',
      after: presentStatus(row),
    });
    return row;
  });
}

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
    if (cell && cell.group_id === null) await repo.lockCell(tx, cell.support_id, cell.region_code);
    const before = await repo.getStatus(tx, id, { forUpdate: true });
    if (!before) throw notFound('Statusen');
    authorize(ctx.actor, 'implementation.write', await regionScope(tx, before.region_code));
    if (before.version !== version) throw staleVersion(before.version);
    await assertVisible(tx, ctx, { group: patch.responsibleGroupId });
    const pick = <K extends keyof repo.StatusWrite>(k: K, current: repo.StatusWrite[K]) =>
      patch[k] !== undefined ? patch[k] : current;
    const w: repo.StatusWrite = {
      kind: pick('kind', before.kind),
      status: pick('status', before.status),
      notApplicableReason: pick('notApplicableReason', before.not_applicable_reason),
      decisionDate: pick('decisionDate', before.decision_date),
      decisionForum: pick('decisionForum', before.decision_forum),
      decisionCaseRef: pick('decisionCaseRef', before.decision_case_ref),
      responsibleGroupId: pick('responsibleGroupId', before.responsible_group_id),
      plannedStart: pick('plannedStart', before.planned_start),
      plannedDone: pick('plannedDone', before.planned_done),
      actualStart: pick('actualStart', before.actual_start),
      actualDone: pick('actualDone', before.actual_done),
      notes: pick('notes', before.notes),
    };
    // Leaving "ej aktuell" clears its reason unless a new one is given.
    if (w.status !== 'ej-aktuell' && patch.notApplicableReason === undefined) w.notApplicableReason = null;
    const errors = await checkGroups(tx, before.region_code, null, w.responsibleGroupId);
    const t = checkTransition({ from: before.status, to: w.status, notApplicableReason: w.notApplicableReason });
    if (t) errors.push(t);
    errors.push(...checkDates(w));
    if (errors.length) throw unprocessable('Statusen kan inte sparas.', errors);
    if (!(await repo.updateStatusRow(tx, id, version, w, actorLabel(ctx)))) throw staleVersion(before.version);
    if (w.status !== before.status) await repo.recordHistory(tx, id, w.status, opts.validFrom ?? todayInSweden());
    const after = (await repo.getStatus(tx, id))!;
    await recordAudit(tx, ctx, {
      entityType: 'implementation-status',
      entityId: id,
      action: 'update',
      before: presentStatus(before),
      after: presentStatus(after),
    });
    return after;
  });
}
