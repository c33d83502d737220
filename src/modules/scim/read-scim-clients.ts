import { authorize } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { scimPolicy } from './policy.js';
import * as repo from './repository.js';

/** The live clients in the registers where the caller may manage SCIM clients. */
export async function readScimClients(db: Db, ctx: Ctx) {
  const policy = scimPolicy(ctx, db);
  const geo = await policy.scope.geography();
  const owners = ['national', ...geo.healthcareRegionIds, ...geo.regionHealthcareRegions.keys()];
  const allowed: string[] = [];
  for (const o of owners) if (await policy.mayManage(o)) allowed.push(o);
  authorize(ctx.actor, 'scim.manage', allowed.length ? await policy.scope.of(allowed[0]!) : undefined);
  return repo.listClients(db, allowed.includes('national') ? undefined : allowed);
}
