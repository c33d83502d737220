import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, forbidden, notFound } from '../../platform/errors.js';
import { runTransition } from '../../platform/lifecycle/run-transition.js';
import { compensationPolicy } from './policy.js';
import * as repo from './repository.js';
import { claimLifecycle, DECISIONS, mayAct, wrongState, type ClaimAction } from './rules/claim-state.js';
import { price, type TravelInput } from './submit-claim.js';

/**
 * Moves a claim through its lifecycle (rules/claim-state.ts): approve or return (the process
 * support or coordinator of the group's region), resubmit with corrections or withdraw (the
 * claimant). The transition runs on the locked row; a concurrent decision gets 409.
 */
export async function decideClaim(
  db: Db,
  ctx: Ctx,
  id: string,
  action: ClaimAction,
  input: { version: number; comment?: string | undefined; travel?: TravelInput },
) {
  requireActor(ctx.actor);
  const actor = ctx.actor;
  const userId = actor.via === 'system' ? null : actor.userId;
  const policy = await compensationPolicy(ctx, db);
  return db.transaction(async (tx) => {
    let after: repo.ClaimRow | undefined;
    await runTransition(tx, ctx, claimLifecycle, {
      id,
      action,
      version: input.version,
      reason: input.comment ?? null,
      lock: (q) => repo.getClaim(q, id, true),
      authorize: (_q, claim) => {
        const rel = policy.claim(claim);
        if (!rel.visible) throw notFound('Anspråket');
        const who = mayAct(action, rel.roles);
        if (!who.ok) throw forbidden(who.message);
        const state = wrongState(claim.status, action);
        if (state) throw conflict(state);
      },
      apply: async (q, claim, to, reason) => {
        const assignment = action === 'resubmit' && input.travel ? await repo.getAssignment(q, claim.assignmentId) : undefined;
        const values = assignment && input.travel ? await price(q, assignment, input.travel) : undefined;
        const moved = await repo.setClaimStatus(q, id, claim.status, claim.version, {
          status: to,
          decision: DECISIONS.includes(action),
          decidedBy: userId,
          comment: reason,
          ...(values ? { values, submittedBy: userId } : {}),
        });
        if (!moved) throw conflict('Anspråket ändrades samtidigt av någon annan.');
        after = moved;
        return moved;
      },
    });
    return after!;
  });
}
