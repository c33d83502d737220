import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { compensationPolicy, mayManageAnywhere } from './policy.js';
import * as repo from './repository.js';
import { claimLifecycle } from './rules/claim-state.js';

export interface ClaimWorkItem {
  claimId: string;
  personId: string;
  personName: string;
  groupName: string;
  assignmentDate: string;
  totalOre: number;
}

/**
 * Claims waiting for the caller's approval, for Min översikt: those the policy offers them to
 * approve (never their own). Null when the caller approves claims nowhere.
 */
export async function readMyClaimWork(db: Db, ctx: Ctx): Promise<ClaimWorkItem[] | null> {
  requireActor(ctx.actor);
  if (!mayManageAnywhere(ctx.actor)) return null;
  const policy = await compensationPolicy(ctx, db);
  const rows = await repo.listClaims(db, {
    visibility: policy.visibility(),
    statuses: claimLifecycle.actions.approve.from,
  });
  return rows
    .filter((c) => policy.claim(c).visible && policy.claimActions(c).includes('approve'))
    .map((c) => ({
      claimId: c.id,
      personId: c.personId,
      personName: c.personName,
      groupName: c.groupName,
      assignmentDate: c.date,
      totalOre: c.totalOre,
    }))
    .sort((a, b) => a.assignmentDate.localeCompare(b.assignmentDate));
}
