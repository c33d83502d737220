/**
 * The SCIM module's audit payloads. A provisioned user is audited as SCIM shows it, with the
 * client that made the change; a client by name, owner and credential prefix (never the hash).
 */
import type { ScimClientRow } from './repository.js';
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
  }
}
