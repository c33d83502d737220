import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { presentTransition } from './presenter.js';
import { readableCase } from './read-case.js';
import * as repo from './repository.js';
import { showsSecret } from './policy.js';

/** The case's status history: every transition and escalation with who, when and why (a secret case's reasons masked). */
export async function listCaseTransitions(db: Db, ctx: Ctx, id: string) {
  const show = showsSecret(await readableCase(db, ctx, id), ctx.actor);
  return (await repo.transitionsOf(db, id)).map((t) => presentTransition(t, show));
}
