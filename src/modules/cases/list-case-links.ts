import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { readableCase } from './read-case.js';
import * as repo from './repository.js';
import { canReadSecret } from './policy.js';

/**
 * Links to other cases, knowledge supports and consultation rounds (links between cases show
 * both ways), with whether the caller may see the linked secret cases' subjects.
 */
export async function listCaseLinks(db: Db, ctx: Ctx, id: string) {
  const c = await readableCase(db, ctx, id);
  return { links: await repo.linksOf(db, id), secretOk: canReadSecret(ctx.actor, c.region) };
}
