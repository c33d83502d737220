import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { moveJoint } from './joint-transition.js';

/** The healthcare region's management group approves the joint answer (reference and date); it is not changed after. */
export async function approveJointAnswer(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { approvalRef: string; approvedOn: string; version: number },
  opts: { today?: string } = {},
) {
  const approvalRef = input.approvalRef.trim();
  return db.transaction((tx) =>
    moveJoint(tx, ctx, id, 'approve', {
      version: input.version,
      date: { path: 'approvedOn', value: input.approvedOn },
      set: { approvalRef: approvalRef, approvedOn: input.approvedOn },
      auditDetails: { approvalRef, approvedOn: input.approvedOn },
      today: opts.today,
    }),
  );
}
