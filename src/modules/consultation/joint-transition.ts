import { todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { runTransition } from '../../platform/lifecycle/index.js';
import { requireJointStep, type JointAccess } from './policy.js';
import { loadJoint } from './read-joint-answer.js';
import * as repo from './repository.js';
import { jointLifecycle, type JointAction, type JointFacts } from './rules/joint-lifecycle.js';

/** One step of a joint answer through the lifecycle engine: 404 hidden → 403 policy → 409 version → 422 rules. */
export async function moveJoint(
  tx: Queryable,
  ctx: Ctx,
  id: string,
  action: JointAction,
  m: {
    version: number;
    date: NonNullable<JointFacts['date']>;
    set: repo.JointSet;
    auditDetails: Record<string, unknown>;
    today?: string | undefined;
  },
) {
  let access: JointAccess | undefined;
  return runTransition(tx, ctx, jointLifecycle, {
    id,
    action,
    version: m.version,
    lock: async (q) => {
      const l = await loadJoint(q, ctx, id, { forUpdate: true });
      access = l.access;
      return l.joint;
    },
    authorize: () => requireJointStep(access!, action),
    facts: () => Promise.resolve({ today: m.today ?? todayInSweden(), date: m.date }),
    apply: async (q, row, to) => {
      await repo.updateJoint(q, id, row.version, { status: to, ...m.set });
      return { version: row.version + 1 };
    },
    auditDetails: m.auditDetails,
  });
}
