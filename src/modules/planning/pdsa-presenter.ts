import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { allowedActions } from '../../platform/lifecycle/index.js';
import type { PdsaRow } from './pdsa-repository.js';
import { mayWritePdsa } from './policy.js';
import { pdsaLifecycle } from './rules/pdsa.js';

/** A cycle as the audit trail keeps it. */
export const pdsaAudit = (p: PdsaRow) => ({
  id: p.id,
  indicatorId: p.indicator_id,
  regionCode: p.region_code,
  groupId: p.group_id,
  title: p.title,
  phase: p.phase,
  plan: p.plan_text,
  do: p.do_text,
  study: p.study_text,
  act: p.act_text,
  startedOn: p.started_on,
  version: p.version,
});
export type PdsaAudit = ReturnType<typeof pdsaAudit>;

/** A cycle for the caller: whether they may write in it, and the step they may take. */
export async function presentPdsa(db: Queryable, ctx: Ctx, p: PdsaRow) {
  const mayEdit = await mayWritePdsa(ctx, db, p.region_code);
  return { ...pdsaAudit(p), mayEdit, allowedActions: allowedActions(pdsaLifecycle, p.phase, {}, () => mayEdit) };
}
