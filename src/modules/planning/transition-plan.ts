/** Agreeing (förankra) or establishing (fastställa, with a decision) a plan, by the plan's lifecycle. */
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { unprocessable } from '../../platform/errors.js';
import { runTransition } from '../../platform/lifecycle/index.js';
import './audit.js';
import { getPlan } from './plan-queries.js';
import { authorizePlanWrite } from './policy.js';
import * as repo from './repository.js';
import { ACTION_TO, checkStepFields, planLifecycle } from './rules/plan.js';
import type { TransitionPlanInput } from './schemas.js';

export async function transitionPlan(db: Db, ctx: Ctx, id: string, version: number, t: Omit<TransitionPlanInput, 'version'>) {
  return db.transaction(async (tx) => {
    const action = ACTION_TO[t.to];
    const details = {
      agreedWith: t.agreedWith ?? null,
      decisionRef: t.decisionRef ?? null,
      establishedOn: t.establishedOn ?? null,
    };
    await runTransition(tx, ctx, planLifecycle, {
      id,
      action,
      version,
      lock: async (q) => {
        await repo.lockPlanRow(q, id);
        const p = await getPlan(q, id);
        return p && { ...p, status: p.state };
      },
      authorize: async (q, p) => {
        await authorizePlanWrite(ctx, q, p.groupId);
      },
      apply: async (q, _p, to) => {
        // The step's own fields, asked once the plan is known to be at the right step.
        const missing = checkStepFields(action, t);
        if (missing) throw unprocessable(missing.message, missing.errors);
        await repo.setPlanState(q, id, { state: to, ...details });
        return { version: (await repo.getPlanRow(q, id))!.version };
      },
      auditDetails: details,
    });
    return (await getPlan(tx, id))!;
  });
}
