import { can } from '../../platform/auth/policy.js';
import type { Actor } from '../../platform/context.js';
import { ownerScope } from '../organisation/check-group.js';
import type { Geography } from '../organisation/rules/structure.js';

/**
 * Who may nominate to a group: someone who nominates for its owner, or — since the regions
 * nominate to the bodies above them — for a region that belongs to its healthcare region, or
 * for any region or healthcare region when the group is national.
 */
export function mayNominate(actor: Actor | undefined, group: { level: string; owner: string }, geo: Geography): boolean {
  if (!actor) return false;
  if (can(actor, 'nominations.submit', ownerScope(group.owner, geo))) return true;
  const below =
    group.level === 'national'
      ? [...geo.healthcareRegionIds, ...geo.regionHealthcareRegions.keys()]
      : group.level === 'healthcare-region'
        ? [...geo.regionHealthcareRegions.entries()].filter(([, hrs]) => hrs.includes(group.owner)).map(([code]) => code)
        : [];
  return below.some((o) => can(actor, 'nominations.submit', ownerScope(o, geo)));
}

/** The appointing body's administrators decide: coordinators of the group's owner. */
export const mayDecide = (actor: Actor | undefined, group: { owner: string }, geo: Geography) =>
  can(actor, 'nominations.decide', ownerScope(group.owner, geo));
