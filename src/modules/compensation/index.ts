/**
 * The compensation module's front door: what other modules and the composition root (src/server.ts,
 * src/jobs.ts) may use. Modules import each other only through their index (eslint-rules/module-boundaries.js).
 */
// Pure rules and schemas first: they are leaves, so a cycle through this index never meets them half-evaluated.
export { formatKronor } from './rules/amounts.js';
export { OPEN_STATUSES, claimLifecycle } from './rules/claim-state.js';
export type { ClaimStatus } from './rules/claim-state.js';
export { loadCompensationDemo } from './demo.js';
export { policyFor } from './policy.js';
export { readMyClaimWork, type ClaimWorkItem } from './read-my-work.js';
export * as repository from './repository.js';
// The manifest: routes, jobs and start-up work, composed by src/server.ts and src/jobs.ts.
export { compensationRoutes } from './routes.js';
