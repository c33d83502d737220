import type { Queryable } from '../db/index.js';

/**
 * Enqueue inside the business transaction (an outbox): the job exists exactly when the
 * change committed. A dedupe key makes enqueueing idempotent.
 */
export async function enqueue(
  tx: Queryable,
  queue: string,
  payload: Record<string, unknown>,
  opts: { runAt?: Date; dedupeKey?: string; maxAttempts?: number } = {},
): Promise<number | undefined> {
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO jobs (queue, payload, run_at, dedupe_key, max_attempts)
     VALUES ($1, $2, COALESCE($3::timestamptz, now()), $4, $5)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [queue, JSON.stringify(payload), opts.runAt ?? null, opts.dedupeKey ?? null, opts.maxAttempts ?? 5],
  );
  return rows[0]?.id;
}

export interface JobRow {
  id: number;
  queue: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

/**
 * Claim one due job. SKIP LOCKED lets any number of workers on a PostgreSQL server share the
 * queue; a job whose worker died is claimed again when its lease runs out (at-least-once).
 */
export async function claimJob(db: Queryable, queues: string[], leaseSeconds: number): Promise<JobRow | undefined> {
  const rows = await db.query<JobRow>(
    `UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_until = now() + make_interval(secs => $2)
     WHERE id = (
       SELECT id FROM jobs
       WHERE queue = ANY($1::text[]) AND run_at <= now()
         AND (status = 'pending' OR (status = 'running' AND locked_until < now() AND attempts < max_attempts))
       ORDER BY run_at, id
       FOR UPDATE SKIP LOCKED
       LIMIT 1)
     RETURNING id, queue, payload, attempts, max_attempts`,
    [queues, leaseSeconds],
  );
  return rows[0];
}

/** A job whose worker died on its last attempt is failed, not retried forever. */
export async function failExhaustedJobs(db: Queryable): Promise<number> {
  const rows = await db.query(
    `UPDATE jobs SET status = 'failed', last_error = 'lease expired after the last attempt', locked_until = NULL, finished_at = now()
     WHERE status = 'running' AND locked_until < now() AND attempts >= max_attempts RETURNING id`,
  );
  return rows.length;
}

export async function completeJob(db: Queryable, id: number): Promise<void> {
  await db.query(`UPDATE jobs SET status = 'done', finished_at = now(), locked_until = NULL, last_error = NULL WHERE id = $1`, [
    id,
  ]);
}

/** Retry with exponential back-off until max_attempts, then mark failed (kept for inspection). */
export async function failJob(db: Queryable, job: JobRow, error: string): Promise<void> {
  const final = job.attempts >= job.max_attempts;
  await db.query(
    `UPDATE jobs SET status = $2, last_error = $3, locked_until = NULL,
       run_at = CASE WHEN $2 = 'pending' THEN now() + make_interval(secs => $4) ELSE run_at END,
       finished_at = CASE WHEN $2 = 'failed' THEN now() ELSE NULL END
     WHERE id = $1`,
    [job.id, final ? 'failed' : 'pending', error.slice(0, 2000), Math.min(3600, 2 ** job.attempts * 5)],
  );
}

/** Schedules: claim every due row, move it forward, and enqueue one run per period. */
export async function enqueueDueSchedules(db: Queryable): Promise<number> {
  const due = await db.query<{ name: string; queue: string; run_at: Date }>(
    `UPDATE job_schedules s SET next_run_at = now() + make_interval(secs => s.interval_seconds)
     FROM (SELECT name, next_run_at FROM job_schedules WHERE next_run_at <= now() FOR UPDATE SKIP LOCKED) d
     WHERE s.name = d.name
     RETURNING s.name, s.queue, d.next_run_at AS run_at`,
  );
  for (const s of due) await enqueue(db, s.queue, {}, { dedupeKey: `schedule:${s.name}:${s.run_at.toISOString()}` });
  return due.length;
}

export async function ensureSchedule(db: Queryable, name: string, queue: string, intervalSeconds: number): Promise<void> {
  await db.query(
    `INSERT INTO job_schedules (name, queue, interval_seconds, next_run_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (name) DO UPDATE SET queue = EXCLUDED.queue, interval_seconds = EXCLUDED.interval_seconds`,
    [name, queue, intervalSeconds],
  );
}

/** Finished jobs are kept for a while for inspection, then removed (retention is deliberate). */
export async function pruneFinishedJobs(db: Queryable, olderThanDays: number): Promise<void> {
  await db.query(`DELETE FROM jobs WHERE status IN ('done', 'failed') AND finished_at < now() - make_interval(days => $1)`, [
    olderThanDays,
  ]);
}

/**
 * A long job (a streamed import) keeps its claim while it makes progress: the lease moves
 * forward, so no other worker claims it as abandoned mid-run.
 */
export async function extendLease(db: Queryable, jobId: number, leaseSeconds: number): Promise<void> {
  await db.query(`UPDATE jobs SET locked_until = now() + make_interval(secs => $2) WHERE id = $1 AND status = 'running'`, [
    jobId,
    leaseSeconds,
  ]);
}
