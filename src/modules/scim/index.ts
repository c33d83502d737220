/**
 * The SCIM module's front door: directory provisioning (SCIM 2.0) and the administrators' API for
 * SCIM clients. Modules import each other only through their index (eslint-rules/module-boundaries.js).
 */
export { SCIM_PREFIX } from './routes.js';
export { SCIM_TOKEN_PREFIX } from './credentials.js';
export { createScimClient } from './create-scim-client.js';
export { rotateScimClient } from './rotate-scim-client.js';
export { revokeScimClient } from './revoke-scim-client.js';
export { getClient as findScimClient } from './repository.js';
// The manifest: routes, composed by src/server.ts.
export { scimClientRoutes } from './client-routes.js';
export { scimRoutes } from './routes.js';
// The person's directory data, for the records module's register extract and anonymisation.
export { directoryRecordsOf, eraseDirectoryRecordsOf } from './person-records.js';
export type { DirectoryAccount, DirectoryGroupMembership } from './person-records.js';
