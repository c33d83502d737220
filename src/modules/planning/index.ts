/**
 * The planning module's public surface (plans and PDSA cycles): what the indicators' report,
 * the demo and the composition root use. Anything else in the folder is the module's own.
 */
// Pure rules and schemas first: they are leaves, so a cycle through this index never meets them half-evaluated.
export { planLifecycle, type PlanItem } from './rules/plan.js';
export { REPORT_LABELS } from './rules/annual-report.js';
export { planningRoutes } from './routes.js';
export { createPlan } from './create-plan.js';
export { transitionPlan } from './transition-plan.js';
export { createPdsa } from './create-pdsa.js';
export { compareWithPrevious, getPlan, listPlans } from './plan-queries.js';
export { loadReferenceObligations } from './load-obligations.js';
export { OBLIGATION_REMINDERS_QUEUE, obligationRemindersHandler, remindObligations } from './remind-obligations.js';
export { latestAnnualReport } from './annual-report-queries.js';
export { councilObligations } from './obligation-queries.js';
