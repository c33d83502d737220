/**
 * The organisation module's front door: what other modules and the composition root (src/server.ts,
 * src/jobs.ts) may use. Modules import each other only through their index (eslint-rules/module-boundaries.js).
 */
// Pure rules and schemas first: they are leaves, so a cycle through this index never meets them half-evaluated.
export { isGroupActive } from './rules/group-lifecycle.js';
export { levelOfOwner } from './rules/structure.js';
export type { Geography } from './rules/structure.js';
export { ownerScope } from './check-group.js';
export { groupPolicy } from './policy.js';
export { geography, getGroup, getGroupsByIds, groupsAt } from './repository.js';
export type { GroupRow } from './repository.js';
// The manifest: routes, jobs and start-up work, composed by src/server.ts and src/jobs.ts.
export { loadStructures } from './load-structures.js';
export { organisationRoutes } from './routes.js';
