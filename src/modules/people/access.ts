import { can } from '../../platform/auth/policy.js';
import type { Actor } from '../../platform/context.js';
import { ownerScope } from '../organisation/check-group.js';
import type { Geography } from '../organisation/rules/structure.js';
import type { PersonRow } from './repository.js';

/** The person record belongs to the signed-in user when their e-mail addresses agree. */
export const isSelf = (actor: Actor | undefined, p: PersonRow): boolean => Boolean(actor && p.email && actor.email === p.email);

export const mayManagePerson = (actor: Actor | undefined, p: PersonRow, geo: Geography) =>
  can(actor, 'people.manage', ownerScope(p.home_owner, geo));
export const mayReview = (actor: Actor | undefined, p: PersonRow, geo: Geography) =>
  can(actor, 'jav.review', ownerScope(p.home_owner, geo));

/** Who may see a person at all: outsiders get 404, not a hint. */
export const maySeePerson = (actor: Actor | undefined, p: PersonRow, geo: Geography) =>
  isSelf(actor, p) || mayManagePerson(actor, p, geo) || mayReview(actor, p, geo);

/** Declaration details (they may reveal sensitive ties): the person and the reviewers only. */
export const maySeeDeclarationDetails = (actor: Actor | undefined, p: PersonRow, geo: Geography) =>
  isSelf(actor, p) || mayReview(actor, p, geo);
