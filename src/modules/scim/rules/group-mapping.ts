import { ROLES } from '../../../platform/auth/policy.js';
import { scimInvalid } from '../errors.js';
import { assertScimResource, attr, isRecord, text } from './attributes.js';
import { etagOf } from './user-mapping.js';

/** The core Group schema (RFC 7643 §4.2). */
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

/** What Navet keeps of a SCIM Group: the state a POST, PUT or PATCH asks for. */
export interface DesiredGroup {
  displayName: string;
  externalId: string | null;
  /** The members' user ids (SCIM `members[].value`), each once. */
  members: string[];
}

/** A provisioned group as the repository reads it. */
export interface ScimGroupRow {
  id: string;
  clientId: string;
  owner: string;
  displayName: string;
  externalId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface GroupMember {
  userId: string;
  name: string;
}

/** A client's mapping: the group named `group` (displayName or externalId) gives `role` at the scope. */
export interface GroupRoleMapping {
  group: string;
  role: string;
  scopeType: 'system' | 'healthcare-region' | 'region';
  scopeId: string;
}

/** Reads and checks a SCIM Group resource (a POST or PUT body, or a patched resource). */
export function desiredGroupFromScim(resource: unknown): DesiredGroup {
  assertScimResource(resource, GROUP_SCHEMA, 'Group');
  const displayName = text(attr(resource, 'displayName'), 'displayName', 256);
  if (!displayName) throw scimInvalid('displayName krävs.');
  const externalId = text(attr(resource, 'externalId'), 'externalId', 256);
  const raw = attr(resource, 'members');
  if (raw !== undefined && raw !== null && !Array.isArray(raw)) throw scimInvalid('members ska vara en lista.');
  const members: string[] = [];
  for (const m of (raw as unknown[] | null | undefined) ?? []) {
    const value = isRecord(m) ? text(attr(m, 'value'), 'members.value', 100) : null;
    if (!value) throw scimInvalid('Varje medlem ska ha ett value (användarens id).');
    if (!members.includes(value)) members.push(value);
  }
  return { displayName, externalId, members };
}

/** A provisioned group as a SCIM Group resource; `members` is left out when the client excluded it. */
export function toScimGroup(g: ScimGroupRow, members: GroupMember[] | undefined, baseUrl: string) {
  return {
    schemas: [GROUP_SCHEMA],
    id: g.id,
    ...(g.externalId ? { externalId: g.externalId } : {}),
    displayName: g.displayName,
    ...(members
      ? {
          members: members.map((m) => ({ value: m.userId, display: m.name, type: 'User', $ref: `${baseUrl}/Users/${m.userId}` })),
        }
      : {}),
    meta: {
      resourceType: 'Group',
      created: g.createdAt.toISOString(),
      lastModified: g.updatedAt.toISOString(),
      version: etagOf(g.version),
      location: `${baseUrl}/Groups/${g.id}`,
    },
  };
}

/** Whether a list request or read leaves out members (`excludedAttributes=members`, or `attributes` without it). */
export function membersExcluded(q: { attributes?: string; excludedAttributes?: string }): boolean {
  const names = (s: string | undefined) =>
    (s ?? '').split(',').map((a) => a.trim().toLowerCase().replace(`${GROUP_SCHEMA.toLowerCase()}:`, ''));
  if (names(q.excludedAttributes).includes('members')) return true;
  return q.attributes !== undefined && !names(q.attributes).some((a) => a === 'members' || a.startsWith('members.'));
}

/** A group a mapping names: its displayName (case-insensitive) or its externalId. */
export const mappingMatches = (m: { group: string }, g: { displayName: string; externalId: string | null }) =>
  m.group.toLowerCase() === g.displayName.toLowerCase() || (g.externalId !== null && m.group === g.externalId);

/**
 * Why a client may not give this role at this scope through a group, or null when it may. A
 * directory never gives admin (system administration, including the SCIM clients themselves, is
 * given by hand); the scope must lie in the client's register: the nation for a national client,
 * its healthcare region and the regions in it, or its own region. `owners` is what the client's
 * owner covers (undefined: everything).
 */
export function grantRefusal(owners: string[] | undefined, m: Omit<GroupRoleMapping, 'group'>): string | null {
  if (!(m.role in ROLES)) return `Okänd roll "${m.role}".`;
  if (m.role === 'admin') return 'Rollen admin kan inte ges genom en katalogsgrupp; den ges för hand i Navet.';
  const inside = m.scopeType === 'system' ? owners === undefined : owners === undefined || owners.includes(m.scopeId);
  if (!inside) {
    const where = m.scopeType === 'system' ? 'hela systemet' : `${m.scopeType} ${m.scopeId}`;
    return `Rollen ${m.role} i ${where} ligger utanför SCIM-klientens register.`;
  }
  return null;
}
