import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { allowedActions } from '../../platform/lifecycle/index.js';
import { mayWriteStatus } from './policy.js';
import type { StatusRow } from './repository.js';
import { implementationLifecycle } from './rules/implementation.js';

/** A status as the audit trail keeps it: the API's fields, without the caller's permissions. */
export const statusAudit = (s: StatusRow) => ({
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
export type StatusAudit = ReturnType<typeof statusAudit>;

/** A status for the caller: whether they may edit it, and the statuses they may move it to. */
export async function presentStatus(db: Queryable, ctx: Ctx, s: StatusRow) {
  const mayEdit = await mayWriteStatus(ctx, db, s.region_code);
  return {
    ...statusAudit(s),
    mayEdit,
    allowedActions: allowedActions(implementationLifecycle, s.status, {}, () => mayEdit),
  };
}
