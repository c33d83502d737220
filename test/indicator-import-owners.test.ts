/**
 * A region's own indicator holds only its owner's values and the levels its chart compares with
 * (its healthcare region, the country) (issue 18): whoever imports into it — the healthcare
 * region's samordnare, another region's, an administrator — cannot write another region's values. Both ways in are checked by the module's one policy: the base64
 * import (each foreign row named in the report; a file of only foreign rows is a 403) and a file
 * sent as the body (the worker names each foreign row). National indicators stay open to every
 * region's importer for its own values.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../src/jobs.js';
import { drainJobs } from '../src/platform/jobs/worker.js';
import { buildIndicator } from '../src/testing/builders.js';
import { problem, useTestApp, type Session } from './helpers/app.js';

const t = useTestApp();
let admin: Session;
let kronoberg: Session;
let blekinge: Session;
let sodra: Session;

const FOREIGN = 'Värden för region 10 läses inte in i region 07:s egen indikator.';
const csv = (rows: (string | number)[][]) => Buffer.from(rows.map((r) => r.join(';')).join('\r\n')).toString('base64');
const mapping = { area: 'Region', period: 'Månad', value: 'Andel (%)' };
const MIXED = [
  ['Region', 'Månad', 'Andel (%)'],
  ['07', '2025-01', 61],
  ['Blekinge', '2025-01', 50],
  ['Riket', '2025-01', 55],
  ['Västerbotten', '2025-01', 58],
];
const FOREIGN_24 = 'Värden för region 24 läses inte in i region 07:s egen indikator.';
const importBase64 = (id: string, as: Session, rows: (string | number)[][], extra: Record<string, unknown> = {}) =>
  t.request({
    method: 'POST',
    url: `/api/v1/indicators/${id}/imports`,
    as,
    payload: { fileName: 'v.csv', format: 'csv', contentBase64: csv(rows), mapping, ...extra },
  });
const values = (id: string) =>
  t.db.query<{ area: string; value: number }>(
    'SELECT area, value FROM followup_indicator_values WHERE indicator_id = $1 ORDER BY area',
    [id],
  );
const kronobergIndicator = () => buildIndicator(t.db, { owner: '07' });

beforeAll(async () => {
  admin = await t.newAdmin();
  kronoberg = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '07' }]);
  blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
  sodra = await t.newUser([{ role: 'samordnare', scopeType: 'healthcare-region', scopeId: 'sodra' }]);
});

describe("a region's own indicator, imported as base64", () => {
  it("the healthcare region's samordnare (who may import for 07 and 10) writes Kronoberg's values and the country's comparison, never Blekinge's", async () => {
    const ind = await kronobergIndicator();
    const dry = await importBase64(ind.id, sodra, MIXED, { dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      validRows: 2,
      problems: [
        { row: 3, column: 'Region', value: '10', message: FOREIGN },
        { row: 5, column: 'Region', value: '24', message: FOREIGN_24 },
      ],
    });
    const all = problem(await importBase64(ind.id, sodra, MIXED));
    expect(all.status).toBe(422);
    expect(all.body.errors).toEqual([
      { path: '/rows/3/Region', message: FOREIGN },
      { path: '/rows/5/Region', message: FOREIGN_24 },
    ]);
    expect(await values(ind.id)).toEqual([]);
    const some = await importBase64(ind.id, sodra, MIXED, { mode: 'valid-only' });
    expect(some.statusCode, some.body).toBe(201);
    expect(await values(ind.id)).toEqual([
      { area: '07', value: 61 },
      { area: 'SE', value: 55 },
    ]);
  });

  it("Kronoberg's own samordnare writes the country's and Södra's comparison values into its indicator (not a national value: the indicator's own)", async () => {
    const ind = await kronobergIndicator();
    const res = await importBase64(ind.id, kronoberg, [
      ['Region', 'Månad', 'Andel (%)'],
      ['sodra', '2025-01', 59],
      ['Riket', '2025-01', 55],
    ]);
    expect(res.statusCode, res.body).toBe(201);
    expect(await values(ind.id)).toEqual([
      { area: 'SE', value: 55 },
      { area: 'sodra', value: 59 },
    ]);
    const national = await buildIndicator(t.db);
    const p = problem(
      await importBase64(national.id, kronoberg, [
        ['Region', 'Månad', 'Andel (%)'],
        ['Riket', '2025-01', 55],
      ]),
    );
    expect(p.status).toBe(403);
    expect(await values(national.id)).toEqual([]);
  });

  it("an administrator cannot write other regions' values into it either: 403 with the areas named", async () => {
    const ind = await kronobergIndicator();
    const p = problem(
      await importBase64(ind.id, admin, [
        ['Region', 'Månad', 'Andel (%)'],
        ['10', '2025-01', 50],
        ['24', '2025-01', 55],
      ]),
    );
    expect(p.status).toBe(403);
    expect(p.body.detail).toBe('Värden för region 10, region 24 läses inte in i region 07:s egen indikator.');
    expect(await values(ind.id)).toEqual([]);
  });

  it("another region's samordnare is refused its own values in Kronoberg's indicator; Kronoberg's own samordnare writes them", async () => {
    const ind = await kronobergIndicator();
    const own = [
      ['Region', 'Månad', 'Andel (%)'],
      ['10', '2025-01', 50],
    ];
    const p = problem(await importBase64(ind.id, blekinge, own));
    expect(p.status).toBe(403);
    expect(p.body.detail).toBe(FOREIGN);
    const mine = await importBase64(ind.id, kronoberg, [
      ['Region', 'Månad', 'Andel (%)'],
      ['Växjö', '2025-01', 70],
      ['07', '2025-01', 64],
    ]);
    expect(mine.statusCode, mine.body).toBe(201);
    expect(await values(ind.id)).toEqual([
      { area: '07', value: 64 },
      { area: '07', value: 70 },
    ]);
  });

  it('a national indicator takes each region’s own values from its samordnare, as before', async () => {
    const ind = await buildIndicator(t.db);
    const res = await importBase64(ind.id, blekinge, [
      ['Region', 'Månad', 'Andel (%)'],
      ['10', '2025-01', 50],
    ]);
    expect(res.statusCode, res.body).toBe(201);
    expect(await values(ind.id)).toEqual([{ area: '10', value: 50 }]);
  });
});

describe("a region's own indicator, sent as the body and read by the worker", () => {
  const upload = (id: string, as: Session, body: string, extra: Record<string, string> = {}) =>
    t.request({
      method: 'POST',
      url: `/api/v1/indicators/${id}/imports/upload?${new URLSearchParams({ fileName: 'v.csv', ...mapping, ...extra }).toString()}`,
      as,
      headers: { 'content-type': 'text/csv' },
      payload: `\uFEFF${body}`,
    });
  const status = async (id: string) =>
    (await t.request({ method: 'GET', url: `/api/v1/indicator-imports/${id}`, as: admin })).json();
  const drain = () => drainJobs(t.db, jobHandlers(t.db, t.config));

  it("names each foreign row in the report and writes only Kronoberg's (valid-only); all-or-nothing writes nothing", async () => {
    const ind = await kronobergIndicator();
    const file = 'Region;Månad;Andel (%)\r\n0780;2025-01;61,5\r\n1080;2025-01;50,0\r\nRiket;2025-01;55,0\r\n';
    // Växjö (0780) is Kronoberg's; Karlshamn (1080) is Blekinge's; the country is the comparison.
    const strict = await upload(ind.id, sodra, file);
    expect(strict.statusCode, strict.body).toBe(202);
    await drain();
    expect(await status(strict.json<{ id: string }>().id)).toMatchObject({
      status: 'rejected',
      problems: [{ row: 3, column: 'Region', value: '10', message: FOREIGN }],
    });
    expect(await values(ind.id)).toEqual([]);

    const some = await upload(ind.id, sodra, file, { mode: 'valid-only' });
    await drain();
    expect(await status(some.json<{ id: string }>().id)).toMatchObject({ status: 'done', importedRows: 2, problemCount: 1 });
    expect(await values(ind.id)).toEqual([
      { area: '07', value: 61.5 },
      { area: 'SE', value: 55 },
    ]);
  });

  it("a file starting with another region's row is refused at once (403), nothing stored", async () => {
    const ind = await kronobergIndicator();
    const p = problem(await upload(ind.id, admin, 'Region;Månad;Andel (%)\r\n10;2025-01;50\r\n'));
    expect(p.status).toBe(403);
    expect(p.body.detail).toBe('Värden för region 10 läses inte in i region 07:s egen indikator (filens första rad).');
    expect(await t.db.query('SELECT 1 FROM followup_imports WHERE indicator_id = $1', [ind.id])).toHaveLength(0);
  });
});
