import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/platform/db/index.js';
import { openPostgres } from '../src/platform/db/postgres.js';
import { claimJob, completeJob, enqueue, enqueueDueSchedules, ensureSchedule, type JobRow } from '../src/platform/jobs/queue.js';
import { drainJobs, type JobHandler } from '../src/platform/jobs/worker.js';
import { createTestDatabaseUrl, dropTestDatabases, testDb, usingPostgres } from './helpers/db.js';

interface JobState {
  id: number;
  status: string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  finished_at: Date | null;
  /** Seconds from the database's now() to run_at: positive means not yet due. */
  due_in: number;
}

let db: Db;
let seq = 0;
/** Every test uses its own queue, so tests never see each other's jobs. */
const newQueue = (label: string) => `test.${label}.${++seq}.${Date.now().toString(36)}`;

const jobsIn = (queue: string) =>
  db.query<JobState>(
    `SELECT id, status, attempts, max_attempts, last_error, finished_at,
            extract(epoch FROM run_at - now())::float8 AS due_in
     FROM jobs WHERE queue = $1 ORDER BY id`,
    [queue],
  );

/** A handler that records each payload it is given and then behaves as told. */
function recorder(behaviour: (call: number) => void = () => {}) {
  const calls: Record<string, unknown>[] = [];
  const handler: JobHandler = async (payload) => {
    calls.push(payload);
    behaviour(calls.length);
  };
  return { calls, handler };
}

beforeAll(async () => {
  db = await testDb();
});

afterAll(async () => {
  await db?.close();
  await dropTestDatabases();
});

describe('enqueue is part of the business transaction (outbox)', () => {
  it('a job enqueued in a transaction that rolls back does not exist', async () => {
    const q = newQueue('rollback');
    await expect(
      db.transaction(async (tx) => {
        await enqueue(tx, q, { n: 1 });
        expect(await tx.query('SELECT 1 FROM jobs WHERE queue = $1', [q])).toHaveLength(1);
        throw new Error('business rule refused the change');
      }),
    ).rejects.toThrow('business rule refused');
    expect(await jobsIn(q)).toEqual([]);
    const { calls, handler } = recorder();
    expect(await drainJobs(db, { [q]: handler })).toBe(0);
    expect(calls).toEqual([]);
  });

  it('a job enqueued in a committed transaction runs exactly once via drainJobs', async () => {
    const q = newQueue('commit');
    const id = await db.transaction((tx) => enqueue(tx, q, { remiss: 'Ärende 2025/17', åtgärd: 'påminn' }));
    expect(id).toEqual(expect.any(Number));
    const { calls, handler } = recorder();

    expect(await drainJobs(db, { [q]: handler })).toBe(1);
    expect(calls).toEqual([{ remiss: 'Ärende 2025/17', åtgärd: 'påminn' }]);
    const [job] = await jobsIn(q);
    expect(job).toMatchObject({ id, status: 'done', attempts: 1, last_error: null });
    expect(job!.finished_at).toBeInstanceOf(Date);

    expect(await drainJobs(db, { [q]: handler })).toBe(0);
    expect(calls).toHaveLength(1);
  });

  it('a dedupe key makes enqueue idempotent, also across transactions', async () => {
    const q = newQueue('dedupe');
    const key = `${q}:answer-42`;
    const first = await db.transaction((tx) => enqueue(tx, q, { v: 1 }, { dedupeKey: key }));
    const again = await db.transaction((tx) => enqueue(tx, q, { v: 2 }, { dedupeKey: key }));
    const outside = await enqueue(db, q, { v: 3 }, { dedupeKey: key });
    expect(first).toEqual(expect.any(Number));
    expect(again).toBeUndefined();
    expect(outside).toBeUndefined();

    const { calls, handler } = recorder();
    await drainJobs(db, { [q]: handler });
    expect(calls).toEqual([{ v: 1 }]);
    // Still deduplicated once the first job has finished: the key is kept with the done job.
    expect(await enqueue(db, q, { v: 4 }, { dedupeKey: key })).toBeUndefined();
    expect(await jobsIn(q)).toHaveLength(1);
  });
});

