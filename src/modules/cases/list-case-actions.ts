import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { presentAction } from './presenter.js';
import { readableCase } from './read-case.js';
import * as repo from './repository.js';
import { showsSecret } from './scope.js';

/** The case's action items, open ones first; a secret case's titles masked for who may not read them. */
export async function listCaseActions(db: Db, ctx: Ctx, id: string) {
  const show = showsSecret(await readableCase(db, ctx, id), ctx.actor);
  return (await repo.actionsOf(db, id)).map((a) => presentAction(a, show));
}
