import type { Actor, RoleAssignment } from '../context.js';
import { forbidden, unauthorized } from '../errors.js';

/**
 * Who may do what, as data. A permission is granted by a role held at a scope; a held scope
 * covers the target scope when it is the same, or system-wide, or a healthcare region that
 * the target region belongs to. Modules add their permissions and roles to these tables.
 */
export const ROLES = {
  admin: 'Systemadministratör',
  samordnare: 'Samordnare för kunskapsstyrning',
  ordforande: 'Ordförande',
  processtod: 'Processtöd',
  lasare: 'Läsare',
  'jav-granskare': 'Granskare av jävsdeklarationer',
  registrator: 'Registrator',
} as const;
export type RoleCode = keyof typeof ROLES;

export const PERMISSIONS = {
  'users.manage': ['admin'],
  'audit.read': ['admin'],
  'reference.reload': ['admin'],
  'groups.write': ['admin', 'samordnare'],
  'people.manage': ['admin', 'samordnare'],
  'jav.review': ['admin', 'jav-granskare'],
  'cases.register': ['admin', 'samordnare', 'registrator'],
  'cases.read': ['admin', 'samordnare', 'registrator', 'ordforande', 'processtod', 'lasare'],
} as const satisfies Record<string, readonly RoleCode[]>;
export type Permission = keyof typeof PERMISSIONS;

export type TargetScope =
  | { type: 'system' }
  | { type: 'healthcare-region'; id: string }
  | { type: 'region'; code: string; healthcareRegionIds: readonly string[] }
  | { type: 'group'; id: string; owner: TargetScope };

function covers(held: RoleAssignment, target: TargetScope): boolean {
  if (held.scopeType === 'system') return true;
  switch (target.type) {
    case 'system':
      return false;
    case 'healthcare-region':
      return held.scopeType === 'healthcare-region' && held.scopeId === target.id;
    case 'region':
      return (
        (held.scopeType === 'region' && held.scopeId === target.code) ||
        (held.scopeType === 'healthcare-region' && target.healthcareRegionIds.includes(held.scopeId))
      );
    case 'group':
      return (held.scopeType === 'group' && held.scopeId === target.id) || covers(held, target.owner);
  }
}

export function can(actor: Actor | undefined, permission: Permission, target: TargetScope = { type: 'system' }): boolean {
  if (!actor) return false;
  const roles: readonly string[] = PERMISSIONS[permission];
  return actor.roles.some((r) => roles.includes(r.role) && covers(r, target));
}

/** Throws 401 for anonymous callers and 403 for signed-in callers without the permission. */
export function authorize(actor: Actor | undefined, permission: Permission, target?: TargetScope): asserts actor is Actor {
  if (!actor) throw unauthorized();
  if (!can(actor, permission, target)) throw forbidden();
}

export function requireActor(actor: Actor | undefined): asserts actor is Actor {
  if (!actor) throw unauthorized();
}
