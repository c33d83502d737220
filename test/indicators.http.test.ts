import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../src/jobs.js';
import { drainJobs } from '../src/platform/jobs/worker.js';
import { buildIndicator } from '../src/testing/builders.js';
import { problem, useTestApp, type Session } from './helpers/app.js';
import { testConfig } from './helpers/app.js';

const t = useTestApp({ followupImportSyncRows: 300 });
let admin: Session;
let blekinge: Session;
let kalmar: Session;
let regionCodes: string[];

const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);

async function xlsx(rows: (string | number | Date | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Värden');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
const csv = (rows: (string | number)[][]) => Buffer.from(rows.map((r) => r.join(';')).join('\r\n')).toString('base64');
const mapping = { area: 'Region', period: 'Månad', value: 'Andel (%)' };
const count = async (id: string) =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM followup_indicator_values WHERE indicator_id = $1', [id]))[0]!
    .n;

beforeAll(async () => {
  admin = await t.newAdmin();
  blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
  kalmar = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '08' }]);
  regionCodes = (await t.db.query<{ code: string }>('SELECT code FROM regions ORDER BY code')).map((r) => r.code);
});

describe('importing indicator values', () => {
  it('an XLSX file with errors reports each bad row, precisely, and imports nothing', async () => {
    const ind = await buildIndicator(t.db);
    const content = await xlsx([
      ['Region', 'Månad', 'Andel (%)'],
      ['Region Kronoberg', '2025-01', 81.5],
      ['Region Atlantis', '2025-01', 80],
      ['Blekinge', '2025-13', 70],
      ['Kalmar', '2025-02', 'ej rapporterat'],
      ['Region Kronoberg', new Date(Date.UTC(2025, 0, 1)), 79],
      ['Riket', '2025-Q1', 75],
    ]);
    const body = { fileName: 'väntetider.xlsx', format: 'xlsx', contentBase64: content, mapping };
    const res = await t.request({ method: 'POST', url: `/api/v1/indicators/${ind.id}/imports`, as: admin, payload: body });
    const p = problem(res);
    expect(p.status).toBe(422);
    expect(p.body.detail).toMatch(/Inget lästes in: 5 rader har fel/);
    expect(p.body.errors).toEqual([
      { path: '/rows/3/Region', message: 'Okänd region "Region Atlantis".' },
      { path: '/rows/4/Månad', message: expect.stringMatching(/"2025-13" är ingen giltig månad/) },
      { path: '/rows/5/Andel (%)', message: '"ej rapporterat" är inte ett tal.' },
      { path: '/rows/6/Månad', message: 'Dubblett: samma region och period som rad 2.' },
      { path: '/rows/7/Månad', message: expect.stringMatching(/är ett kvartal, men indikatorn mäts per månad/) },
    ]);
    expect(await count(ind.id)).toBe(0);

    // The wizard's dry run shows the same report, and the valid rows.
    const dry = (
      await t.request({
        method: 'POST',
        url: `/api/v1/indicators/${ind.id}/imports`,
        as: admin,
        payload: { ...body, dryRun: true },
      })
    ).json();
    expect(dry.problems.map((x: { row: number }) => x.row)).toEqual([3, 4, 5, 6, 7]);
    expect(dry.validRows).toBe(1);
    expect(await count(ind.id)).toBe(0);

    // Choosing "only the valid rows" imports exactly those.
    const partial = await t.request({
      method: 'POST',
      url: `/api/v1/indicators/${ind.id}/imports`,
      as: admin,
      payload: { ...body, mode: 'valid-only' },
    });
    expect(partial.statusCode).toBe(201);
    expect(partial.json()).toMatchObject({ status: 'done', importedRows: 1, validRows: 1, totalRows: 6 });
    expect(partial.json().problems).toHaveLength(5);
    expect(await count(ind.id)).toBe(1);
  });

  it('a year of monthly values for all 21 regions and the nation gives correct run and control charts', async () => {
    const ind = await buildIndicator(t.db, { targetValue: 80, alertValue: 70 });
    const rows: (string | number)[][] = [['Region', 'Månad', 'Andel (%)']];
    // Kronoberg: a clear shift up in the last 8 months (a special-cause signal); others stable.
    const kronoberg = [70, 72, 71, 70, 80, 81, 82, 80, 81, 82, 81, 80];
    for (const code of regionCodes) months.forEach((m, i) => rows.push([code, m, code === '07' ? kronoberg[i]! : 74 + (i % 2)]));
    months.forEach((m) => rows.push(['Riket', m, '75,0']));
    const content = await xlsx(rows);
    expect(rows.length - 1).toBe(21 * 12 + 12);
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/indicators/${ind.id}/imports`,
      as: admin,
      payload: { fileName: 'år.xlsx', format: 'xlsx', contentBase64: content, mapping },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'done', importedRows: 264, periods: months });
    const s = (await t.request({ method: 'GET', url: `/api/v1/indicators/${ind.id}/series?regions=07,10`, as: admin })).json();
    expect(s.periods).toEqual(months);
    expect(s.series.map((x: { area: string }) => x.area)).toEqual(['07', '10', 'SE']);
    const k = s.series[0];
    expect(k.values).toEqual(kronoberg);
    expect(k.analysis.run.median).toBe(80);
    expect(k.analysis.control.mean).toBeCloseTo(kronoberg.reduce((a, b) => a + b) / 12, 10);
    expect(k.analysis.control.upperLimit).not.toBeNull();
    expect(
      k.signals.some(
        (x: { chart: string; rule: string; meaning: string }) =>
          x.chart === 'control' && x.rule === 'shift' && x.meaning === 'improvement',
      ),
    ).toBe(true);
    expect(k.meetsTarget).toBe(true);
    expect(s.series[1].signals.filter((x: { chart: string }) => x.chart === 'control')).toEqual([]);
    expect(s.series[2].values).toEqual(Array(12).fill(75));

    // All regions side by side when none is chosen.
    const all = (await t.request({ method: 'GET', url: `/api/v1/indicators/${ind.id}/series` })).json();
    expect(all.series).toHaveLength(22);
  });

  it('re-importing a period replaces it atomically, for the regions in the file only', async () => {
    const ind = await buildIndicator(t.db);
    const first = csv([
      ['Region', 'Månad', 'Andel (%)'],
      ['10', '2025-01', 50],
      ['08', '2025-01', 60],
      ['10', '2025-02', 55],
    ]);
    const imp = (body: string, as: Session) =>
      t.request({
        method: 'POST',
        url: `/api/v1/indicators/${ind.id}/imports`,
        as,
        payload: { fileName: 'v.csv', format: 'csv', contentBase64: body, mapping },
      });
    expect((await imp(first, admin)).statusCode).toBe(201);
    // Blekinge's coordinator re-imports January for Blekinge: Kalmar's January and Blekinge's February stay.
    expect(
      (
        await imp(
          csv([
            ['Region', 'Månad', 'Andel (%)'],
            ['Blekinge', '2025-01', 52],
          ]),
          blekinge,
        )
      ).statusCode,
    ).toBe(201);
    const values = await t.db.query<{ area: string; period: string; value: number }>(
      'SELECT area, period, value FROM followup_indicator_values WHERE indicator_id = $1 ORDER BY area, period',
      [ind.id],
    );
    expect(values).toEqual([
      { area: '08', period: '2025-01', value: 60 },
      { area: '10', period: '2025-01', value: 52 },
      { area: '10', period: '2025-02', value: 55 },
    ]);
  });

  it('a region imports only its own values; national values need national rights', async () => {
    const ind = await buildIndicator(t.db);
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/indicators/${ind.id}/imports`,
      as: kalmar,
      payload: {
        fileName: 'v.csv',
        format: 'csv',
        contentBase64: csv([
          ['Region', 'Månad', 'Andel (%)'],
          ['Kalmar', '2025-01', 61],
          ['10', '2025-01', 50],
          ['Riket', '2025-01', 1],
        ]),
        mapping,
      },
    });
    // A file mixing its own region with others': the foreign rows are named, nothing is imported.
    expect(problem(res).status).toBe(422);
    expect(problem(res).body.errors).toEqual([
      { path: '/rows/3/Region', message: 'Du får inte läsa in värden för region 10.' },
      { path: '/rows/4/Region', message: 'Du får inte läsa in riksvärden.' },
    ]);
    // A file with only another region's values: refused outright.
    const foreign = await t.request({
      method: 'POST',
      url: `/api/v1/indicators/${ind.id}/imports`,
      as: kalmar,
      payload: {
        fileName: 'v.csv',
        format: 'csv',
        contentBase64: csv([
          ['Region', 'Månad', 'Andel (%)'],
          ['10', '2025-01', 50],
        ]),
        mapping,
      },
    });
    expect(problem(foreign).status).toBe(403);
    expect(problem(foreign).body.detail).toBe('Du har inte behörighet att läsa in värden för region 10.');
    const roleless = await t.newUser();
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/indicators/${ind.id}/imports`,
          as: roleless,
          payload: { fileName: 'v.csv', format: 'csv', contentBase64: csv([['Region', 'Månad', 'Andel (%)']]), mapping },
        })
      ).statusCode,
    ).toBe(403);
    expect(await count(ind.id)).toBe(0);
  });

  it('a missing column or an unreadable file is a clear 422', async () => {
    const ind = await buildIndicator(t.db);
    const bad = await t.request({
      method: 'POST',
      url: `/api/v1/indicators/${ind.id}/imports`,
      as: admin,
      payload: {
        fileName: 'v.csv',
        format: 'csv',
        contentBase64: csv([
          ['Län', 'Månad', 'Andel (%)'],
          ['10', '2025-01', 50],
        ]),
        mapping,
      },
    });
    expect(problem(bad).body.errors?.[0]?.message).toMatch(/Kolumnen "Region" finns inte/);
    const garbage = await t.request({
      method: 'POST',
      url: `/api/v1/indicators/${ind.id}/imports`,
      as: admin,
      payload: { fileName: 'v.xlsx', format: 'xlsx', contentBase64: Buffer.from('inte en xlsx').toString('base64'), mapping },
    });
    expect(problem(garbage).status).toBe(422);
    expect(problem(garbage).body.errors?.[0]?.path).toBe('/contentBase64');
  });

  it('a large import runs in the worker, with progress, and ends done', async () => {
    const ind = await buildIndicator(t.db);
    const rows: (string | number)[][] = [['Region', 'Månad', 'Andel (%)']];
    for (const code of regionCodes)
      for (const y of [2023, 2024]) for (let m = 1; m <= 12; m++) rows.push([code, `${y}-${String(m).padStart(2, '0')}`, m]);
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/indicators/${ind.id}/imports`,
      as: admin,
      payload: { fileName: 'stor.csv', format: 'csv', contentBase64: csv(rows), mapping },
    });
    expect(res.statusCode).toBe(202);
    const id = res.json().id;
    expect(res.json()).toMatchObject({ status: 'queued', validRows: 504, processedRows: 0 });
    expect(await count(ind.id)).toBe(0);
    await drainJobs(t.db, jobHandlers(t.db, testConfig()));
    const done = (await t.request({ method: 'GET', url: `/api/v1/indicator-imports/${id}`, as: admin })).json();
    expect(done).toMatchObject({ status: 'done', processedRows: 504, importedRows: 504 });
    expect(await count(ind.id)).toBe(504);
  });
});

