/**
 * The meetings module's front door: what other modules and the composition root (src/server.ts,
 * src/jobs.ts) may use. Modules import each other only through their index (eslint-rules/module-boundaries.js).
 */
export * as agendaRepository from './agenda-repository.js';
export * as attachmentRepository from './attachment-repository.js';
export { loadMeetingsDemo } from './demo.js';
export * as minutesRepository from './minutes-repository.js';
export { loadMeeting } from './policy.js';
export { isCancelled } from './rules/lifecycle.js';
export type { MeetingStatus } from './rules/meeting.js';
export { readMyMeetingWork, type JusteringWorkItem, type MeetingWorkItem } from './read-my-work.js';
export * as repository from './repository.js';
// The manifest: routes, jobs and start-up work, composed by src/server.ts and src/jobs.ts.
export { meetingRoutes } from './routes.js';
