/**
 * The overview module's front door: Min översikt, the signed-in start page's one read. It owns no
 * tables; it asks the other modules through their index (eslint-rules/module-boundaries.js).
 */
export { regionsOfRoles } from './read-overview.js';
// The manifest: routes, composed by src/server.ts.
export { overviewRoutes } from './routes.js';
