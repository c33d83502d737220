/**
 * The people module's front door: what other modules and the composition root (src/server.ts,
 * src/jobs.ts) may use. Modules import each other only through their index (eslint-rules/module-boundaries.js).
 */
// Pure rules and schemas first: they are leaves, so a cycle through this index never meets them half-evaluated.
export { addYears, checkAppointment } from './rules/membership.js';
export { isSelf, mayManagePerson, maySeePerson } from './access.js';
export { appointInTx, appointMember } from './appoint-member.js';
export { presentDeclaration, presentMembership, presentPerson } from './presenter.js';
export { readMyPeopleWork, type DeclarationWorkItem, type MandateWorkItem } from './read-my-work.js';
export { addDays } from './reminders/rules.js';
export { roleLabel } from './reminders/messages.js';
export * as repository from './repository.js';
export { activeMembershipCount } from './repository.js';
export type { PersonRecord } from './repository.js';
export { reviewJavDeclaration } from './review-jav-declaration.js';
export { submitJavDeclaration } from './submit-jav-declaration.js';
// The manifest: routes, jobs and start-up work, composed by src/server.ts and src/jobs.ts.
export { peopleRoutes } from './routes.js';
export { REMINDERS_QUEUE, remindersHandler } from './reminders/send-reminders.js';
