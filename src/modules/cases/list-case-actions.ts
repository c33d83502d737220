import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { readableCase } from './read-case.js';
import * as repo from './repository.js';

/** The case's action items, open ones first. */
export async function listCaseActions(db: Db, ctx: Ctx, id: string) {
  await readableCase(db, ctx, id);
  return repo.actionsOf(db, id);
}
