import type { Static } from 'typebox';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, staleVersion } from '../../platform/errors.js';
import { runTransition } from '../../platform/lifecycle/run-transition.js';
import { lockNomination, type LockedNomination } from './decide-nomination.js';
import { nominationPolicy } from './policy.js';
import * as repo from './repository.js';
import { nominationLifecycle } from './rules/nomination.js';
import type { WithdrawBody } from './schemas.js';

export type WithdrawInput = Omit<Static<typeof WithdrawBody>, 'version'>;

/** The nominating side takes its nomination back while it is open. */
export async function withdrawNomination(db: Db, ctx: Ctx, id: string, version: number, input: WithdrawInput) {
  requireActor(ctx.actor);
  const actor = ctx.actor;
  const reason = input.reason?.trim() || null;
  return db.transaction(async (tx) => {
    const policy = nominationPolicy(ctx, tx);
    const { row } = await runTransition(tx, ctx, nominationLifecycle, {
      id,
      action: 'withdraw',
      version,
      reason,
      lock: (q) => lockNomination(q, id, { lockGroup: false }),
      authorize: async (_q, n: LockedNomination) => {
        if (!(await policy.maySee(n.group, n))) throw notFound('Nomineringen');
      },
      apply: async (q, n, to) => {
        const after = await repo.decideNominationRow(q, id, version, {
          status: to,
          decisionDate: null,
          reference: null,
          reason,
          decidedBy: actor.via === 'system' ? null : actor.userId,
          membershipId: null,
        });
        if (!after) throw staleVersion(n.version);
        return after;
      },
    });
    return (await repo.getNomination(tx, row.id))!;
  });
}
