/** Target scopes for follow-up writes: a region, an owner (national/healthcare region/region), a group. */
import type { TargetScope } from '../../platform/auth/policy.js';
import type { Queryable } from '../../platform/db/index.js';
import { notFound, unprocessable } from '../../platform/errors.js';
import { ownerScope } from '../organisation/check-group.js';
import { geography, getGroup, type GroupRow } from '../organisation/repository.js';
import { ownerExists } from './repository.js';

export async function regionScope(db: Queryable, code: string, field = '/regionCode'): Promise<TargetScope> {
  const rows = await db.query<{ ids: string[] }>(
    `SELECT COALESCE(array_agg(m.healthcare_region_id) FILTER (WHERE m.healthcare_region_id IS NOT NULL), '{}') AS ids
     FROM regions r LEFT JOIN healthcare_region_members m ON m.region_code = r.code WHERE r.code = $1 GROUP BY r.code`,
    [code],
  );
  if (!rows[0]) throw unprocessable(`Regionen ${code} finns inte.`, [{ path: field, message: 'Okänd region' }]);
  return { type: 'region', code, healthcareRegionIds: rows[0].ids };
}

export async function ownerTarget(db: Queryable, owner: string): Promise<TargetScope> {
  return ownerScope(owner, await geography(db));
}

/** The scope of a goal's owner (national, a healthcare region or a region); 422 when there is no such owner. */
export async function knownOwnerTarget(db: Queryable, owner: string): Promise<TargetScope> {
  const known = owner === 'national' || (await ownerExists(db, owner));
  const scope = known ? await ownerTarget(db, owner).catch(() => undefined) : undefined;
  if (!scope) {
    throw unprocessable('Ägaren finns inte.', [
      { path: '/owner', message: 'Ange national, en sjukvårdsregion eller en regionkod.' },
    ]);
  }
  return scope;
}

/** A group and the scope that covers it; 404 when unknown. */
export async function groupTarget(db: Queryable, id: string, what = 'Gruppen'): Promise<{ group: GroupRow; scope: TargetScope }> {
  const group = await getGroup(db, id);
  if (!group) throw notFound(what);
  const owner = ownerScope(group.owner, await geography(db));
  return { group, scope: { type: 'group', id: group.id, owner } };
}