describe('indicators and goals', () => {
  it('builds the goal tree from a patient promise to a measurable goal to an indicator', async () => {
    const promise = await t.request({
      method: 'POST',
      url: '/api/v1/goals',
      as: admin,
      payload: { owner: 'sydostra', title: 'Erbjudas vård som är lätt tillgänglig för kontakt, bedömning och besök' },
    });
    expect(promise.statusCode).toBe(201);
    expect(promise.json().kind).toBe('promise');
    const goal = (
      await t.request({
        method: 'POST',
        url: '/api/v1/goals',
        as: blekinge,
        payload: { owner: '10', parentId: promise.json().id, title: 'Behandling inom fyra veckor' },
      })
    ).json();
    expect(goal.kind).toBe('goal');
    const denied = await t.request({
      method: 'POST',
      url: '/api/v1/goals',
      as: kalmar,
      payload: { owner: '10', title: 'Inte Kalmars' },
    });
    expect(denied.statusCode).toBe(403);
    const ind = await t.request({
      method: 'POST',
      url: '/api/v1/indicators',
      as: admin,
      payload: {
        code: 'VT-4V',
        owner: '10',
        goalId: goal.id,
        name: 'Behandling inom fyra veckor',
        definition: 'Andel som fått behandling inom fyra veckor.',
        unit: '%',
        direction: 'higher',
        periodicity: 'month',
        source: 'waiting-time-database',
        targetValue: 90,
        alertValue: 95,
      },
    });
    expect(problem(ind).status).toBe(422);
    expect(problem(ind).body.errors?.[0]?.path).toBe('/alertValue');
    const ok = await t.request({
      method: 'POST',
      url: '/api/v1/indicators',
      as: admin,
      payload: {
        code: 'VT-4V',
        owner: '10',
        goalId: goal.id,
        name: 'Behandling inom fyra veckor',
        definition: 'Andel som fått behandling inom fyra veckor.',
        unit: '%',
        direction: 'higher',
        periodicity: 'month',
        source: 'waiting-time-database',
        targetValue: 90,
        alertValue: 80,
      },
    });
    expect(ok.statusCode).toBe(201);
    // Indicators are national: a region's coordinator may not define one.
    const regional = await t.request({
      method: 'POST',
      url: '/api/v1/indicators',
      as: blekinge,
      payload: {
        code: 'EGEN',
        name: 'Egen',
        definition: 'x',
        unit: '%',
        direction: 'higher',
        periodicity: 'year',
        source: 'own-measurement',
      },
    });
    expect(regional.statusCode).toBe(403);
    const tree = (await t.request({ method: 'GET', url: '/api/v1/goals' })).json();
    const node = tree.items.find((n: { id: string }) => n.id === promise.json().id);
    expect(node.children[0].title).toBe('Behandling inom fyra veckor');
    expect(node.children[0].indicators).toEqual([{ id: ok.json().id, code: 'VT-4V', name: 'Behandling inom fyra veckor' }]);

    const stale = await t.request({
      method: 'PATCH',
      url: `/api/v1/indicators/${ok.json().id}`,
      as: admin,
      payload: { targetValue: 85, version: 9 },
    });
    expect(stale.statusCode).toBe(409);
    const patched = await t.request({
      method: 'PATCH',
      url: `/api/v1/indicators/${ok.json().id}`,
      as: admin,
      headers: { 'if-match': '"1"' },
      payload: { targetValue: 85 },
    });
    expect(patched.json()).toMatchObject({ targetValue: 85, version: 2 });
    const audit = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_type = 'indicator' AND entity_id = $1 ORDER BY id`,
      [ok.json().id],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });
});
