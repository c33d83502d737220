import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { readableCase } from './read-case.js';
import * as repo from './repository.js';
import { canReadSecret } from './policy.js';

/**
 * The case's audit trail: every change of the case, its action items and documents. In a secret
 * case the changed values are shown only to those who read secret material in its region.
 */
export async function readCaseHistory(db: Db, ctx: Ctx, id: string) {
  const c = await readableCase(db, ctx, id);
  const secretOk = !c.secret || canReadSecret(ctx.actor, c.region);
  return (await repo.historyOf(db, id)).map((e) => ({ ...e, after: secretOk ? (e.after ?? null) : null }));
}
