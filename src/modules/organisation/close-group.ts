import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { staleVersion } from '../../platform/errors.js';
import { runTransition } from '../../platform/lifecycle/run-transition.js';
import { activeMembershipCount } from '../people/index.js';
import { groupPolicy } from './policy.js';
import * as repo from './repository.js';
import { groupLifecycle, isGroupActive } from './rules/group-lifecycle.js';
import type { CloseGroupBody } from './schemas.js';

export type CloseGroupInput = Omit<Static<typeof CloseGroupBody>, 'version'>;

/**
 * Closing keeps the group and its history; it only ends it. A group with active groups below
 * it, or with assignments running past the end date, cannot close: 409 names what blocks.
 */
export async function closeGroup(db: Db, ctx: Ctx, id: string, version: number, input: CloseGroupInput) {
  return db.transaction(async (tx) => {
    const policy = groupPolicy(ctx, tx);
    const { row } = await runTransition(tx, ctx, groupLifecycle, {
      id,
      action: 'close',
      version,
      lock: (q) => repo.getGroup(q, id, { forUpdate: true }),
      authorize: async (_q, g: repo.GroupRow) => {
        await policy.assertWrite(g.owner);
      },
      facts: async (q, g) => ({
        close: {
          startDate: g.startDate,
          endDate: input.endDate,
          activeChildren: (await repo.childrenOf(q, id)).filter((c) => isGroupActive(c.status)).map((c) => c.name),
          membersAfterEnd: await activeMembershipCount(q, id, input.endDate),
        },
      }),
      apply: async (q, g, to) => {
        const after = await repo.endGroup(q, id, version, {
          status: to,
          endDate: input.endDate,
          reason: input.reason ?? null,
          mergedInto: null,
        });
        if (!after) throw staleVersion(g.version);
        return after;
      },
      auditDetails: { endDate: input.endDate, closedReason: input.reason ?? null },
    });
    return (await repo.getGroup(tx, row.id))!;
  });
}
