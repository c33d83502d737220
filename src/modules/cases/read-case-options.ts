import { can, requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { forbidden } from '../../platform/errors.js';
import { ownerScope } from '../organisation/index.js';
import { geography } from '../organisation/index.js';
import * as repo from './repository.js';

/** The choices for a case in a region: deciding forums and councils, groups to assign and persons. */
export async function readCaseOptions(db: Db, ctx: Ctx, region: string) {
  requireActor(ctx.actor);
  const geo = await geography(db);
  if (!geo.regionHealthcareRegions.has(region) || !can(ctx.actor, 'cases.read', ownerScope(region, geo))) {
    throw forbidden('Du har ingen roll för ärenden i regionen.');
  }
  const groups = await repo.regionGroups(db, region);
  const persons = await repo.regionPersons(db, region);
  const opt = (g: repo.GroupRef) => ({ id: g.id, name: g.name, kind: g.kind });
  return {
    forums: groups.filter((g) => ['forum', 'council', 'steering-group', 'political-body'].includes(g.kind)).map(opt),
    groups: groups.filter((g) => g.kind !== 'political-body').map(opt),
    persons,
  };
}
