/** Kept for src/modules/meetings/attach-report.ts until its import names the indicators module (`../indicators/index.js`). */
export { reportToDocx, reportToPdf } from '../indicators/index.js';
