import type { Static } from 'typebox';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { assertCanRead, may } from './policy.js';
import * as repo from './repository.js';
import type { ClassificationQuery } from './classification-schemas.js';

/**
 * A region's klassificeringsstruktur in code order, for those who read the region's cases (404
 * otherwise, as for its cases). Active entries only, unless inactive ones are asked for; with
 * whether the caller may keep the structure.
 */
export async function listCaseClassifications(db: Queryable, ctx: Ctx, query: Static<typeof ClassificationQuery>) {
  requireActor(ctx.actor);
  await assertCanRead(db, ctx, query.region);
  return {
    items: await repo.classificationsOf(db, query.region, query.includeInactive ?? false),
    canManage: await may(db, ctx, 'cases.classification', query.region),
  };
}
