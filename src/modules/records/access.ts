import { can } from '../../platform/auth/policy.js';
import type { Actor } from '../../platform/context.js';
import { ownerScope } from '../organisation/index.js';
import type { Geography } from '../organisation/index.js';
import { isSelf, mayManagePerson } from '../people/index.js';
import type { PersonRecord } from '../people/index.js';

export const isSystemAdmin = (actor: Actor | undefined) =>
  Boolean(actor?.roles.some((r) => r.role === 'admin' && r.scopeType === 'system'));

/** A register extract: the person themself, or whoever manages their register (to hand it over). */
export const mayExtract = (actor: Actor | undefined, p: PersonRecord, geo: Geography) =>
  isSelf(actor, p) || mayManagePerson(actor, p, geo);

/** Declaration contents in the extract: the person and system administrators only. */
export const mayReadDeclarations = (actor: Actor | undefined, p: PersonRecord) => isSelf(actor, p) || isSystemAdmin(actor);

/** Anonymising: an administrator, or a coordinator of the person's home register. */
export const mayAnonymise = (actor: Actor | undefined, p: PersonRecord, geo: Geography) =>
  can(actor, 'records.anonymise', ownerScope(p.homeOwner, geo));
