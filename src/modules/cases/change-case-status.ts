import type { Static } from 'typebox';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, Problem, staleVersion, unprocessable } from '../../platform/errors.js';
import * as repo from './repository.js';
import type { TransitionBody } from './schemas.js';
import { assertCanRead } from './policy.js';
import { isClosed, targetOfPersonAction } from './rules/lifecycle.js';
import { transitionCase } from './transition-case.js';

export type ChangeCaseStatusInput = Omit<Static<typeof TransitionBody>, 'version'>;

/**
 * A handler moves a case in its lifecycle (registrerad → under beredning → för beslut → beslutad →
 * under genomförande → avslutad; återremitterad, bordlagd), from the version they last saw.
 *
 * Closing a case is the move to "avslutad": it needs every action item done (422 otherwise, the
 * rule is in rules/lifecycle.ts), and closing a case that is already closed is a 409 that says so.
 * The state machine, history row and audit event are in transition-case.ts.
 */
export async function changeCaseStatus(db: Db, ctx: Ctx, id: string, version: number, input: ChangeCaseStatusInput) {
  requireActor(ctx.actor);
  const { to: named, action, ...opts } = input;
  // The body names the action, or (as integrators always have) the status it leads to.
  const to = named ?? (action ? targetOfPersonAction(action) : undefined);
  if (!to || (named && action && targetOfPersonAction(action) !== named)) {
    const message = to ? 'Åtgärden leder inte till den angivna statusen.' : 'Ange åtgärden eller statusen ärendet ska till.';
    throw unprocessable(message, [{ path: to ? 'action' : 'to', message }]);
  }
  await db.transaction(async (tx) => {
    const c = await repo.lockCase(tx, id);
    if (!c) throw notFound('Ärendet');
    await assertCanRead(tx, ctx, c.region);
    if (c.version !== version) {
      // A second "close" of a closed case is a conflict either way; say which.
      if (isClosed(c.status)) throw new Problem(409, 'Konflikt', 'Ärendet är redan avslutat.');
      throw staleVersion(c.version);
    }
    await transitionCase(tx, ctx, id, to, {
      ...(opts.reason !== undefined ? { reason: opts.reason } : {}),
      ...(opts.forumGroupId !== undefined ? { forumGroupId: opts.forumGroupId } : {}),
      ...(opts.decisionRef !== undefined ? { decisionRef: opts.decisionRef } : {}),
    });
  });
}
