import { todayInSweden } from '../../../platform/clock.js';
import type { Ctx } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import { runTransition } from '../../../platform/lifecycle/index.js';
import { repository as kRepo } from '../../knowledge/index.js';
import { applyVersionTransition } from '../../knowledge/index.js';
import { authorizeRounds } from '../policy.js';
import { isOnRemiss, roundLifecycle } from '../rules/round-lifecycle.js';
import * as repo from './repository.js';

/**
 * Cancels a round (with a reason), through the round's lifecycle. The version goes back to
 * under framtagande when no other active round consults it.
 */
export async function cancelRound(db: Db, ctx: Ctx, id: string, version: number, input: { reason: string }) {
  return db.transaction(async (tx) => {
    const { row: before } = await runTransition(tx, ctx, roundLifecycle, {
      id,
      action: 'cancel',
      version,
      reason: input.reason,
      lock: (q) => repo.getRound(q, id, { forUpdate: true }),
      authorize: () => authorizeRounds(ctx),
      apply: async (q, row, _to, reason) => {
        await repo.cancelRoundRow(q, id, row.version, reason ?? '');
        return { version: row.version + 1 };
      },
    });
    const others = (
      await repo.listRounds(tx, { supportVersionId: before.supportVersionId, phase: 'aktuell', today: '0001-01-01', limit: 10 })
    ).filter((r) => r.id !== id);
    const v = await kRepo.getVersion(tx, before.supportVersionId, { forUpdate: true });
    if (v && isOnRemiss(v.status) && others.length === 0) {
      await applyVersionTransition(tx, ctx, v, 'under-framtagande', todayInSweden());
    }
    return (await repo.getRound(tx, id))!;
  });
}
