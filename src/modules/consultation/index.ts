/**
 * The consultation module's front door: what other modules and the composition root (src/server.ts,
 * src/jobs.ts) may use. Modules import each other only through their index (eslint-rules/module-boundaries.js).
 */
// Pure rules and schemas first: they are leaves, so a cycle through this index never meets them half-evaluated.
export { nationalRemiss, nextWindow, synpunktsinhamtning } from './rules/calendar.js';
export type { Window } from './rules/calendar.js';
export { toTimedICalendar } from './rules/ical.js';
export type { TimedEvent } from './rules/ical.js';
export { addDays, isWorkingDay, onOrAfter, onOrBefore } from './rules/working-days.js';
export { loadConsultationDemo } from './demo.js';
export { createRound } from './rounds/create-round.js';
export { addDocument } from './rounds/documents.js';
export { presentRound } from './rounds/presenter.js';
export { readMyConsultationWork, type MilestoneWorkItem, type SurveyWorkItem } from './read-my-work.js';
export * as roundsRepository from './rounds/repository.js';
// The manifest: routes, jobs and start-up work, composed by src/server.ts and src/jobs.ts.
export { consultationRoutes } from './routes.js';
export { LATE_MILESTONES_QUEUE, lateMilestonesHandler } from './warn-late-milestones.js';
