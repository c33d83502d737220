import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { allowedActions } from '../../platform/lifecycle/index.js';
import type { PdsaRow } from './pdsa-repository.js';
import { mayWritePdsa } from './policy.js';
import { pdsaLifecycle } from './rules/pdsa.js';

/** A cycle as the audit trail keeps it: the row as the API shows it. */
export type PdsaAudit = PdsaRow;

/** A cycle for the caller: whether they may write in it, and the step they may take. */
export async function presentPdsa(db: Queryable, ctx: Ctx, p: PdsaRow) {
  const mayEdit = await mayWritePdsa(ctx, db, p.regionCode);
  return { ...p, mayEdit, allowedActions: allowedActions(pdsaLifecycle, p.phase, {}, () => mayEdit) };
}
