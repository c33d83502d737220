/**
 * The nightly refresh of the national quality indicators, on the same scheduling code as Kolada's
 * daily refresh (refresh-source-indicators.ts): the schedule enqueues one fetch per quality
 * indicator, the fetch reads the measure's submeasures again and the results from the recorded
 * answers (test/fixtures/quality-indicators) on a local fake server, and lands with provenance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSchedules, jobHandlers } from '../src/jobs.js';
import { QUALITY_REFRESH_QUEUE, repository } from '../src/modules/indicators/index.js';
import { refreshQualityIndicators } from '../src/modules/indicators/refresh-quality-indicators.js';
import { drainJobs } from '../src/platform/jobs/worker.js';
import { buildIndicator } from '../src/testing/builders.js';
import { useTestApp } from './helpers/app.js';
import { useClock } from './helpers/clock.js';
import { startFakeQualityIndicators, type FakeQuality } from './helpers/fake-quality-indicators.js';

useClock('2025-12-31');
const MID = 'c0ffee00-1a2b-4c3d-8e9f-000000000042';
const qualityIndicators = {
  baseUrl: 'http://127.0.0.1:9',
  resultsUrl: 'http://127.0.0.1:9/{measureId}',
  timeoutMs: 5000,
  retries: 0,
};
const t = useTestApp({ qualityIndicators });
let fake: FakeQuality;
let qualityIndicator: string;
let fileIndicator: string;

beforeAll(async () => {
  fake = await startFakeQualityIndicators();
  fake.mode = 'ok';
  Object.assign(qualityIndicators, fake.settings);
  qualityIndicator = (
    await buildIndicator(t.db, { code: 'VIS-TEST', periodicity: 'year', unit: '%', source: 'quality-indicators', sourceRef: MID })
  ).id;
  fileIndicator = (await buildIndicator(t.db, { periodicity: 'year' })).id;
});
afterAll(() => new Promise<void>((r) => fake.server.close(() => r())));

const jobs = (queue: string) =>
  t.db.query<{ payload: { importId: string; measureId: string }; status: string }>(
    `SELECT payload, status FROM jobs WHERE queue = $1 ORDER BY id`,
    [queue],
  );

describe('the nightly refresh of the national quality indicators', () => {
  it('is a daily schedule of the worker when the quality indicators are on', async () => {
    await ensureSchedules(t.db, { qualityIndicators });
    const rows = await t.db.query<{ queue: string; interval_seconds: number }>(
      `SELECT queue, interval_seconds FROM job_schedules WHERE name = $1`,
      [QUALITY_REFRESH_QUEUE],
    );
    expect(rows).toEqual([{ queue: QUALITY_REFRESH_QUEUE, interval_seconds: 86400 }]);
  });

  it('enqueues one fetch per quality indicator, once a night, audited as the system; the fetch lands by gender with provenance', async () => {
    await drainJobs(t.db, jobHandlers(t.db, t.config));
    expect((await jobs(QUALITY_REFRESH_QUEUE)).map((j) => j.status)).toEqual(['done']);
    const fetches = await jobs('followup.quality-indicators');
    expect(fetches.map((j) => [j.payload.measureId, j.status])).toEqual([[MID, 'done']]);
    const imp = await repository.getImport(t.db, fetches[0]!.payload.importId);
    expect(imp).toMatchObject({
      indicatorId: qualityIndicator,
      status: 'done',
      fileName: `Kvalitetsindikator ${MID} (nattlig uppdatering 2025-12-31)`,
    });
    const values = await repository.valuesWithProvenance(t.db, qualityIndicator);
    expect(values).toHaveLength(29);
    expect(new Set(values.map((v) => v.gender))).toEqual(new Set(['T', 'K', 'M']));
    expect(values.every((v) => v.source === 'quality-indicators' && v.sourceRef === MID)).toBe(true);
    expect(await repository.valuesWithProvenance(t.db, fileIndicator)).toHaveLength(0);
    const audit = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_type = 'indicator-import' AND entity_id = $1`,
      [imp!.id],
    );
    expect(audit).toEqual([{ action: 'quality-indicators' }]);

    // A second run the same night adds nothing.
    expect(await refreshQualityIndicators(t.db)).toBe(0);
    expect(await jobs('followup.quality-indicators')).toHaveLength(1);
  });

  it('a source that is down fails the night’s import with a clear message, and the worker tries again', async () => {
    await t.db.query(`DELETE FROM jobs WHERE queue = 'followup.quality-indicators'`);
    fake.mode = 'down';
    expect(await refreshQualityIndicators(t.db)).toBe(1);
    await drainJobs(t.db, jobHandlers(t.db, t.config));
    const [job] = await jobs('followup.quality-indicators');
    const imp = await repository.getImport(t.db, job!.payload.importId);
    expect(imp).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/^De nationella kvalitetsindikatorerna går inte att nå just nu/),
    });
  });
});
