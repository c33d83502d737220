import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, forbidden, notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { geography } from '../organisation/repository.js';
import { claimRoles } from './claim-access.js';
import * as repo from './repository.js';
import { transition, type ClaimAction } from './rules/claim-state.js';
import { price, type TravelInput } from './submit-claim.js';

/**
 * Moves a claim through its lifecycle (rules/claim-state.ts): approve or return (the process
 * support or coordinator of the group's region), resubmit with corrections or withdraw (the
 * claimant). The guard is re-checked on the locked row; a concurrent decision gets 409.
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
  if (action === 'return' && !input.comment?.trim())
    throw unprocessable('Skriv vad som behöver rättas när anspråket skickas tillbaka.', [
      { path: 'comment', message: 'krävs när anspråket skickas tillbaka' },
    ]);
  return db.transaction(async (tx) => {
    const geo = await geography(tx);
    const claim = await repo.getClaim(tx, id, true);
    const rel = claim ? claimRoles(actor, claim, geo) : undefined;
    if (!claim || !rel?.visible) throw notFound('Anspråket');
    const result = transition(claim.status, action, rel.roles);
    if (!result.ok) throw result.reason === 'wrong-state' ? conflict(result.message) : forbidden(result.message);
    if (claim.version !== input.version) throw staleVersion(claim.version);
    const assignment = action === 'resubmit' && input.travel ? await repo.getAssignment(tx, claim.assignment_id) : undefined;
    const values = assignment && input.travel ? await price(tx, assignment, input.travel) : undefined;
    const row = await repo.setClaimStatus(tx, id, claim.status, input.version, {
      status: result.to,
      decidedBy: actor.via === 'system' ? null : actor.userId,
      comment: input.comment?.trim() || null,
      ...(values ? { values, submittedBy: actor.via === 'system' ? null : actor.userId } : {}),
    });
    if (!row) throw conflict('Anspråket ändrades samtidigt av någon annan.');
    await recordAudit(tx, ctx, {
      entityType: 'compensation-claim',
      entityId: id,
      action,
      before: { status: claim.status },
      after: { status: row.status, ...(input.comment?.trim() ? { comment: input.comment.trim() } : {}) },
    });
    return row;
  });
}