describe('failures and retries', () => {
  it('retries a failing handler with growing back-off, then marks it failed keeping last_error', async () => {
    const q = newQueue('retry');
    const id = await enqueue(db, q, {}, { maxAttempts: 3 });
    const { calls, handler } = recorder((n) => {
      throw new Error(`SMTP-servern svarade inte (försök ${n})`);
    });
    const makeDue = () => db.query(`UPDATE jobs SET run_at = now() - interval '1 second' WHERE id = $1`, [id]);

    expect(await drainJobs(db, { [q]: handler })).toBe(1);
    let [job] = await jobsIn(q);
    expect(job).toMatchObject({ status: 'pending', attempts: 1, last_error: 'SMTP-servern svarade inte (försök 1)' });
    expect(job!.finished_at).toBeNull();
    const firstDelay = job!.due_in;
    expect(firstDelay).toBeGreaterThan(5); // moved into the future, not retried at once

    // Not due yet: nothing runs.
    expect(await drainJobs(db, { [q]: handler })).toBe(0);
    expect(calls).toHaveLength(1);

    await makeDue();
    expect(await drainJobs(db, { [q]: handler })).toBe(1);
    [job] = await jobsIn(q);
    expect(job).toMatchObject({ status: 'pending', attempts: 2, last_error: 'SMTP-servern svarade inte (försök 2)' });
    expect(job!.due_in).toBeGreaterThan(firstDelay); // exponential: the second wait is longer

    await makeDue();
    expect(await drainJobs(db, { [q]: handler })).toBe(1);
    [job] = await jobsIn(q);
    expect(job).toMatchObject({ status: 'failed', attempts: 3, last_error: 'SMTP-servern svarade inte (försök 3)' });
    expect(job!.finished_at).toBeInstanceOf(Date);

    // A failed job is terminal: kept for inspection, never picked up again.
    await makeDue();
    expect(await drainJobs(db, { [q]: handler })).toBe(0);
    expect(calls).toHaveLength(3);
  });

  it('a handler that succeeds on retry ends done with the error cleared', async () => {
    const q = newQueue('recover');
    const id = await enqueue(db, q, {});
    const { calls, handler } = recorder((n) => {
      if (n === 1) throw new Error('tillfälligt fel');
    });
    await drainJobs(db, { [q]: handler });
    await db.query(`UPDATE jobs SET run_at = now() WHERE id = $1`, [id]);
    await drainJobs(db, { [q]: handler });
    expect(calls).toHaveLength(2);
    expect(await jobsIn(q)).toMatchObject([{ status: 'done', attempts: 2, last_error: null }]);
  });

  it('at-least-once: a job whose worker died (lease expired) is claimed again', async () => {
    const q = newQueue('lease');
    const id = await enqueue(db, q, { brev: 'kallelse' });

    const claimed = await claimJob(db, [q], 300);
    expect(claimed).toMatchObject({ id, queue: q, attempts: 1, payload: { brev: 'kallelse' } });
    // The worker "dies" here: no complete, no fail. While the lease holds, nobody else takes it.
    expect(await claimJob(db, [q], 300)).toBeUndefined();
    const { calls, handler } = recorder();
    expect(await drainJobs(db, { [q]: handler })).toBe(0);

    await db.query(`UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = $1`, [id]);
    expect(await jobsIn(q)).toMatchObject([{ status: 'running' }]);

    expect(await drainJobs(db, { [q]: handler })).toBe(1);
    expect(calls).toEqual([{ brev: 'kallelse' }]);
    expect(await jobsIn(q)).toMatchObject([{ id, status: 'done', attempts: 2 }]);
  });

  it('a job whose worker died on its last attempt is marked failed, not retried forever', async () => {
    const q = newQueue('exhausted');
    const id = await enqueue(db, q, { brev: 'påminnelse' }, { maxAttempts: 1 });
    expect(await claimJob(db, [q], 300)).toMatchObject({ id, attempts: 1 });
    await db.query(`UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = $1`, [id]);
    const { calls, handler } = recorder();
    expect(await drainJobs(db, { [q]: handler })).toBe(0);
    expect(calls).toEqual([]);
    expect(await jobsIn(q)).toMatchObject([{ id, status: 'failed', last_error: 'lease expired after the last attempt' }]);
  });

  it.skipIf(!usingPostgres)('PostgreSQL: two concurrent workers never claim the same job and together run all 50', async () => {
    const q = newQueue('concurrent');
    // Its own database and two separate pools, as two worker processes would have.
    const url = await createTestDatabaseUrl();
    const setup = await openPostgres(url, { max: 2 });
    const workers = [await openPostgres(url, { max: 4 }), await openPostgres(url, { max: 4 })];
    try {
      await setup.transaction(async (tx) => {
        for (let i = 0; i < 50; i++) await enqueue(tx, q, { i });
      });
      const loop = async (w: Db) => {
        const seen: JobRow[] = [];
        for (let job = await claimJob(w, [q], 60); job; job = await claimJob(w, [q], 60)) {
          seen.push(job);
          await sleep(Math.random() * 3); // the handler's work; lets the other worker interleave
          await completeJob(w, job.id);
        }
        return seen;
      };
      // Each worker runs two claim loops, so claims also race inside one pool.
      const results = await Promise.all([loop(workers[0]!), loop(workers[0]!), loop(workers[1]!), loop(workers[1]!)]);
      const ids = results.flat().map((j) => j.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(50);
      expect(results[0].length + results[1].length).toBeGreaterThan(0);
      expect(results[2].length + results[3].length).toBeGreaterThan(0);
      expect(new Set(results.flat().map((j) => j.payload.i))).toEqual(new Set(Array.from({ length: 50 }, (_, i) => i)));
      const rows = await setup.query<{ status: string; attempts: number }>('SELECT status, attempts FROM jobs WHERE queue = $1', [
        q,
      ]);
      expect(rows).toHaveLength(50);
      expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
    } finally {
      await Promise.all([setup.close(), ...workers.map((w) => w.close())]);
    }
  });
});

describe('schedules', () => {
  const scheduleRow = async (name: string) =>
    (
      await db.query<{ next_in: number }>(
        'SELECT extract(epoch FROM next_run_at - now())::float8 AS next_in FROM job_schedules WHERE name = $1',
        [name],
      )
    )[0]!;

  it('enqueue one run per due period, not two when called twice', async () => {
    const q = newQueue('schedule');
    const name = `${q}.hourly`;
    await ensureSchedule(db, name, q, 3600);

    const [first, second] = await Promise.all([enqueueDueSchedules(db), enqueueDueSchedules(db)]);
    expect(first + second).toBeGreaterThanOrEqual(1);
    await enqueueDueSchedules(db);
    expect(await jobsIn(q)).toHaveLength(1);
    expect((await scheduleRow(name)).next_in).toBeGreaterThan(3500);

    // Declaring the schedule again (every start does) neither resets it nor enqueues a run.
    await ensureSchedule(db, name, q, 3600);
    await enqueueDueSchedules(db);
    expect(await jobsIn(q)).toHaveLength(1);

    // The next period comes due: exactly one more run.
    await db.query(`UPDATE job_schedules SET next_run_at = now() - interval '1 second' WHERE name = $1`, [name]);
    await enqueueDueSchedules(db);
    await enqueueDueSchedules(db);
    expect(await jobsIn(q)).toHaveLength(2);

    // drainJobs enqueues due schedules itself and runs each enqueued run once.
    const { calls, handler } = recorder();
    expect(await drainJobs(db, { [q]: handler })).toBe(2);
    expect(calls).toEqual([{}, {}]);
    expect(await drainJobs(db, { [q]: handler })).toBe(0);
  });

  it('moving a schedule forward commits with its enqueued run: a rollback leaves the period due', async () => {
    const q = newQueue('schedule-tx');
    const name = `${q}.s`;
    await ensureSchedule(db, name, q, 3600);
    await expect(
      db.transaction(async (tx) => {
        expect(await enqueueDueSchedules(tx)).toBeGreaterThanOrEqual(1);
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash before commit');
    expect(await jobsIn(q)).toHaveLength(0);
    expect((await scheduleRow(name)).next_in).toBeLessThanOrEqual(0);
    await db.transaction((tx) => enqueueDueSchedules(tx));
    expect(await jobsIn(q)).toHaveLength(1);
  });

  it('ensureSchedule updates the interval of an existing schedule', async () => {
    const q = newQueue('interval');
    const name = `${q}.s`;
    await ensureSchedule(db, name, q, 60);
    await enqueueDueSchedules(db);
    await ensureSchedule(db, name, q, 7200);
    expect(await db.query('SELECT queue, interval_seconds FROM job_schedules WHERE name = $1', [name])).toEqual([
      { queue: q, interval_seconds: 7200 },
    ]);
  });
});
