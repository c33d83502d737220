/**
 * The reference module's front door: what other modules and the composition root (src/server.ts,
 * src/jobs.ts) may use. Modules import each other only through their index (eslint-rules/module-boundaries.js).
 */
export { REFERENCE_DIR } from './load-reference.js';
export { sourcesOf } from './presenter.js';
export type { Sources } from './presenter.js';
export { sourcesById } from './repository.js';
export { listRegions } from './repository.js';
// The manifest: routes, jobs and start-up work, composed by src/server.ts and src/jobs.ts.
export { loadReference } from './load-reference.js';
export { referenceRoutes } from './routes.js';
