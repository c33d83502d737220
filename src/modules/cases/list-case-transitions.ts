import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { readableCase } from './read-case.js';
import * as repo from './repository.js';

/** The case's status history: every transition and escalation with who, when and why. */
export async function listCaseTransitions(db: Db, ctx: Ctx, id: string) {
  await readableCase(db, ctx, id);
  return repo.transitionsOf(db, id);
}
