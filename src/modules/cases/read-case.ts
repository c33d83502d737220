import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { assertCanRead, masked, permissionsOn } from './policy.js';
import * as repo from './repository.js';

/** The case page's view of a case (GET /api/v1/cases/{id}): its flow fields and what the caller may do with it. */
export async function readCase(db: Queryable, ctx: Ctx, id: string) {
  requireActor(ctx.actor);
  return detail(db, ctx, id);
}

/**
 * The detail of a case for a caller already known to be signed in (the lists build on it), with
 * the caller's permissions and the lifecycle actions offered now (`allowedActions`, from the
 * declaration in rules/lifecycle.ts and the policy).
 */
export async function detail(db: Queryable, ctx: Ctx, id: string) {
  const c = await repo.getCaseDetail(db, id);
  if (!c) throw notFound('Ärendet');
  await assertCanRead(db, ctx, c.region);
  return { ...masked(c, ctx.actor), ...(await permissionsOn(db, ctx, c)) };
}

/**
 * A case the caller may read, for the reads of its parts (history, actions, links, documents):
 * 401 when signed out, 404 when unknown or in a region where the caller has no role.
 */
export async function readableCase(db: Queryable, ctx: Ctx, id: string) {
  requireActor(ctx.actor);
  const c = await repo.getCase(db, id);
  if (!c) throw notFound('Ärendet');
  await assertCanRead(db, ctx, c.region);
  return c;
}
