import type { Ctx } from '../context.js';
import type { Queryable } from '../db/index.js';
import { versionsReadFirst } from '../db/read-first.js';
import { can, type Permission, type TargetScope } from './policy.js';

/** The country's shape as the policy needs it: which healthcare regions there are and who belongs where. */
export interface Geography {
  healthcareRegionIds: ReadonlySet<string>;
  /** county code → the healthcare regions it belongs to (Halland: two) */
  regionHealthcareRegions: ReadonlyMap<string, readonly string[]>;
  programAreaIds: ReadonlySet<string>;
}

/** The scope an owner stands for, for the policy: the nation, a healthcare region or a region. */
export function ownerScope(owner: string, geo: Geography): TargetScope {
  if (owner === 'national') return { type: 'system' };
  if (geo.healthcareRegionIds.has(owner)) return { type: 'healthcare-region', id: owner };
  return { type: 'region', code: owner, healthcareRegionIds: geo.regionHealthcareRegions.get(owner) ?? [] };
}

export type GeographyLoader = (db: Queryable) => Promise<Geography>;
let loadGeography: GeographyLoader | undefined;

/** The composition root (src/server.ts, src/jobs.ts) says where the geography comes from (the organisation module). */
export function provideGeography(loader: GeographyLoader): void {
  loadGeography = loader;
}

/**
 * The caller's scope for one request (or job): the geography is read once and kept on the
 * request's context, so a use case and every check it makes ask the same answer without
 * querying again. Each module's policy file asks it: "which owner scope is this object in, and
 * may the caller do this there?".
 */
export interface RequestScope {
  geography(): Promise<Geography>;
  /** The policy scope of an owner (a region code, a healthcare region id or 'national'). */
  of(owner: string): Promise<TargetScope>;
  /** Whether the caller holds the permission at the owner's scope. */
  may(permission: Permission, owner: string): Promise<boolean>;
  /** The regions (county codes) where the caller holds the permission, for list filters. */
  regionsWith(permission: Permission): Promise<string[]>;
  /**
   * Where the caller holds the permission, for a list filter in SQL over objects with an owner
   * (and over groups): the same answer as `can` for each one, decided once per owner.
   */
  reach(permission: Permission): Promise<Reach>;
}

/**
 * Where a permission reaches: everywhere, or objects whose owner is one of `owners`, or groups
 * whose id is one of `groups` (a role held in the group itself).
 */
export interface Reach {
  everywhere: boolean;
  owners: string[];
  groups: string[];
}

const scopes = new WeakMap<Ctx, RequestScope>();

/**
 * The geography as last read through a database handle, with the version of the 'reference'
 * topic read before it: a request that read the same version first (a signed-in read) uses it
 * without a query. A geography read after a version is never older than that version.
 */
const kept = new WeakMap<Queryable, { version: string; geography: Promise<Geography> }>();

function keptGeography(db: Queryable, version: string, load: GeographyLoader): Promise<Geography> {
  const known = kept.get(db);
  if (known?.version === version) return known.geography;
  const geography = load(db);
  kept.set(db, { version, geography });
  geography.catch(() => {
    if (kept.get(db)?.geography === geography) kept.delete(db);
  });
  return geography;
}

/** The request's scope resolver, made on first use and kept with the context. */
export function requestScope(ctx: Ctx, db: Queryable): RequestScope {
  const known = scopes.get(ctx);
  if (known) return known;
  let geo: Promise<Geography> | undefined;
  const geography = () => {
    if (!loadGeography) throw new Error('provideGeography() was not called by the composition root');
    const version = versionsReadFirst(ctx)?.reference;
    geo ??= version === undefined ? loadGeography(db) : keptGeography(db, String(version), loadGeography);
    return geo;
  };
  const scope: RequestScope = {
    geography,
    of: async (owner) => ownerScope(owner, await geography()),
    may: async (permission, owner) => can(ctx.actor, permission, ownerScope(owner, await geography())),
    regionsWith: async (permission) => {
      const g = await geography();
      return [...g.regionHealthcareRegions.keys()].filter((r) => can(ctx.actor, permission, ownerScope(r, g)));
    },
    reach: async (permission) => {
      const g = await geography();
      const held = ctx.actor?.roles ?? [];
      // Every owner the geography knows, and any other the caller holds a role at (ownerScope
      // takes an unknown owner for a region of its own).
      const owners = new Set(['national', ...g.healthcareRegionIds, ...g.regionHealthcareRegions.keys()]);
      for (const r of held) if (r.scopeType === 'region') owners.add(r.scopeId);
      const system: TargetScope = { type: 'system' };
      return {
        everywhere: can(ctx.actor, permission, system),
        owners: [...owners].filter((o) => can(ctx.actor, permission, ownerScope(o, g))),
        groups: held
          .filter((r) => r.scopeType === 'group')
          .map((r) => r.scopeId)
          .filter((id) => can(ctx.actor, permission, { type: 'group', id, owner: system })),
      };
    },
  };
  scopes.set(ctx, scope);
  return scope;
}
