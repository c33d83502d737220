/**
 * The implementation module's public surface: what other modules (indicators' heatmap and
 * report, planning's PDSA cycles, the demo, the composition root) may use. Anything else in
 * the folder is the module's own.
 */
// Pure rules and schemas first: they are leaves, so a cycle through this index never meets them half-evaluated.
export { FileQuery, Nullable, Status, Text, lit } from './schemas.js';
export { implementationRoutes } from './routes.js';
export { createImplementationStatus } from './create-status.js';
export { updateImplementationStatus } from './update-status.js';
export { mayReadRegionWork, regionTarget, mayWriteStatus } from './policy.js';
export { statusesForGroupReport, type StatusRow, type StatusWrite } from './repository.js';
export * as heatmapQueries from './heatmap-queries.js';
export {
  IMPLEMENTATION_STATES,
  IMPLEMENTED,
  implementationLifecycle,
  NOT_APPLICABLE,
  statusLabel,
  type ImplementationState,
} from './rules/implementation.js';
