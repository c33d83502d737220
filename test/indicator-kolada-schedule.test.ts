/**
 * The daily Kolada refresh: the job worker's schedule enqueues one fetch per Kolada indicator
 * (five years up to last year by the product's clock, set here to 2025-12-31), and the fetch
 * runs against the recorded Kolada answers (test/fixtures/kolada) from a local fake server.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureSchedules, jobHandlers } from '../src/jobs.js';
import { KOLADA_REFRESH_QUEUE, repository } from '../src/modules/indicators/index.js';
import { refreshKoladaIndicators } from '../src/modules/indicators/refresh-kolada-indicators.js';
import { drainJobs } from '../src/platform/jobs/worker.js';
import { buildIndicator } from '../src/testing/builders.js';
import { useTestApp } from './helpers/app.js';
import { useClock } from './helpers/clock.js';
import { startFakeKolada } from './helpers/fake-kolada.js';

useClock('2025-12-31');
const kolada = { baseUrl: 'http://127.0.0.1:9/v3', timeoutMs: 5000, retries: 0 };
const t = useTestApp({ kolada });
let koladaIndicator: string;
let fileIndicator: string;

beforeAll(async () => {
  Object.assign(kolada, await startFakeKolada());
  koladaIndicator = (await buildIndicator(t.db, { code: 'N79999', periodicity: 'year', source: 'kolada', sourceRef: 'N79999' }))
    .id;
  fileIndicator = (await buildIndicator(t.db, { periodicity: 'year' })).id;
});

const jobs = (queue: string) =>
  t.db.query<{ payload: { importId: string; kpiId: string; years: number[] }; status: string }>(
    `SELECT payload, status FROM jobs WHERE queue = $1 ORDER BY id`,
    [queue],
  );

describe('the daily Kolada refresh', () => {
  it('is a daily schedule of the worker when Kolada is on', async () => {
    await ensureSchedules(t.db, { kolada });
    const rows = await t.db.query<{ queue: string; interval_seconds: number }>(
      `SELECT queue, interval_seconds FROM job_schedules WHERE name = $1`,
      [KOLADA_REFRESH_QUEUE],
    );
    expect(rows).toEqual([{ queue: KOLADA_REFRESH_QUEUE, interval_seconds: 86400 }]);
  });

  it('enqueues one fetch per Kolada indicator for the five years up to last year, once a day, and the fetch lands', async () => {
    // The schedule is due at once: the worker runs the refresh, which enqueues the fetch, which it runs too.
    await drainJobs(t.db, jobHandlers(t.db, t.config));
    const refresh = await jobs(KOLADA_REFRESH_QUEUE);
    expect(refresh.map((j) => j.status)).toEqual(['done']);
    const fetches = await jobs('followup.kolada');
    expect(fetches.map((j) => [j.payload.kpiId, j.payload.years, j.status])).toEqual([
      ['N79999', [2020, 2021, 2022, 2023, 2024], 'done'],
    ]);
    const imp = await repository.getImport(t.db, fetches[0]!.payload.importId);
    expect(imp).toMatchObject({
      indicatorId: koladaIndicator,
      status: 'done',
      fileName: 'Kolada N79999 2020–2024 (daglig uppdatering)',
    });
    const values = await repository.valuesWithProvenance(t.db, koladaIndicator);
    expect(values).toHaveLength(328);
    expect(values.every((v) => v.source === 'kolada' && v.sourceRef === 'N79999')).toBe(true);
    // The file-sourced indicator is not Kolada's to refresh.
    expect(await repository.valuesWithProvenance(t.db, fileIndicator)).toHaveLength(0);

    // A second run the same day adds nothing.
    expect(await refreshKoladaIndicators(t.db)).toBe(0);
    expect(await jobs('followup.kolada')).toHaveLength(1);
  });
});
