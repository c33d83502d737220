/**
 * The knowledge module's front door: what other modules and the composition root (src/server.ts,
 * src/jobs.ts) may use. Modules import each other only through their index (eslint-rules/module-boundaries.js).
 */
// Pure rules and schemas first: they are leaves, so a cycle through this index never meets them half-evaluated.
export { planRound } from './rules/plan-round.js';
export type { RoundChoice } from './rules/plan-round.js';
export { checkRoundDates, isCalendarWindow, onWorkingDays, roundPhase } from './rules/track.js';
export { loadKnowledgeDemo } from './demo.js';
export * as repository from './repository.js';
export { getSupport } from './repository.js';
export { applyVersionTransition } from './transition.js';
// The manifest: routes, jobs and start-up work, composed by src/server.ts and src/jobs.ts.
export { knowledgeRoutes } from './routes.js';
export { KNOWLEDGE_REMINDERS_QUEUE, knowledgeRemindersHandler } from './reminders/send-reminders.js';
export { CATALOGUE_SYNC_QUEUE, catalogueSyncHandler } from './sync-catalogue.js';
export { importCatalogue } from './import-catalogue.js';
