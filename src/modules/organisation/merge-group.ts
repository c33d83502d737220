import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { staleVersion } from '../../platform/errors.js';
import { runTransition } from '../../platform/lifecycle/run-transition.js';
import { assertVisible } from '../visible.js';
import { groupPolicy } from './policy.js';
import * as repo from './repository.js';
import { groupLifecycle } from './rules/group-lifecycle.js';
import type { MergeGroupBody } from './schemas.js';

export type MergeGroupInput = Omit<Static<typeof MergeGroupBody>, 'version'>;

/**
 * Merges a group into another of the same owner and level: the merged group ends (kept, with a
 * pointer to the survivor); its active sub-groups and mirrors move to the survivor.
 */
export async function mergeGroup(db: Db, ctx: Ctx, id: string, version: number, input: MergeGroupInput) {
  return db.transaction(async (tx) => {
    const policy = groupPolicy(ctx, tx);
    // Filled in by apply, read by the audit event runTransition writes after it.
    const moved: { movedChildren: string[]; movedMirrors: string[] } = { movedChildren: [], movedMirrors: [] };
    await runTransition(tx, ctx, groupLifecycle, {
      id,
      action: 'merge',
      version,
      lock: (q) => repo.getGroup(q, id, { forUpdate: true }),
      authorize: async (_q, g: repo.GroupRow) => {
        await policy.assertWrite(g.owner);
      },
      facts: async (q, g) => {
        await assertVisible(q, ctx, { group: input.intoGroupId });
        return { merge: { target: await repo.getGroup(q, input.intoGroupId, { forUpdate: true }), self: g } };
      },
      apply: async (q, g, to) => {
        moved.movedChildren = await repo.reparentChildren(q, g.id, input.intoGroupId);
        moved.movedMirrors = await repo.remirror(q, g.id, input.intoGroupId);
        const after = await repo.endGroup(q, g.id, version, {
          status: to,
          endDate: input.endDate,
          reason: null,
          mergedInto: input.intoGroupId,
        });
        if (!after) throw staleVersion(g.version);
        return after;
      },
      auditDetails: Object.assign(moved, { endDate: input.endDate, mergedIntoGroupId: input.intoGroupId }),
    });
    for (const childId of [...moved.movedChildren, ...moved.movedMirrors]) {
      await recordAudit(tx, ctx, {
        entityType: 'group',
        entityId: childId,
        action: 'reparent',
        before: { from: id },
        after: { to: input.intoGroupId },
      });
    }
    return (await repo.getGroup(tx, id))!;
  });
}
