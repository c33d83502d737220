import { can, requireActor } from '../../platform/auth/policy.js';
import type { Actor, Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { presentCaseDetail } from './presenter.js';
import * as repo from './repository.js';
import { nextStatuses, TRIAGEABLE, ESCALATABLE, type CaseStatus } from './rules/lifecycle.js';
import { assertCanRead, canReadSecret, masked } from './scope.js';

/** The case page's view of a case (GET /api/v1/cases/{id}): its flow fields and what the caller may do with it. */
export async function readCase(db: Queryable, ctx: Ctx, id: string) {
  requireActor(ctx.actor);
  return detail(db, id, ctx.actor);
}

/** The detail of a case for a caller already known to be signed in (the lists build on it). */
export async function detail(db: Queryable, id: string, actor: Actor | undefined) {
  const c = await repo.getCaseDetail(db, id);
  if (!c) throw notFound('Ärendet');
  const scope = await assertCanRead(db, actor, c.region_code);
  const canHandle = can(actor, 'cases.handle', scope);
  const canTriage = can(actor, 'cases.triage', scope);
  const status = c.status as CaseStatus;
  const allowed = canHandle
    ? nextStatuses(status).filter((s) => !(c.main_case_id && (s === 'for-beslut' || s === 'beslutad')))
    : [];
  return {
    ...presentCaseDetail(masked(c, actor)),
    allowedTransitions: [...allowed],
    canHandle,
    canTriage: canTriage && TRIAGEABLE.includes(status),
    canEscalate: canHandle && ESCALATABLE.includes(status) && !c.main_case_id,
    // The rule of updateCase: the marking changes only with the right to read secret material in the region.
    canChangeSecrecy: canHandle && canReadSecret(actor, c.region_code),
  };
}

/**
 * A case the caller may read, for the reads of its parts (history, actions, links, documents):
 * 401 when signed out, 404 when unknown or in a region where the caller has no role.
 */
export async function readableCase(db: Queryable, ctx: Ctx, id: string) {
  requireActor(ctx.actor);
  const c = await repo.getCase(db, id);
  if (!c) throw notFound('Ärendet');
  await assertCanRead(db, ctx.actor, c.region_code);
  return c as repo.CaseFlowRow; // SELECT * carries the flow columns (secret)
}
