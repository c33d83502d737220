/**
 * The cases module's front door: what other modules and the composition root (src/server.ts,
 * src/jobs.ts) may use. Modules import each other only through their index (eslint-rules/module-boundaries.js).
 */
// Pure rules and schemas first: they are leaves, so a cycle through this index never meets them half-evaluated.
export { isClosed, WITHDRAWABLE_TO } from './rules/lifecycle.js';
export { addCaseAction } from './add-case-action.js';
export { loadCasesDemo } from './demo.js';
export { assertCanRead, canReadSecret } from './policy.js';
export { registerCase } from './register-case.js';
export { readMyCaseWork, type CaseWorkItem } from './read-my-work.js';
export * as repository from './repository.js';
export { transitionCase, withdrawFromAgenda } from './transition-case.js';
export { followAnswer, type AnswerStep } from './follow-answer.js';
// The manifest: routes, jobs and start-up work, composed by src/server.ts and src/jobs.ts.
export { caseRoutes } from './routes.js';
export { CASE_ACTIONS_DUE_QUEUE, caseActionsDueHandler } from './notify-due-actions.js';
