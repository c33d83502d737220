import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import { todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, forbidden, notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { geography, getGroup } from '../organisation/repository.js';
import { appointInTx } from '../people/appoint-member.js';
import { mayDecide, maySeeNomination } from './access.js';
import * as repo from './repository.js';
import { checkDecision, nominationTransition } from './rules/nomination.js';

export interface DecisionBody {
  decision: 'approved' | 'refused';
  decisionDate: string;
  reference: string;
  reason?: string;
  overrideReason?: string;
}

/**
 * The appointing body decides. Approval appoints the person through the same rules as any
 * appointment (declaration, period, chairs, composition, rotation) in the same transaction:
 * when the appointment is refused, the nomination stays open and nothing is written.
 */
export async function decideNomination(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  input: DecisionBody,
  opts: { today?: string } = {},
) {
  requireActor(ctx.actor);
  const actor = ctx.actor;
  const today = opts.today ?? todayInSweden();
  return db.transaction(async (tx) => {
    const before = await repo.getNomination(tx, id, { forUpdate: true });
    const group = before ? await getGroup(tx, before.group_id, { forUpdate: true }) : undefined;
    const geo = await geography(tx);
    if (!before || !group || !maySeeNomination(actor, group, before, geo)) throw notFound('Nomineringen');
    if (!mayDecide(actor, group, geo)) throw forbidden('Bara den utseende instansen beslutar om nomineringen.');
    if (before.version !== version) throw staleVersion(before.version);
    const step = nominationTransition(before.status, input.decision === 'approved' ? 'approve' : 'refuse');
    if (!step.ok) throw conflict(step.message);
    const errors = checkDecision(input, today);
    if (errors.length) throw unprocessable(errors.map((e) => e.message).join(' '), errors);
    const membership =
      input.decision === 'approved'
        ? await appointInTx(
            tx,
            ctx,
            group,
            {
              personId: before.person_id,
              role: before.proposed_role,
              startDate: before.proposed_start,
              ...(before.proposed_end ? { endDate: before.proposed_end } : {}),
              ...(before.represents ? { represents: before.represents } : {}),
              ...(input.overrideReason ? { overrideReason: input.overrideReason } : {}),
              nominationId: before.id,
            },
            { today },
          )
        : undefined;
    const after = await repo.decideNominationRow(tx, id, version, {
      status: step.status,
      decisionDate: input.decisionDate,
      reference: input.reference.trim(),
      reason: input.reason?.trim() || null,
      decidedBy: actor.via === 'system' ? null : actor.userId,
      membershipId: membership?.id ?? null,
    });
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, ctx, {
      entityType: 'nomination',
      entityId: id,
      action: input.decision === 'approved' ? 'approve' : 'refuse',
      before: { status: before.status },
      after: {
        status: after.status,
        decisionDate: after.decision_date,
        reference: after.decision_reference,
        reason: after.decision_reason,
        membershipId: after.membership_id,
      },
    });
    return after;
  });
}

/** The nominating side takes its nomination back while it is open. */
export async function withdrawNomination(db: Db, ctx: Ctx, id: string, version: number, input: { reason?: string }) {
  requireActor(ctx.actor);
  const actor = ctx.actor;
  return db.transaction(async (tx) => {
    const before = await repo.getNomination(tx, id, { forUpdate: true });
    const group = before ? await getGroup(tx, before.group_id) : undefined;
    const geo = await geography(tx);
    if (!before || !group || !maySeeNomination(actor, group, before, geo)) throw notFound('Nomineringen');
    if (before.version !== version) throw staleVersion(before.version);
    const step = nominationTransition(before.status, 'withdraw');
    if (!step.ok) throw conflict(step.message);
    const after = await repo.decideNominationRow(tx, id, version, {
      status: step.status,
      decisionDate: null,
      reference: null,
      reason: input.reason?.trim() || null,
      decidedBy: actor.via === 'system' ? null : actor.userId,
      membershipId: null,
    });
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, ctx, {
      entityType: 'nomination',
      entityId: id,
      action: 'withdraw',
      before: { status: before.status },
      after: { status: after.status, reason: after.decision_reason },
    });
    return after;
  });
}
