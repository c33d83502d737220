import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, unprocessable } from '../../platform/errors.js';
import { runTransition } from '../../platform/lifecycle/index.js';
import { assertVisible } from '../visible.js';
import { knowledgePolicy } from './policy.js';
import * as repo from './repository.js';
import { actionTo, checkTransition, supportLifecycle, type LifecycleAction } from './rules/lifecycle.js';
import type { TransitionSupportBody } from './schemas.js';
import type { Static } from 'typebox';

export type TransitionSupportInput = Omit<Static<typeof TransitionSupportBody>, 'version'>;

/**
 * Moves a support along its lifecycle (rules/lifecycle.ts), by the action the caller names or
 * the status it leads to; audited by runTransition. Replacing names the successor when known.
 */
export async function transitionSupport(db: Db, ctx: Ctx, id: string, version: number, input: TransitionSupportInput) {
  return db.transaction(async (tx) => {
    const current = await repo.getSupport(tx, id);
    if (!current) throw notFound('Kunskapsstödet');
    await knowledgePolicy(ctx, tx).assertWriteFor(current.owner);
    const action: LifecycleAction | undefined = input.action ?? (input.status ? actionTo(input.status) : undefined);
    if (!action) throw unprocessable('Ange vart kunskapsstödet ska.', [{ path: '/status', message: 'Välj en ny status.' }]);
    const successor = input.replacedBySupportId ?? null;
    await assertVisible(tx, ctx, { support: successor });
    if (successor) {
      if (action !== 'replace') {
        throw unprocessable('Bara ett ersatt kunskapsstöd har en efterträdare.', [
          { path: '/replacedBySupportId', message: 'Anges bara när statusen blir ersatt.' },
        ]);
      }
      if (successor === id || !(await repo.getSupport(tx, successor))) {
        throw unprocessable('Efterträdaren finns inte.', [
          { path: '/replacedBySupportId', message: 'Välj ett annat kunskapsstöd.' },
        ]);
      }
    }
    await runTransition(tx, ctx, supportLifecycle, {
      id,
      action,
      version,
      reason: input.reason ?? null,
      lock: (q) => repo.getSupport(q, id, { forUpdate: true }),
      authorize: () => undefined,
      // A request naming the target status is told where the support can go from here.
      facts: async (_q, row) => {
        if (input.status && !input.action) {
          const check = checkTransition(row.status, input.status);
          if (!check.ok) throw unprocessable(check.message, [{ path: '/status', message: check.message }]);
        }
        return {};
      },
      apply: (q, _row, to, reason) => repo.setSupportStatus(q, id, to, { reason, replacedBy: successor }),
      ...(successor ? { auditDetails: { replacedBySupportId: successor } } : {}),
    });
    return (await repo.getSupport(tx, id))!;
  });
}
