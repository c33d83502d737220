import { authorize, requireActor } from '../../platform/auth/policy.js';
import { requestScope, type Geography } from '../../platform/auth/scope.js';
import type { Actor, Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { notFound, unprocessable } from '../../platform/errors.js';
import { levelOfOwner } from '../organisation/index.js';
import * as repo from './repository.js';

/**
 * The SCIM module's one policy. Two kinds of caller:
 *  - an administrator manages SCIM clients (scim.manage at the client's owner);
 *  - a SCIM client, by its bearer credential, manages the users provisioned into the registers
 *    its owner covers: the nation covers all; a healthcare region covers itself and its
 *    regions; a region covers itself. A user outside them does not exist for the client (404).
 */
export interface ScimClientIdentity {
  id: string;
  name: string;
  owner: string;
}

/** The owners a client's owner covers; undefined means every owner (a national client). */
export function ownersCoveredBy(owner: string, geo: Geography): string[] | undefined {
  if (owner === 'national') return undefined;
  if (geo.healthcareRegionIds.has(owner)) {
    return [owner, ...[...geo.regionHealthcareRegions].filter(([, hrs]) => hrs.includes(owner)).map(([code]) => code)];
  }
  return [owner];
}

export function covers(owners: string[] | undefined, owner: string): boolean {
  return owners === undefined || owners.includes(owner);
}

/** Who a SCIM client's changes are recorded as in the audit trail: no person, no roles. */
export function scimActor(client: ScimClientIdentity): Actor {
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    email: `scim:${client.id}`,
    name: `SCIM-klient ${client.name}`,
    roles: [],
    via: 'system',
  };
}

export function scimPolicy(ctx: Ctx, db: Queryable) {
  const scope = requestScope(ctx, db);
  return {
    scope,
    /** The owners the client may touch, read once per request. */
    async ownersOf(client: ScimClientIdentity): Promise<string[] | undefined> {
      return ownersCoveredBy(client.owner, await scope.geography());
    },
    /** An administrator may manage clients of this owner; an unknown owner is the caller's 422. */
    async assertManageAt(owner: string): Promise<void> {
      authorize(ctx.actor, 'scim.manage', await scope.of(owner));
      if (!levelOfOwner(owner, await scope.geography())) {
        throw unprocessable(
          `Okänd ägare "${owner}". Ange national, en sjukvårdsregion (t.ex. sodra) eller en länskod (t.ex. 10).`,
          [{ path: 'owner', message: 'okänd ägare' }],
        );
      }
    },
    async mayManage(owner: string): Promise<boolean> {
      return scope.may('scim.manage', owner);
    },
  };
}

/** A live client the caller may manage, locked; any other is 404 (401 for anonymous callers). */
export async function loadManagedClient(tx: Queryable, ctx: Ctx, id: string, opts: { lock?: boolean } = {}) {
  requireActor(ctx.actor);
  const row = await repo.getClient(tx, id, { forUpdate: opts.lock !== false });
  if (!row || row.revokedAt || !(await scimPolicy(ctx, tx).mayManage(row.owner))) throw notFound('SCIM-klienten');
  return row;
}
