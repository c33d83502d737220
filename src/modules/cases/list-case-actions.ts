import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { allowedActions } from '../../platform/lifecycle/index.js';
import { may, showsSecret } from './policy.js';
import { presentAction } from './presenter.js';
import { readableCase } from './read-case.js';
import * as repo from './repository.js';
import { actionItemLifecycle, isClosed } from './rules/lifecycle.js';

/**
 * The case's action items, open ones first; a secret case's titles masked for who may not read
 * them. Each item carries what the caller may do with it now (complete or reopen: case handlers,
 * while the case is open).
 */
export async function listCaseActions(db: Db, ctx: Ctx, id: string) {
  const c = await readableCase(db, ctx, id);
  const show = showsSecret(c, ctx.actor);
  const canHandle = await may(db, ctx, 'cases.handle', c.region);
  const facts = { caseClosed: isClosed(c.status) };
  return (await repo.actionsOf(db, id)).map((a) => ({
    ...presentAction(a, show),
    allowedActions: allowedActions(actionItemLifecycle, a.status, facts, () => canHandle),
  }));
}
