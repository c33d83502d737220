/**
 * The records module's front door: what other modules and the composition root (src/server.ts,
 * src/jobs.ts) may use. Modules import each other only through their index (eslint-rules/module-boundaries.js).
 */
// The manifest: routes, jobs and start-up work, composed by src/server.ts and src/jobs.ts.
export { recordsRoutes } from './routes.js';
export { GALLRING_QUEUE, gallringHandler } from './run-gallring.js';
