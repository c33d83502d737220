/**
 * The SCIM module's audit payloads. A provisioned user is audited as SCIM shows it, with the
 * client that made the change; a client by name, owner and credential prefix (never the hash).
 */
import type { ScimClientRow } from './repository.js';
import type { GroupRoleMapping, ScimGroupRow } from './rules/group-mapping.js';
import type { ScimUserRow } from './rules/user-mapping.js';

export interface ScimUserAudit {
  userName: string;
  email: string;
  name: string;
  givenName: string | null;
  familyName: string | null;
  hsaId: string | null;
  owner: string;
  personId: string | null;
  active: boolean;
  version: number;
  client: { id: string; name: string };
}

export interface ScimClientAudit {
  name: string;
  owner: string;
  prefix: string;
  version: number;
}

/** A provisioned group: its names, its register and its members' user ids. */
export interface ScimGroupAudit {
  displayName: string;
  externalId: string | null;
  owner: string;
  members: string[];
  version: number;
  client: { id: string; name: string };
}

export const scimGroupAudit = (g: ScimGroupRow, members: string[], client: { id: string; name: string }): ScimGroupAudit => ({
  displayName: g.displayName,
  externalId: g.externalId,
  owner: g.owner,
  members: [...members].sort(),
  version: g.version,
  client: { id: client.id, name: client.name },
});

/** A client's group → role mapping as an administrator set it. */
export interface ScimGroupRolesAudit {
  name: string;
  owner: string;
  version: number;
  groupRoles: GroupRoleMapping[];
}

export const scimUserAudit = (u: ScimUserRow, client: { id: string; name: string }): ScimUserAudit => ({
  userName: u.userName,
  email: u.email,
  name: u.name,
  givenName: u.givenName,
  familyName: u.familyName,
  hsaId: u.hsaId,
  owner: u.owner,
  personId: u.personId,
  active: !u.disabled,
  version: u.version,
  client: { id: client.id, name: client.name },
});

export const scimClientAudit = (c: ScimClientRow): ScimClientAudit => ({
  name: c.name,
  owner: c.owner,
  prefix: c.prefix,
  version: c.version,
});

declare module '../../platform/audit/record.js' {
  interface AuditPayloads {
    'user.scim-create': { after: ScimUserAudit };
    'user.scim-update': { before: ScimUserAudit; after: ScimUserAudit };
    'user.scim-disable': { before: ScimUserAudit; after: ScimUserAudit };
    'user.scim-enable': { before: ScimUserAudit; after: ScimUserAudit };
    'user.scim-delete': { before: ScimUserAudit; after: ScimUserAudit };
    'scim-client.create': { after: ScimClientAudit };
    'scim-client.rotate': { before: ScimClientAudit; after: ScimClientAudit };
    'scim-client.revoke': { before: ScimClientAudit; after: ScimClientAudit };
    'scim-client.map-groups': { before: ScimGroupRolesAudit; after: ScimGroupRolesAudit };
    'scim-group.create': { after: ScimGroupAudit };
    'scim-group.update': { before: ScimGroupAudit; after: ScimGroupAudit };
    'scim-group.delete': { before: ScimGroupAudit };
  }
}
