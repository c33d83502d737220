import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/platform/http/app.js';
import { buildIndicator } from '../src/testing/builders.js';
import { testConfig, useTestApp, type Session } from './helpers/app.js';
import { secondProcess } from './helpers/second-process.js';

/**
 * An indicator's series and the open data of indicator values are cached reads (read-cache.ts,
 * topic 'indicators' of migration 0058): kept per app process, rebuilt in every process once an
 * import or another write to the indicators has committed, and never a way past a refusal.
 */
const t = useTestApp({ publicFollowup: false, followupImportSyncRows: 300 });

/** A second app process on the same database: its cache is its own. */
let other: App;
let admin: Session;
let reader: Session;
let blekinge: Session;
beforeAll(async () => {
  other = await secondProcess(t.db, testConfig({ publicFollowup: false, followupImportSyncRows: 300 }));
  admin = await t.newAdmin();
  reader = await t.newUser([{ role: 'lasare', scopeType: 'region', scopeId: '08' }]);
  blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
});
afterAll(async () => other?.close());

const get = (app: App, url: string, as?: Session, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers: { ...(as ? { cookie: as.cookie } : {}), ...headers } });
const csv = (rows: (string | number)[][]) =>
  Buffer.from([['Region', 'Månad', 'Andel (%)'], ...rows].map((r) => r.join(';')).join('\r\n')).toString('base64');
async function importValues(id: string, rows: (string | number)[][]) {
  const res = await t.request({
    method: 'POST',
    url: `/api/v1/indicators/${id}/imports`,
    as: admin,
    payload: {
      fileName: 'värden.csv',
      format: 'csv',
      contentBase64: csv(rows),
      mapping: { area: 'Region', period: 'Månad', value: 'Andel (%)' },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
}
type SeriesBody = { series: { area: string; values: (number | null)[]; meetsTarget: boolean | null }[] };
const blekingeOf = (body: string) => (JSON.parse(body) as SeriesBody).series.find((s) => s.area === '10')!;

describe("an indicator's cached series", () => {
  it('is rebuilt in every process after an import or a new target, and 304 to a client that has it', async () => {
    const ind = await buildIndicator(t.db, { code: 'CACHE-S1' });
    await importValues(ind.id, [
      ['Blekinge', '2025-01', 70],
      ['Riket', '2025-01', 75],
    ]);
    const url = `/api/v1/indicators/${ind.id}/series?regions=10`;
    const a = await get(t.app, url, reader);
    const b = await get(other, url, reader);
    expect(a.statusCode).toBe(200);
    expect(blekingeOf(a.body).values).toEqual([70]);
    expect(b.body).toBe(a.body);
    expect(b.headers.etag).toBe(a.headers.etag);
    const kept = await get(t.app, url, reader, { 'if-none-match': a.headers.etag as string });
    expect(kept.statusCode).toBe(304);
    expect(kept.body).toBe('');

    await importValues(ind.id, [['Blekinge', '2025-02', 72]]);
    for (const app of [t.app, other]) {
      const after = await get(app, url, reader, { 'if-none-match': a.headers.etag as string });
      expect(after.statusCode).toBe(200);
      expect(blekingeOf(after.body).values).toEqual([70, 72]);
    }

    // A write to the indicator itself (its target) is seen too.
    expect(blekingeOf((await get(other, url, reader)).body).meetsTarget).toBeNull();
    const patched = await t.request({
      method: 'PATCH',
      url: `/api/v1/indicators/${ind.id}`,
      as: admin,
      payload: { version: ind.version, targetValue: 71 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(blekingeOf((await get(other, url, reader)).body).meetsTarget).toBe(true);
  });

  it('refuses after another caller warmed it: 401 without sign-in, 404 for an unknown indicator', async () => {
    const own = await t.request({
      method: 'POST',
      url: '/api/v1/indicators',
      as: blekinge,
      payload: {
        code: 'CACHE-OWN',
        owner: '10',
        name: 'Andel med vårdplan',
        definition: 'Andel patienter med upprättad vårdplan inom 30 dagar.',
        unit: '%',
        direction: 'higher',
        periodicity: 'month',
        source: 'own-measurement',
      },
    });
    expect(own.statusCode, own.body).toBe(201);
    const url = `/api/v1/indicators/${own.json<{ id: string }>().id}/series`;
    const warmed = await get(t.app, url, blekinge);
    expect(warmed.statusCode).toBe(200);
    // The region's own indicator is read by every signed-in reader (policy.ts), the same answer.
    expect((await get(t.app, url, reader)).body).toBe(warmed.body);
    for (const app of [t.app, other]) {
      expect((await get(app, url)).statusCode).toBe(401);
      expect((await get(app, url, undefined, { 'if-none-match': warmed.headers.etag as string })).statusCode).toBe(401);
    }
    const unknown = '/api/v1/indicators/00000000-0000-4000-8000-00000000dead/series';
    for (const app of [t.app, t.app, other]) expect((await get(app, unknown, reader)).statusCode).toBe(404);
    expect((await get(t.app, unknown, undefined)).statusCode).toBe(401);
  });
});

describe('the cached open data of indicator values', () => {
  const page = (limit: number, format = 'json') =>
    `/api/v1/open-data/indicator-values?indicator=CACHE-O1&limit=${limit}${format === 'csv' ? '&format=csv' : ''}`;

  it('follows an import in another process, with the Link and bytes of the streamed pages', async () => {
    const ind = await buildIndicator(t.db, { code: 'CACHE-O1' });
    await importValues(ind.id, [
      ['Blekinge', '2025-01', 70],
      ['Kalmar', '2025-01', 71],
      ['Riket', '2025-01', 75],
    ]);
    const first = await get(t.app, page(2));
    expect(first.statusCode).toBe(200);
    const body = first.json<{ items: { area: string; value: number }[]; next: string | null }>();
    expect(body.items.map((i) => i.area)).toEqual(['08', '10']);
    expect(first.headers.link).toBe(`<${body.next}>; rel="next"`);
    const again = await get(other, page(2));
    expect(again.body).toBe(first.body);
    expect(again.headers.link).toBe(first.headers.link);
    expect((await get(other, page(2), undefined, { 'if-none-match': first.headers.etag as string })).statusCode).toBe(304);
    const rest = await get(t.app, body.next!);
    expect(rest.json<{ items: { area: string }[]; next: null }>()).toEqual(
      expect.objectContaining({ items: [expect.objectContaining({ area: 'SE' })], next: null }),
    );

    // A default page is kept, a bigger one streamed: the same bytes either way.
    for (const format of ['json', 'csv']) {
      const kept = await get(t.app, page(1000, format));
      const streamed = await get(t.app, page(1001, format));
      expect(kept.headers.etag).toBeDefined();
      expect(streamed.headers.etag).toBeUndefined();
      expect(kept.body).toBe(streamed.body);
      expect(kept.headers['content-type']).toBe(streamed.headers['content-type']);
      expect(kept.headers['content-disposition']).toBe(streamed.headers['content-disposition']);
    }

    await get(other, page(1000));
    await importValues(ind.id, [['Blekinge', '2025-02', 73]]);
    for (const app of [t.app, other]) {
      const items = (await get(app, page(1000))).json<{ items: { area: string; period: string; value: number }[] }>().items;
      expect(items.map((i) => [i.area, i.period, i.value])).toEqual([
        ['08', '2025-01', 71],
        ['10', '2025-01', 70],
        ['10', '2025-02', 73],
        ['SE', '2025-01', 75],
      ]);
      const csvPage = await get(app, page(1000, 'csv'));
      expect(csvPage.body).toContain('2025-02');
    }
  });
});
