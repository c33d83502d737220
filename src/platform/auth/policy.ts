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
  webbredaktor: 'Webbredaktör',
  // Seed 000: the program area's controller supports it with follow-up, analyses and reports.
  controller: 'Controller',
} as const;
export type RoleCode = keyof typeof ROLES;

export const PERMISSIONS = {
  'users.manage': ['admin'],
  'audit.read': ['admin'],
  'reference.reload': ['admin'],
  'groups.write': ['admin', 'samordnare'],
  // The register of senders is national: a samordnare of any region adds an organisation to it.
  'senders.manage': ['admin', 'samordnare'],
  'people.manage': ['admin', 'samordnare'],
  'jav.review': ['admin', 'jav-granskare'],
  'nominations.submit': ['admin', 'samordnare', 'processtod'],
  'nominations.decide': ['admin', 'samordnare'],
  'composition.manage': ['admin'],
  // Seed 001 leaves the order of a rotation open: the healthcare region (or region) owning the body sets it.
  'composition.rotation': ['admin', 'samordnare'],
  'cases.register': ['admin', 'samordnare', 'registrator'],
  'cases.read': ['admin', 'samordnare', 'registrator', 'ordforande', 'processtod', 'lasare'],
  'compensation.manage': ['admin', 'samordnare', 'processtod'],
  'compensation.rates': ['admin'],
  'records.anonymise': ['admin', 'samordnare'],
  'records.retention': ['admin'],
  // The e-archive: exporting a closed case as an FGS package (those who keep the diarium).
  'records.archive': ['admin', 'samordnare', 'registrator'],
  'cases.handle': ['admin', 'samordnare', 'registrator', 'ordforande', 'processtod'],
  'cases.triage': ['admin', 'samordnare'],
  // The region's klassificeringsstruktur (the official diarium): kept by those who coordinate.
  'cases.classification': ['admin', 'samordnare'],
  'meetings.manage': ['admin', 'samordnare'],
  'followup.indicators.manage': ['admin'],
  // A region's, healthcare region's or municipality's own indicators (their definitions): those who
  // coordinate the region's follow-up and its controllers (seed 000); their targets need followup.goals.write.
  'followup.indicators.regional.write': ['admin', 'samordnare', 'controller'],
  'followup.goals.write': ['admin', 'samordnare'],
  'followup.values.import': ['admin', 'samordnare', 'controller'],
  'followup.comment': ['admin', 'samordnare', 'processtod', 'controller'],
  'implementation.write': ['admin', 'samordnare'],
  'plans.write': ['admin', 'samordnare', 'ordforande', 'processtod'],
  'pdsa.write': ['admin', 'samordnare', 'ordforande', 'processtod'],
  'consultations.read': ['admin', 'samordnare', 'registrator', 'ordforande', 'processtod', 'lasare'],
  'consultations.register': ['admin', 'samordnare', 'registrator'],
  'consultations.route': ['admin', 'samordnare'],
  'consultations.settings': ['admin', 'samordnare'],
  'consultations.work': ['admin', 'samordnare', 'ordforande', 'processtod'],
  'consultations.decide': ['admin', 'samordnare', 'ordforande'],
  'knowledge.write': ['admin'],
  'knowledge.regional.write': ['admin', 'samordnare'],
  'knowledge.local.write': ['admin', 'samordnare', 'webbredaktor'],
  'rounds.create': ['admin'],
  'webhooks.manage': ['admin'],
  'scim.manage': ['admin'],
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

export interface Grant {
  permission: Permission;
  scopeType: RoleAssignment['scopeType'];
  scopeId: string;
}

/**
 * What a user may do and where: the policy table read through their role assignments. The
 * UI shows actions from this list (the server still decides on every request).
 */
export function grantsOf(roles: readonly RoleAssignment[]): Grant[] {
  const seen = new Set<string>();
  const out: Grant[] = [];
  for (const [permission, allowed] of Object.entries(PERMISSIONS) as [Permission, readonly string[]][]) {
    for (const r of roles) {
      if (!allowed.includes(r.role)) continue;
      const key = `${permission}|${r.scopeType}|${r.scopeId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ permission, scopeType: r.scopeType, scopeId: r.scopeId });
    }
  }
  return out;
}

/** Throws 401 for anonymous callers and 403 for signed-in callers without the permission. */
export function authorize(actor: Actor | undefined, permission: Permission, target?: TargetScope): asserts actor is Actor {
  if (!actor) throw unauthorized();
  if (!can(actor, permission, target)) throw forbidden();
}

export function requireActor(actor: Actor | undefined): asserts actor is Actor {
  if (!actor) throw unauthorized();
}
