import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { allowedActions } from '../../platform/lifecycle/index.js';
import { mayWriteStatus } from './policy.js';
import type { StatusRow } from './repository.js';
import { implementationLifecycle } from './rules/implementation.js';

/** A status as the audit trail keeps it: the row, the API's fields without the caller's permissions. */
export type StatusAudit = StatusRow;

/** A status for the caller: whether they may edit it, and the statuses they may move it to. */
export async function presentStatus(db: Queryable, ctx: Ctx, s: StatusRow) {
  const mayEdit = await mayWriteStatus(ctx, db, s.regionCode);
  return {
    ...s,
    mayEdit,
    allowedActions: allowedActions(implementationLifecycle, s.status, {}, () => mayEdit),
  };
}
