/**
 * The Kolada v3 connector against recorded answers in Kolada's shape (test/fixtures/kolada),
 * served by a local fake server: no network at test time. Also the file formats the Swedish
 * sources export (semicolons, decimal comma, Latin-1, a gender column, Kolada's ids).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../src/jobs.js';
import { repository } from '../src/modules/indicators/index.js';
import { drainJobs } from '../src/platform/jobs/worker.js';
import { buildIndicator } from '../src/testing/builders.js';
import { problem, useTestApp, type Session } from './helpers/app.js';

const kolada = { baseUrl: 'http://127.0.0.1:9/v3', timeoutMs: 2000, retries: 1 };
const t = useTestApp({ kolada });
const fixture = (name: string) => readFileSync(new URL(`./fixtures/kolada/${name}`, import.meta.url), 'utf8');

/** What the fake Kolada does: answer from the fixtures, be down, or answer in a changed shape. */
let mode: 'ok' | 'down' | 'changed' = 'ok';
const seen: string[] = [];
let server: Server;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    seen.push(url.pathname + url.search);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`;
    const send = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(body.replaceAll('{base}', base));
    };
    if (mode === 'down') return send(503, '{"message":"Service Unavailable"}');
    if (url.pathname === '/v3/kpi/N79999') return send(200, fixture('kpi-N79999.json'));
    if (url.pathname === '/v3/kpi' && url.searchParams.get('title') === 'fast') return send(200, fixture('kpi-search-fast.json'));
    if (url.pathname.startsWith('/v3/kpi/')) return send(200, '{"count":0,"values":[],"next_page":null}');
    if (url.pathname.startsWith('/v3/data/kpi/N79999/municipality/')) {
      if (mode === 'changed') return send(200, '{"count":1,"rows":[{"kpi":"N79999"}]}');
      return send(200, fixture(`data-N79999-page-${url.searchParams.get('page') === '2' ? 2 : 1}.json`));
    }
    send(404, '{"message":"Not found"}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  kolada.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`;
});
afterAll(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

let admin: Session;
let blekinge: Session;
beforeAll(async () => {
  admin = await t.newAdmin();
  blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
});

const bring = (as: Session, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: '/api/v1/indicator-sources/kolada/imports', as, payload });
const drain = () => drainJobs(t.db, jobHandlers(t.db, t.config));
const importOf = async (id: string) =>
  (await t.request({ method: 'GET', url: `/api/v1/indicator-imports/${id}`, as: admin })).json();

