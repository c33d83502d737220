import type { Static } from 'typebox';
import { requireActor } from '../../platform/auth/policy.js';
import { todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, forbidden, notFound } from '../../platform/errors.js';
import { runTransition } from '../../platform/lifecycle/run-transition.js';
import { peoplePolicy, reviewsOwn } from './policy.js';
import * as repo from './repository.js';
import { declarationLifecycle, isApproval, REVIEW_ACTION } from './rules/declaration-lifecycle.js';
import { addYears, DEFAULT_JAV_VALIDITY_YEARS } from './rules/membership.js';
import type { ReviewBody } from './schemas.js';

export type ReviewInput = Static<typeof ReviewBody>;
export type Decision = ReviewInput['decision'];

/**
 * A designated reviewer decides. Nobody reviews their own declaration. An approval holds until
 * the re-assessment date (three years by default) or until the person declares anew.
 */
export async function reviewJavDeclaration(
  db: Db,
  ctx: Ctx,
  id: string,
  input: ReviewInput,
  opts: { validityYears?: number; today?: string } = {},
) {
  requireActor(ctx.actor);
  const actor = ctx.actor;
  const restrictions = input.restrictions ?? [];
  // Filled in by apply, read by the audit event runTransition writes after it.
  const reviewed: { validUntil: string | null; restrictionCount: number } = {
    validUntil: null,
    restrictionCount: restrictions.length,
  };
  return db.transaction(async (tx) => {
    const policy = peoplePolicy(ctx, tx);
    const geo = await policy.scope.geography();
    const { row } = await runTransition(tx, ctx, declarationLifecycle, {
      id,
      action: REVIEW_ACTION[input.decision],
      lock: (q) => repo.getDeclaration(q, id, { forUpdate: true }),
      authorize: async (q, decl: repo.DeclarationRecord) => {
        const person = await repo.getPerson(q, decl.personId);
        if (!person || !(await policy.maySee(person))) throw notFound('Jävsdeklarationen');
        if (reviewsOwn(actor, person, decl)) throw forbidden('Du kan inte granska din egen jävsdeklaration.');
        if (!(await policy.mayReview(person))) throw forbidden('Du är inte utsedd att granska jävsdeklarationer här.');
      },
      facts: () =>
        Promise.resolve({
          restrictions: restrictions.length,
          comment: input.comment ?? null,
          unknownProgramArea: restrictions.some((r) => r.programAreaId && !geo.programAreaIds.has(r.programAreaId)),
        }),
      apply: async (q, _decl, to) => {
        const today = opts.today ?? todayInSweden();
        const after = await repo.reviewDeclaration(q, id, {
          status: to,
          reviewedBy: actor.via === 'system' ? null : actor.userId,
          comment: input.comment ?? null,
          restrictions,
          validUntil: !isApproval(to) ? null : addYears(today, opts.validityYears ?? DEFAULT_JAV_VALIDITY_YEARS),
        });
        if (!after) throw conflict('Deklarationen granskades samtidigt av någon annan.');
        reviewed.validUntil = after.validUntil;
        return after;
      },
      auditDetails: reviewed,
    });
    return (await repo.getDeclaration(tx, row.id))!;
  });
}
