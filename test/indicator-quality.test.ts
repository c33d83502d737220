/**
 * The national quality indicators connector (Kvalitetsindikatorkatalogen + results in Vården i
 * siffror's file format) against recorded answers in those shapes (test/fixtures/quality-indicators),
 * served by a local fake server: no network at test time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../src/jobs.js';
import { repository } from '../src/modules/indicators/index.js';
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
let admin: Session;
let blekinge: Session;

beforeAll(async () => {
  fake = await startFakeQualityIndicators();
  Object.assign(qualityIndicators, fake.settings);
  admin = await t.newAdmin();
  blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
});
afterAll(() => new Promise<void>((r) => fake.server.close(() => r())));

const bring = (as: Session, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: '/api/v1/indicator-sources/quality-indicators/imports', as, payload });
const drain = () => drainJobs(t.db, jobHandlers(t.db, t.config));
const importOf = async (id: string) =>
  (await t.request({ method: 'GET', url: `/api/v1/indicator-imports/${id}`, as: admin })).json();

describe('national quality indicators', () => {
  it('one action brings a measure for the country, regions and a unit by HSA-id, by gender, with provenance', async () => {
    fake.mode = 'ok';
    const res = await bring(admin, { measureId: MID });
    expect(res.statusCode).toBe(202);
    const queued = res.json();
    expect(queued).toMatchObject({ status: 'queued', fileName: `Kvalitetsindikator ${MID}` });
    await drain();
    const done = await importOf(queued.id);
    // 2 years × (country, 3 regions, 1 unit) × 3 genders, less the masked unit row for men 2023.
    expect(done).toMatchObject({ status: 'done', validRows: 29, importedRows: 29, totalRows: 30 });
    expect(done.problems.map((p: { message: string }) => p.message)).toEqual(['Värdet är maskerat i källan (MSK).']);
    // The measure, its two gender submeasures and the three results files were read.
    expect(fake.seen.filter((s) => s.startsWith('GET /results/'))).toHaveLength(3);

    const ind = (await t.request({ method: 'GET', url: `/api/v1/indicators/${queued.indicatorId}`, as: admin })).json();
    expect(ind).toMatchObject({
      code: `VIS-${MID}`,
      source: 'quality-indicators',
      sourceRef: MID,
      sourceName: 'Nationellt kvalitetsregister (testregister)',
      periodicity: 'year',
      unit: '%',
      direction: 'higher',
    });

    const values = await repository.valuesWithProvenance(t.db, queued.indicatorId);
    expect(values).toHaveLength(29);
    expect(values.every((v) => v.source === 'quality-indicators' && v.sourceRef === MID && typeof v.fetchedAt === 'string')).toBe(
      true,
    );
    expect([...new Set(values.map((v) => v.period))].sort()).toEqual(['2023', '2024']);
    const country2024 = values.filter((v) => v.area === 'SE' && v.period === '2024');
    expect(country2024.map((v) => [v.gender, v.level, v.value])).toEqual([
      ['K', 'country', 70.14],
      ['M', 'country', 70.2],
      ['T', 'country', 70.1],
    ]);
    const unit = values.filter((v) => v.subArea === HSA);
    expect(unit.map((v) => [v.area, v.level, v.period, v.gender]).sort()).toEqual([
      ['10', 'unit', '2023', 'K'],
      ['10', 'unit', '2023', 'T'],
      ['10', 'unit', '2024', 'K'],
      ['10', 'unit', '2024', 'M'],
      ['10', 'unit', '2024', 'T'],
    ]);
    const halland = values.find((v) => v.area === '13' && v.period === '2024' && v.gender === 'T')!;
    expect([halland.level, halland.numerator, halland.denominator, halland.value]).toEqual(['region', 430, 600, 71.67]);

    const audit = await t.db.query<{ entity_type: string; action: string }>(
      `SELECT entity_type, action FROM audit_events WHERE entity_id IN ($1, $2) ORDER BY id`,
      [queued.indicatorId, queued.id],
    );
    expect(audit.map((a) => `${a.entity_type}.${a.action}`)).toEqual(['indicator.create', 'indicator-import.quality-indicators']);

    // The chart's comparison: a region, its healthcare region and the country, each with its level.
    const series = (
      await t.request({
        method: 'GET',
        url: `/api/v1/indicators/${queued.indicatorId}/series?regions=13,sodra&gender=K`,
        as: admin,
      })
    ).json();
    expect(series.series.map((s: { area: string; name: string; level: string }) => [s.area, s.name, s.level])).toEqual([
      ['13', 'Region Halland', 'region'],
      ['sodra', 'Södra sjukvårdsregionen', 'healthcare-region'],
      ['SE', 'Riket', 'country'],
    ]);

    // Again: the same indicator, the same values (periods and places replaced).
    const again = (await bring(admin, { measureId: MID })).json();
    expect(again.indicatorId).toBe(queued.indicatorId);
    await drain();
    expect(await repository.valuesWithProvenance(t.db, queued.indicatorId)).toHaveLength(29);
  });

  it('finds measures in the catalogue, with the attribution', async () => {
    const res = await t.request({
      method: 'GET',
      url: '/api/v1/indicator-sources/quality-indicators/measures?q=uppföljning',
      as: admin,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((m: { measureId: string; frequencies: string[] }) => [m.measureId, m.frequencies])).toEqual([
      [MID, ['Kvartal', 'År']],
      ['c0ffee00-1a2b-4c3d-8e9f-000000000043', ['År']],
    ]);
    expect(res.json().attribution).toBe('Källa: Vården i siffror (Kvalitetsindikatorkatalogen, Inera/SKR)');
  });

  it('only the indicator administrators bring national data; an unknown measure is a 422', async () => {
    expect((await bring(blekinge, { measureId: MID })).statusCode).toBe(403);
    const unknown = problem(await bring(admin, { measureId: '12345' }));
    expect(unknown.status).toBe(422);
    expect(unknown.body.detail).toBe('Kvalitetsindikatorkatalogen har ingen indikator 12345.');
    expect((await bring(admin, { measureId: 'x; drop' })).statusCode).toBe(422);
  });

  it('a source that is down says so in Swedish; a changed results format fails the import and writes nothing', async () => {
    fake.mode = 'down';
    const p = problem(await bring(admin, { measureId: MID }));
    expect(p.status).toBe(503);
    expect(p.body.detail).toMatch(/^De nationella kvalitetsindikatorerna går inte att nå just nu \(svarade 503, 1 försök\)/);

    fake.mode = 'ok';
    const queued = (await bring(admin, { measureId: MID })).json();
    const before = (await repository.valuesWithProvenance(t.db, queued.indicatorId)).length;
    fake.mode = 'changed';
    await drain();
    const failed = await importOf(queued.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(
      /saknar kolumnerna MeasureID, PeriodReportedStartDate, PeriodReportedEndDate, RegionOrganisationId/,
    );
    expect(await repository.valuesWithProvenance(t.db, queued.indicatorId)).toHaveLength(before);
    fake.mode = 'ok';
  });
});
