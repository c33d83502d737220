import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { deleteExpiredSessions, deleteStaleRateLimits } from '../auth/repository.js';
import { deleteExpiredIdempotencyKeys } from '../http/idempotency.js';
import { EMAIL_QUEUE, emailHandler } from './email.js';
import { JobNotReady } from './job-not-ready.js';
import { webhookDeliveryHandler } from '../webhooks/deliver.js';
import { WEBHOOK_QUEUE } from '../webhooks/fan-out.js';
import {
  claimJob,
  completeJob,
  enqueueDueSchedules,
  ensureSchedule,
  failExhaustedJobs,
  failJob,
  pruneFinishedJobs,
} from './queue.js';

/** A job's handler; `job` tells which attempt this is, for handlers that log or give up themselves. */
export type JobHandler = (
  payload: Record<string, unknown>,
  job?: { id: number; attempts: number; maxAttempts: number },
) => Promise<void>;

/**
 * How long a claimed job is another worker's before it may be claimed again (a worker that
 * died mid-job). Longer than the slowest job; NAVET_JOB_LEASE_SECONDS (default 300) lets the
 * crash suite see re-runs within its time box.
 */
export function jobLeaseSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.NAVET_JOB_LEASE_SECONDS);
  return Number.isInteger(v) && v > 0 ? v : 300;
}

/** The platform's own jobs; src/jobs.ts adds the modules' (platform never imports a module). */
export function platformHandlers(db: Db, config: Config): Record<string, JobHandler> {
  return {
    [EMAIL_QUEUE]: emailHandler(db, config.smtp),
    [WEBHOOK_QUEUE]: webhookDeliveryHandler(db, config.publicUrl),
    'maintenance.cleanup': async () => {
      await deleteExpiredSessions(db);
      await deleteStaleRateLimits(db, 24 * 3600);
      await pruneFinishedJobs(db, 30);
      await deleteExpiredIdempotencyKeys(db);
    },
  };
}

export async function ensurePlatformSchedules(db: Db): Promise<void> {
  await ensureSchedule(db, 'maintenance.cleanup', 'maintenance.cleanup', 3600);
}

/** Run every due job now; returns how many ran. Used by the worker loop and by tests. */
export async function drainJobs(db: Db, handlers: Record<string, JobHandler>, log?: Logger, max = 100): Promise<number> {
  // One transaction: moving a schedule forward and enqueueing its run commit together, so a
  // crash in between cannot skip a period.
  await db.transaction((tx) => enqueueDueSchedules(tx));
  await failExhaustedJobs(db);
  let n = 0;
  for (; n < max; n++) {
    const job = await claimJob(db, Object.keys(handlers), jobLeaseSeconds());
    if (!job) break;
    try {
      await handlers[job.queue]!(job.payload, { id: job.id, attempts: job.attempts, maxAttempts: job.max_attempts });
      await completeJob(db, job.id);
    } catch (err) {
      if (err instanceof JobNotReady) log?.debug({ jobId: job.id, queue: job.queue, reason: err.message }, 'job waits');
      else log?.warn({ jobId: job.id, queue: job.queue, err }, 'job failed');
      await failJob(db, job, err instanceof Error ? err.message : String(err));
    }
  }
  return n;
}

/** Polls for due jobs until stopped; stop() waits for the job in hand to finish. */
export function startWorker(db: Db, handlers: Record<string, JobHandler>, log: Logger, intervalMs = 1000) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = drainJobs(db, handlers, log)
      .catch((err: unknown) => log.error({ err }, 'worker tick failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
