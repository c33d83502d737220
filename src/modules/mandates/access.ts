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

/**
 * Who sees a nomination, motivation included: the appointing body's administrators, the
 * nominators of the body's own organisation, and the nominating side — nominators for the
 * region it represents (or, when it names none, the nominee's home organisation) and the one
 * who made it. A region nominating to a shared body (a healthcare region's or a national one)
 * does not see the other regions' nominees and the motivations about them; the appointment,
 * once decided, is public through the register.
 */
export function maySeeNomination(
  actor: Actor | undefined,
  group: { level: string; owner: string },
  nomination: { represents: string | null; person_home_owner: string | null; created_by: string | null },
  geo: Geography,
): boolean {
  if (!actor) return false;
  if (mayDecide(actor, group, geo) || can(actor, 'nominations.submit', ownerScope(group.owner, geo))) return true;
  if (!mayNominate(actor, group, geo)) return false;
  if (actor.via !== 'system' && nomination.created_by === actor.userId) return true;
  const side = nomination.represents ?? nomination.person_home_owner;
  return side !== null && can(actor, 'nominations.submit', ownerScope(side, geo));
}
