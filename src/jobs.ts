import type { Config } from './platform/config.js';
import type { Db } from './platform/db/index.js';
import { ensurePlatformSchedules, platformHandlers, type JobHandler } from './platform/jobs/worker.js';
import { ensureSchedule } from './platform/jobs/queue.js';
import { CASE_ACTIONS_DUE_QUEUE, caseActionsDueHandler } from './modules/cases/index.js';
import { LATE_MILESTONES_QUEUE, lateMilestonesHandler } from './modules/consultation/index.js';
import {
  IMPORT_QUEUE as FOLLOWUP_IMPORT_QUEUE,
  importHandler as followupImportHandler,
  KOLADA_QUEUE,
  KOLADA_REFRESH_QUEUE,
  koladaHandler,
  koladaRefreshHandler,
  QUALITY_QUEUE,
  qualityHandler,
  QUALITY_REFRESH_QUEUE,
  qualityRefreshHandler,
} from './modules/indicators/index.js';
import {
  CATALOGUE_SYNC_QUEUE,
  catalogueSyncHandler,
  KNOWLEDGE_REMINDERS_QUEUE,
  knowledgeRemindersHandler,
} from './modules/knowledge/index.js';
import { NOTIFY_QUEUE, notifyHandler } from './modules/notifications/index.js';
import { REMINDERS_QUEUE, remindersHandler } from './modules/people/index.js';
import { OBLIGATION_REMINDERS_QUEUE, obligationRemindersHandler } from './modules/planning/index.js';
import { GALLRING_QUEUE, gallringHandler } from './modules/records/index.js';

/**
 * The job worker's composition, beside server.ts's composition of the routes: the platform's
 * own jobs and every module's, and their daily schedules. Used by `npm start`'s in-process
 * worker, `navet worker` and the tests.
 */
export function jobHandlers(db: Db, config: Config): Record<string, JobHandler> {
  return {
    ...platformHandlers(db, config),
    [REMINDERS_QUEUE]: remindersHandler(db, { thresholds: config.reminderDays }),
    [KNOWLEDGE_REMINDERS_QUEUE]: knowledgeRemindersHandler(db),
    [CASE_ACTIONS_DUE_QUEUE]: caseActionsDueHandler(db, config.publicUrl),
    [NOTIFY_QUEUE]: notifyHandler(db, config.publicUrl),
    [FOLLOWUP_IMPORT_QUEUE]: followupImportHandler(db),
    [KOLADA_QUEUE]: koladaHandler(db, config.kolada),
    [KOLADA_REFRESH_QUEUE]: koladaRefreshHandler(db, config.kolada),
    [QUALITY_QUEUE]: qualityHandler(db, config.qualityIndicators),
    [QUALITY_REFRESH_QUEUE]: qualityRefreshHandler(db, config.qualityIndicators),
    [LATE_MILESTONES_QUEUE]: lateMilestonesHandler(db),
    [CATALOGUE_SYNC_QUEUE]: catalogueSyncHandler(db, config.catalogueSync),
    [GALLRING_QUEUE]: gallringHandler(db),
    [OBLIGATION_REMINDERS_QUEUE]: obligationRemindersHandler(db),
  };
}

const DAILY = [
  REMINDERS_QUEUE,
  KNOWLEDGE_REMINDERS_QUEUE,
  CASE_ACTIONS_DUE_QUEUE,
  LATE_MILESTONES_QUEUE,
  GALLRING_QUEUE,
  OBLIGATION_REMINDERS_QUEUE,
];

/**
 * The daily schedules, the daily refresh of every Kolada indicator when NAVET_KOLADA_URL is set,
 * the nightly refresh of the national quality indicators when NAVET_QUALITY_INDICATORS_URL is set,
 * and the catalogue's sync when NAVET_CATALOGUE_URL is set (its own interval).
 */
export async function ensureSchedules(
  db: Db,
  config?: Partial<Pick<Config, 'catalogueSync' | 'kolada' | 'qualityIndicators'>>,
): Promise<void> {
  await ensurePlatformSchedules(db);
  for (const queue of DAILY) await ensureSchedule(db, queue, queue, 86400);
  if (config?.kolada) await ensureSchedule(db, KOLADA_REFRESH_QUEUE, KOLADA_REFRESH_QUEUE, 86400);
  if (config?.qualityIndicators) await ensureSchedule(db, QUALITY_REFRESH_QUEUE, QUALITY_REFRESH_QUEUE, 86400);
  if (config?.catalogueSync) {
    await ensureSchedule(db, CATALOGUE_SYNC_QUEUE, CATALOGUE_SYNC_QUEUE, config.catalogueSync.intervalHours * 3600);
  }
}
