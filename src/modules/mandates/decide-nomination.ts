import type { Static } from 'typebox';
import { requireActor } from '../../platform/auth/policy.js';
import { todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { forbidden, notFound, staleVersion } from '../../platform/errors.js';
import { runTransition } from '../../platform/lifecycle/run-transition.js';
import { getGroup, type GroupRow } from '../organisation/index.js';
import { appointInTx } from '../people/index.js';
import { nominationPolicy } from './policy.js';
import * as repo from './repository.js';
import { DECISION_ACTION, nominationLifecycle } from './rules/nomination.js';
import type { DecideBody } from './schemas.js';

export type DecisionBody = Omit<Static<typeof DecideBody>, 'version'>;

/** The nomination and its group, both locked: the decision appoints to the group. */
export async function lockNomination(q: Queryable, id: string, opts: { lockGroup: boolean }) {
  const n = await repo.getNomination(q, id, { forUpdate: true });
  const group = n ? await getGroup(q, n.groupId, { forUpdate: opts.lockGroup }) : undefined;
  return n && group ? { ...n, group } : undefined;
}

export type LockedNomination = repo.NominationRecord & { group: GroupRow };

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
    const policy = nominationPolicy(ctx, tx);
    // Filled in by apply, read by the audit event runTransition writes after it.
    const decided = {
      decisionDate: input.decisionDate,
      reference: input.reference.trim(),
      reason: input.reason?.trim() || null,
      membershipId: null as string | null,
    };
    const { row } = await runTransition(tx, ctx, nominationLifecycle, {
      id,
      action: DECISION_ACTION[input.decision],
      version,
      lock: (q) => lockNomination(q, id, { lockGroup: true }),
      authorize: async (_q, n: LockedNomination) => {
        if (!(await policy.maySee(n.group, n))) throw notFound('Nomineringen');
        if (!(await policy.mayDecide(n.group))) throw forbidden('Bara den utseende instansen beslutar om nomineringen.');
      },
      facts: () => Promise.resolve({ decision: { input, today } }),
      apply: async (q, n, to) => {
        const membership =
          to === 'approved'
            ? await appointInTx(
                q,
                ctx,
                n.group,
                {
                  personId: n.personId,
                  role: n.role,
                  startDate: n.startDate,
                  ...(n.endDate ? { endDate: n.endDate } : {}),
                  ...(n.represents ? { represents: n.represents } : {}),
                  ...(input.overrideReason ? { overrideReason: input.overrideReason } : {}),
                  nominationId: n.id,
                },
                { today },
              )
            : undefined;
        decided.membershipId = membership?.id ?? null;
        const after = await repo.decideNominationRow(q, id, version, {
          status: to,
          decisionDate: decided.decisionDate,
          reference: decided.reference,
          reason: decided.reason,
          decidedBy: actor.via === 'system' ? null : actor.userId,
          membershipId: decided.membershipId,
        });
        if (!after) throw staleVersion(n.version);
        return after;
      },
      auditDetails: decided,
    });
    return (await repo.getNomination(tx, row.id))!;
  });
}