describe('Kolada v3', () => {
  it('one action brings a KPI for the country and all 21 regions over five years, by gender, with provenance', async () => {
    mode = 'ok';
    const res = await bring(admin, { kpiId: 'N79999', fromYear: 2020, toYear: 2024 });
    expect(res.statusCode).toBe(202);
    const queued = res.json();
    expect(queued).toMatchObject({ status: 'queued', fileName: 'Kolada N79999 2020–2024' });
    await drain();
    const done = await importOf(queued.id);
    expect(done).toMatchObject({ status: 'done', validRows: 328, importedRows: 328, totalRows: 330 });
    expect(done.problems.map((p: { value: string; message: string }) => [p.value, p.message])).toEqual([
      ['0009 2020 K', 'Kolada saknar värde (Saknas).'],
      ['0009 2020 M', 'Kolada saknar värde (Saknas).'],
    ]);
    // Both pages were read, following next_page.
    expect(seen.some((s) => s.includes('page=2'))).toBe(true);

    const ind = (await t.request({ method: 'GET', url: `/api/v1/indicators/${queued.indicatorId}`, as: admin })).json();
    expect(ind).toMatchObject({ code: 'N79999', source: 'kolada', sourceRef: 'N79999', periodicity: 'year', unit: '%' });

    const values = await repository.valuesWithProvenance(t.db, queued.indicatorId);
    expect(values).toHaveLength(328);
    expect(new Set(values.map((v) => v.area)).size).toBe(22);
    expect([...new Set(values.map((v) => v.period))]).toEqual(['2020', '2021', '2022', '2023', '2024']);
    expect(values.every((v) => v.source === 'kolada' && v.sourceRef === 'N79999' && typeof v.fetchedAt === 'string')).toBe(true);
    const blekinge2024 = values.filter((v) => v.area === '10' && v.period === '2024');
    expect(blekinge2024.map((v) => [v.gender, v.level])).toEqual([
      ['K', 'region'],
      ['M', 'region'],
      ['T', 'region'],
    ]);
    expect(values.find((v) => v.area === 'SE')!.level).toBe('country');

    // The chart's series for women: Blekinge against the country.
    const series = (
      await t.request({ method: 'GET', url: `/api/v1/indicators/${queued.indicatorId}/series?regions=10&gender=K`, as: admin })
    ).json();
    const k = blekinge2024.find((v) => v.gender === 'K')!.value;
    expect(series.series.find((s: { area: string }) => s.area === '10').latest).toEqual({ period: '2024', value: k });

    // Audited: the indicator's creation and the import.
    const audit = await t.db.query<{ entity_type: string; action: string }>(
      `SELECT entity_type, action FROM audit_events WHERE entity_id IN ($1, $2) ORDER BY id`,
      [queued.indicatorId, queued.id],
    );
    expect(audit.map((a) => `${a.entity_type}.${a.action}`)).toEqual(['indicator.create', 'indicator-import.kolada']);

    // Bringing it again replaces the same years: same indicator, same values.
    const again = (await bring(admin, { kpiId: 'N79999', fromYear: 2020, toYear: 2024 })).json();
    expect(again.indicatorId).toBe(queued.indicatorId);
    await drain();
    expect(await repository.valuesWithProvenance(t.db, queued.indicatorId)).toHaveLength(328);
  });

  it('finds KPIs by title', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/indicator-sources/kolada/kpis?q=fast', as: admin });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((k: { id: string; dividedByGender: boolean }) => [k.id, k.dividedByGender])).toEqual([
      ['N79999', true],
      ['N79998', false],
    ]);
    expect(res.json().attribution).toBe('Källa: Kolada');
  });

  it('only the indicator administrators bring national data; a wrong id or span is refused', async () => {
    expect((await bring(blekinge, { kpiId: 'N79999' })).statusCode).toBe(403);
    const unknown = problem(await bring(admin, { kpiId: 'N00001' }));
    expect(unknown.status).toBe(422);
    expect(unknown.body.detail).toBe('Kolada har inget nyckeltal N00001.');
    expect(problem(await bring(admin, { kpiId: 'N79999', fromYear: 2024, toYear: 2020 })).status).toBe(422);
    expect((await bring(admin, { kpiId: 'n79999; drop' })).statusCode).toBe(422);
  });

  it('a source that is down says so in Swedish, and the import that meets it fails with the reason', async () => {
    mode = 'down';
    const p = problem(await bring(admin, { kpiId: 'N79999' }));
    expect(p.status).toBe(503);
    expect(p.body.detail).toMatch(/^Kolada går inte att nå just nu \(svarade 503, 2 försök\)/);

    mode = 'ok';
    const queued = (await bring(admin, { kpiId: 'N79999', fromYear: 2020, toYear: 2024 })).json();
    mode = 'down';
    await drain();
    expect(await importOf(queued.id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/Kolada går inte att nå/) });
  });

  it('a source that changes shape writes nothing and says what changed', async () => {
    mode = 'ok';
    const queued = (await bring(admin, { kpiId: 'N79999', fromYear: 2023, toYear: 2023 })).json();
    mode = 'changed';
    const before = (await repository.valuesWithProvenance(t.db, queued.indicatorId)).length;
    await drain();
    const failed = await importOf(queued.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(
      /Kolada svarade i ett oväntat format för värdena för N79999 .*Källan kan ha ändrats; ingenting lästes in\./,
    );
    expect(await repository.valuesWithProvenance(t.db, queued.indicatorId)).toHaveLength(before);
    mode = 'ok';
  });
});

describe('files as the sources export them', () => {
  it('a Latin-1, semicolon file with decimal commas, Kolada ids and a gender column keeps T, K and M', async () => {
    const ind = await buildIndicator(t.db, { periodicity: 'year' });
    const text = [
      'Område;Kön;År;Värde',
      '0010;Totalt;2024;71,2',
      '0010;Kvinnor;2024;73,0',
      '0010;Män;2024;69,4',
      '0000;Totalt;2024;70,1',
      'Växjö;Kvinnor;2024;75,5',
    ].join('\r\n');
    const contentBase64 = Buffer.from(text, 'latin1').toString('base64');
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/indicators/${ind.id}/imports`,
      as: admin,
      payload: {
        fileName: 'kolada-export.csv',
        format: 'csv',
        contentBase64,
        mapping: { area: 'Område', period: 'År', value: 'Värde', gender: 'Kön' },
      },
    });
    expect(res.statusCode).toBe(201);
    const values = await repository.valuesWithProvenance(t.db, ind.id);
    expect(values.map((v) => [v.area, v.subArea, v.level, v.gender, v.value])).toEqual(
      [
        ['10', '', 'region', 'K', 73],
        ['10', '', 'region', 'M', 69.4],
        ['10', '', 'region', 'T', 71.2],
        ['07', '0780', 'municipality', 'K', 75.5],
        ['SE', '', 'country', 'T', 70.1],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1]))),
    );
    expect(values.every((v) => v.source === 'file' && v.sourceRef === 'kolada-export.csv')).toBe(true);
  });
});
