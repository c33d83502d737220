/**
 * The indicators module's public surface (goals, indicators, values and their import job, the
 * heatmap and the follow-up report): what meetings (the report on an agenda), the demo, the
 * test builders and the composition root use. Anything else in the folder is the module's own.
 */
export { indicatorRoutes } from './routes.js';
export { IMPORT_QUEUE, importHandler } from './import-values.js';
export { KOLADA_QUEUE, koladaHandler } from './import-kolada-kpi.js';
export { KOLADA_REFRESH_QUEUE, koladaRefreshHandler } from './refresh-kolada-indicators.js';
export { QUALITY_QUEUE, qualityHandler } from './import-quality-indicator.js';
export { QUALITY_REFRESH_QUEUE, qualityRefreshHandler } from './refresh-quality-indicators.js';
export { buildReport, type FollowupReport } from './report.js';
export { reportToDocx, reportToPdf } from './report-documents.js';
export { createIndicator } from './create-indicator.js';
export type { IndicatorWrite } from './repository.js';
export { loadFollowupDemo } from './demo.js';
export * as repository from './repository.js';
export { loadReferenceGoals } from './load-reference-goals.js';
