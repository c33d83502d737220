import { authorize, can, type Permission } from '../../platform/auth/policy.js';
import { requestScope, type Geography } from '../../platform/auth/scope.js';
import { ownerScope } from '../../platform/auth/scope.js';
import type { Actor, Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { allowedActions } from '../../platform/lifecycle/lifecycle.js';
import type { DeclarationRecord, PersonRecord } from './repository.js';
import { declarationLifecycle, NOT_YET_ASKED, type DeclarationAction } from './rules/declaration-lifecycle.js';

/**
 * The people register's one policy: who sees a person, who manages the record, who declares
 * and who reviews a jäv declaration. The pure functions take the geography (other modules ask
 * them with theirs); `peoplePolicy` answers the same for one request, reading the geography once.
 */

/** The person record belongs to the signed-in user when their e-mail addresses agree. */
export const isSelf = (actor: Actor | undefined, p: PersonRecord): boolean =>
  Boolean(actor && p.email && actor.email === p.email);

export const mayManagePerson = (actor: Actor | undefined, p: PersonRecord, geo: Geography) =>
  can(actor, 'people.manage', ownerScope(p.homeOwner, geo));
export const mayReview = (actor: Actor | undefined, p: PersonRecord, geo: Geography) =>
  can(actor, 'jav.review', ownerScope(p.homeOwner, geo));

/** Who may see a person at all: outsiders get 404, not a hint. */
export const maySeePerson = (actor: Actor | undefined, p: PersonRecord, geo: Geography) =>
  isSelf(actor, p) || mayManagePerson(actor, p, geo) || mayReview(actor, p, geo);

/** Declaration details (they may reveal sensitive ties): the person and the reviewers only. */
export const maySeeDeclarationDetails = (actor: Actor | undefined, p: PersonRecord, geo: Geography) =>
  isSelf(actor, p) || mayReview(actor, p, geo);

/** Nobody reviews their own declaration, nor one they submitted for someone else. */
export const reviewsOwn = (actor: Actor | undefined, p: PersonRecord, d: Pick<DeclarationRecord, 'submittedBy'>) =>
  isSelf(actor, p) || (!!actor && actor.via !== 'system' && d.submittedBy === actor.userId);

export function peoplePolicy(ctx: Ctx, db: Queryable) {
  const scope = requestScope(ctx, db);
  const actor = ctx.actor;
  const geo = () => scope.geography();
  return {
    scope,
    maySee: async (p: PersonRecord) => maySeePerson(actor, p, await geo()),
    mayManage: async (p: PersonRecord) => mayManagePerson(actor, p, await geo()),
    mayReview: async (p: PersonRecord) => mayReview(actor, p, await geo()),
    maySeeDetails: async (p: PersonRecord) => maySeeDeclarationDetails(actor, p, await geo()),
    /** 401 without a caller, 403 without `people.manage` at the register's owner. */
    async assertManageAt(owner: string): Promise<Actor> {
      authorize(actor, 'people.manage', await scope.of(owner));
      return actor;
    },
    /**
     * The registers the caller manages or reviews, for list filters: undefined for all (a
     * national role), otherwise their scopes and the regions below a healthcare region.
     */
    async registers(permissions: readonly Permission[]): Promise<string[] | undefined> {
      if (permissions.some((p) => can(actor, p))) return undefined;
      const g = await geo();
      return ['national', ...g.regionHealthcareRegions.keys(), ...g.healthcareRegionIds].filter((o) =>
        permissions.some((p) => can(actor, p, ownerScope(o, g))),
      );
    },
    /** What the caller may do with the person's record. */
    async permissions(p: PersonRecord) {
      const g = await geo();
      const manage = mayManagePerson(actor, p, g);
      return { edit: manage, declare: isSelf(actor, p) || manage, review: mayReview(actor, p, g) && !isSelf(actor, p) };
    },
    /** The review actions the caller is offered on this declaration now. */
    async declarationActions(p: PersonRecord, d: DeclarationRecord): Promise<DeclarationAction[]> {
      if (!declarationLifecycle.isStatus(d.status) || reviewsOwn(actor, p, d)) return [];
      if (!mayReview(actor, p, await geo())) return [];
      return allowedActions(declarationLifecycle, d.status, NOT_YET_ASKED);
    },
  };
}
