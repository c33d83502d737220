/**
 * Kept for src/modules/meetings/attach-report.ts until its import names the indicators module
 * (`../indicators/index.js`); follow-up is now three modules: implementation, planning, indicators.
 */
export { buildReport, type FollowupReport } from '../indicators/index.js';
