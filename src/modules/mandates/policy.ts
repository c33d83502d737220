import { can } from '../../platform/auth/policy.js';
import { ownerScope, requestScope, type Geography } from '../../platform/auth/scope.js';
import type { Actor, Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { allowedActions } from '../../platform/lifecycle/lifecycle.js';
import { nominationLifecycle, type NominationAction } from './rules/nomination.js';

/**
 * The mandates module's one policy: who nominates to a group, who decides, and who sees a
 * nomination. The pure functions take the geography; `nominationPolicy` answers for one request
 * (the geography read once, requestScope).
 */

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

export interface NominationSides {
  represents: string | null;
  personHomeOwner: string | null;
  createdBy: string | null;
}

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
  nomination: NominationSides,
  geo: Geography,
): boolean {
  if (!actor) return false;
  if (mayDecide(actor, group, geo) || can(actor, 'nominations.submit', ownerScope(group.owner, geo))) return true;
  if (!mayNominate(actor, group, geo)) return false;
  if (actor.via !== 'system' && nomination.createdBy === actor.userId) return true;
  const side = nomination.represents ?? nomination.personHomeOwner;
  return side !== null && can(actor, 'nominations.submit', ownerScope(side, geo));
}

/**
 * Who sets a rotation's order and first period (seed 001 leaves them open): administrators of
 * every rule, and the coordinators of the organisation owning the body the rule is about.
 */
export const maySetRotation = (actor: Actor | undefined, ruleOwner: string | null, geo: Geography) =>
  can(actor, 'composition.manage') || (ruleOwner !== null && can(actor, 'composition.rotation', ownerScope(ruleOwner, geo)));

/** The level of a group from its owner, for lists that carry only the owner. */
export const levelOfOwner = (owner: string, geo: Geography): string =>
  owner === 'national' ? 'national' : geo.healthcareRegionIds.has(owner) ? 'healthcare-region' : 'region';

export function nominationPolicy(ctx: Ctx, db: Queryable) {
  const scope = requestScope(ctx, db);
  const actor = ctx.actor;
  const geo = () => scope.geography();
  return {
    scope,
    mayNominate: async (group: { level: string; owner: string }) => mayNominate(actor, group, await geo()),
    mayDecide: async (group: { owner: string }) => mayDecide(actor, group, await geo()),
    maySee: async (group: { level: string; owner: string }, n: NominationSides) => maySeeNomination(actor, group, n, await geo()),
    /** The decisions the caller may take on a nomination they see: the appointing body decides; whoever sees it may withdraw it. */
    async actions(group: { level: string; owner: string }, n: NominationSides & { status: string }): Promise<NominationAction[]> {
      const g = await geo();
      if (!nominationLifecycle.isStatus(n.status) || !maySeeNomination(actor, group, n, g)) return [];
      const decide = mayDecide(actor, group, g);
      return allowedActions(nominationLifecycle, n.status, {}, (a) => a === 'withdraw' || decide);
    },
  };
}
