/**
 * An indicator's values at the level of units by HSA-id: a quality indicator brought from the
 * recorded fixtures (test/fixtures/quality-indicators) has a unit in Blekinge, Vårdcentralen
 * Testby (SE2321000081-E000000000123); the indicator page lists the region's units by name and
 * HSA-id and charts a unit against its region and the country. HSA-ids are checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../src/jobs.js';
import { drainJobs } from '../src/platform/jobs/worker.js';
import { problem, useTestApp, type Session } from './helpers/app.js';
import { startFakeQualityIndicators, type FakeQuality } from './helpers/fake-quality-indicators.js';

const MID = 'c0ffee00-1a2b-4c3d-8e9f-000000000042';
const HSA = 'SE2321000081-E000000000123';
const qualityIndicators = {
  baseUrl: 'http://127.0.0.1:9',
  resultsUrl: 'http://127.0.0.1:9/{measureId}',
  timeoutMs: 5000,
  retries: 0,
};
const t = useTestApp({ qualityIndicators });
let fake: FakeQuality;
let reader: Session;
let indicatorId: string;

beforeAll(async () => {
  fake = await startFakeQualityIndicators();
  fake.mode = 'ok';
  Object.assign(qualityIndicators, fake.settings);
  const admin = await t.newAdmin();
  reader = await t.newUser();
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/indicator-sources/quality-indicators/imports',
    as: admin,
    payload: { measureId: MID },
  });
  expect(res.statusCode, res.body).toBe(202);
  indicatorId = res.json<{ indicatorId: string }>().indicatorId;
  await drainJobs(t.db, jobHandlers(t.db, t.config));
});
afterAll(() => new Promise<void>((r) => fake.server.close(() => r())));

describe("an indicator's units by HSA-id", () => {
  it("lists the region's units with the source's name, and none in a region without", async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/indicators/${indicatorId}/units?region=10`, as: reader });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([{ hsaId: HSA, name: 'Vårdcentralen Testby', region: '10', regionName: 'Region Blekinge' }]);
    const kronoberg = await t.request({ method: 'GET', url: `/api/v1/indicators/${indicatorId}/units?region=07`, as: reader });
    expect(kronoberg.json().items).toEqual([]);
  });

  it('charts a unit against its region and the country, by gender', async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/indicators/${indicatorId}/unit-series?units=${HSA}`, as: reader });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      periods: string[];
      series: { area: string; name: string; level: string; values: (number | null)[] }[];
    }>();
    expect(body.periods).toEqual(['2023', '2024']);
    expect(body.series.map((s) => [s.area, s.name, s.level])).toEqual([
      [HSA, 'Vårdcentralen Testby', 'unit'],
      ['10', 'Region Blekinge', 'region'],
      ['SE', 'Riket', 'country'],
    ]);
    expect(body.series[0]!.values).toEqual([75, 87.5]);
    const women = await t.request({
      method: 'GET',
      url: `/api/v1/indicators/${indicatorId}/unit-series?units=${HSA}&gender=K`,
      as: reader,
    });
    expect(women.json().series[0].level).toBe('unit');
  });

  it('refuses what is no HSA-id; an unknown indicator is 404', async () => {
    for (const bad of ['SE232100-0081-E1', 'Vårdcentralen', 'SE2321000081-E000000000123,', 'SE2321000081-Vård']) {
      const p = problem(
        await t.request({
          method: 'GET',
          url: `/api/v1/indicators/${indicatorId}/unit-series?units=${encodeURIComponent(bad)}`,
          as: reader,
        }),
      );
      expect([400, 422], bad).toContain(p.status);
    }
    const none = '00000000-0000-4000-8000-000000000000';
    expect((await t.request({ method: 'GET', url: `/api/v1/indicators/${none}/units`, as: reader })).statusCode).toBe(404);
  });
});
