/**
 * Indicator files sent as the request body (issue 20 item 3, issue 18 item 3): a Kolada-shaped
 * file of 50,000+ rows (semicolons, decimal comma, UTF-8 with BOM or Latin-1, a gender column
 * K/M/T) is stored in chunks, read by the worker as a stream with progress, can be cancelled
 * mid-way, and leaves a downloadable report. Bad input is a problem+json with nothing written.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../src/jobs.js';
import { drainJobs } from '../src/platform/jobs/worker.js';
import { buildIndicator } from '../src/testing/builders.js';
import { problem, useTestApp, type Session } from './helpers/app.js';

const t = useTestApp({ followupImportMaxBytes: 8 * 1024 * 1024 });
let admin: Session;
let blekinge: Session;
let nobody: Session;
let municipalities: { code: string; name: string; regionCode: string }[];

const months = (n: number) =>
  Array.from({ length: n }, (_, i) => `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
const GENDERS = ['T', 'K', 'M'];
/** A value per municipality, gender and month, written with a decimal comma. */
const valueOf = (m: number, g: number, p: number) => ((m * 7 + g * 13 + p * 3) % 1000) / 10;
const sv = (v: number) => v.toFixed(1).replace('.', ',');

/** Kolada's shape: municipality, gender, period, value; one row per municipality × gender × month. */
function koladaCsv(opts: { names?: boolean; periods: number; extra?: string[] }): string {
  const lines = ['Område;Kön;Period;Värde'];
  const ps = months(opts.periods);
  municipalities.forEach((m, mi) =>
    GENDERS.forEach((g, gi) =>
      ps.forEach((p, pi) => lines.push(`${opts.names ? m.name : m.code};${g};${p};${sv(valueOf(mi, gi, pi))}`)),
    ),
  );
  lines.push(...(opts.extra ?? []));
  return `${lines.join('\r\n')}\r\n`;
}
const mapping = { area: 'Område', gender: 'Kön', period: 'Period', value: 'Värde' };
const qs = (o: Record<string, string | boolean>) =>
  new URLSearchParams(Object.entries(o).map(([k, v]): [string, string] => [k, String(v)])).toString();

async function upload(indicatorId: string, body: Buffer, as: Session, extra: Record<string, string | boolean> = {}) {
  return t.request({
    method: 'POST',
    url: `/api/v1/indicators/${indicatorId}/imports/upload?${qs({ fileName: 'kolada.csv', ...mapping, ...extra })}`,
    as,
    headers: { 'content-type': 'text/csv' },
    payload: body,
  });
}
const status = async (id: string, as = admin) =>
  (await t.request({ method: 'GET', url: `/api/v1/indicator-imports/${id}`, as })).json();
const count = async (id: string) =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM followup_indicator_values WHERE indicator_id = $1', [id]))[0]!
    .n;
const drain = () => drainJobs(t.db, jobHandlers(t.db, t.config));

/** Runs the worker while watching the import: resolves with what was seen mid-way. */
async function drainWatching(id: string, onRunning?: (s: Record<string, unknown>) => Promise<void>) {
  const seen: Record<string, unknown>[] = [];
  let finished = false;
  const worker = drain().finally(() => (finished = true));
  let acted = false;
  while (!finished) {
    const s = await status(id);
    if (s.status === 'running' && s.processedRows > 0) {
      seen.push(s);
      if (onRunning && !acted) {
        acted = true;
        await onRunning(s);
      }
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await worker;
  return seen;
}

beforeAll(async () => {
  admin = await t.newAdmin();
  blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
  nobody = await t.newUser([]);
  municipalities = await t.db.query<{ code: string; name: string; regionCode: string }>(
    'SELECT code, name, region_code AS "regionCode" FROM municipalities ORDER BY code',
  );
});

describe('an indicator file sent as the body', () => {
  it('imports 52,200 rows (UTF-8 with BOM, decimal comma, K/M/T) through the worker, with progress', async () => {
    const ind = await buildIndicator(t.db);
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(koladaCsv({ periods: 60 }), 'utf8')]);
    const res = await upload(ind.id, body, admin);
    expect(res.statusCode).toBe(202);
    const queued = res.json();
    expect(queued).toMatchObject({ status: 'queued', sizeBytes: body.length, processedRows: 0, fileName: 'kolada.csv' });
    // Nothing is written before the worker runs; the file is in the database, in chunks.
    expect(await count(ind.id)).toBe(0);
    const chunks = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM followup_import_chunks WHERE import_id = $1', [
      queued.id,
    ]);
    expect(chunks[0]!.n).toBeGreaterThan(1);

    const seen = await drainWatching(queued.id);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.some((s) => s.phase === 'reading' && (s.processedRows as number) < 52_200)).toBe(true);
    const done = await status(queued.id);
    expect(done).toMatchObject({
      status: 'done',
      phase: null,
      totalRows: 52_200,
      validRows: 52_200,
      importedRows: 52_200,
      problemCount: 0,
      problems: [],
      cancelRequested: false,
    });
    expect(done.periods).toHaveLength(60);
    expect(await count(ind.id)).toBe(52_200);
    // Växjö (0780), women, March 2025, read with its decimal comma; the file and the staged rows are gone.
    const vi = municipalities.findIndex((m) => m.code === '0780');
    const [v] = await t.db.query<{ value: number; level: string; area: string; source_ref: string }>(
      `SELECT value, level, area, source_ref FROM followup_indicator_values
       WHERE indicator_id = $1 AND sub_area = '0780' AND gender = 'K' AND period = '2025-03'`,
      [ind.id],
    );
    expect(v).toEqual({ value: valueOf(vi, 1, 50), level: 'municipality', area: '07', source_ref: 'kolada.csv' });
    const left = await t.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM followup_import_chunks WHERE import_id = $1)::int
            + (SELECT count(*) FROM followup_import_rows WHERE import_id = $1)::int AS n`,
      [queued.id],
    );
    expect(left[0]!.n).toBe(0);
    // Audited when the file arrived.
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`, [
      queued.id,
    ]);
    expect(audit.map((a) => a.action)).toEqual(['upload']);
  }, 60_000);

  it('reads Latin-1 with names; only the valid rows when asked, and a report of every problem', async () => {
    const ind = await buildIndicator(t.db);
    const text = koladaCsv({
      names: true,
      periods: 2,
      extra: ['Atlantis;T;2021-01;12,5', 'Växjö;X;2021-01;1,0', 'Växjö;K;2021-01;3,0', 'Ljungby;T;2021-02;ej rapp.'],
    });
    const latin1 = Buffer.from(text, 'latin1');
    expect(latin1.includes(Buffer.from('Växjö', 'utf8'))).toBe(false);
    const res = await upload(ind.id, latin1, admin, { mode: 'valid-only', fileName: 'väntetider.csv' });
    expect(res.statusCode).toBe(202);
    await drain();
    const done = await status(res.json().id);
    const total = municipalities.length * 3 * 2;
    expect(done).toMatchObject({ status: 'done', totalRows: total + 4, importedRows: total, problemCount: 4 });
    expect(done.problems.map((p: { row: number; message: string }) => [p.row, p.message])).toEqual([
      [total + 2, 'Okänd region "Atlantis".'],
      [total + 3, '"X" är inget kön (T, K eller M).'],
      [total + 4, expect.stringMatching(/^Dubblett: samma region, enhet, kön \(kvinnor\) och period som rad \d+\.$/)],
      [total + 5, '"ej rapp." är inte ett tal.'],
    ]);
    expect(await count(ind.id)).toBe(total);

    const report = await t.request({ method: 'GET', url: `/api/v1/indicator-imports/${done.id}/report.csv`, as: blekinge });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toMatch(/^text\/csv/);
    expect(report.headers['content-disposition']).toContain("filename*=UTF-8''Inl%C3%A4sningsrapport%20v%C3%A4ntetider.csv");
    const lines = report.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines).toContain('Fil;väntetider.csv');
    expect(lines).toContain('Status;klar');
    expect(lines).toContain(`Inlästa rader;${total}`);
    expect(lines).toContain('Rader med fel;4');
    expect(lines).toContain(`${total + 2};Område;Atlantis;"Okänd region ""Atlantis""."`);
    expect(lines).toContain(`${total + 5};Värde;ej rapp.;"""ej rapp."" är inte ett tal."`);
    expect(lines.filter((l) => /^\d+;/.test(l))).toHaveLength(4);
  }, 30_000);

  it('a file with errors imports nothing by default, and says why', async () => {
    const ind = await buildIndicator(t.db);
    const res = await upload(ind.id, Buffer.from(koladaCsv({ periods: 1, extra: ['0780;T;2021-13;1,0'] })), admin);
    await drain();
    const done = await status(res.json().id);
    expect(done).toMatchObject({ status: 'rejected', importedRows: 0, problemCount: 1 });
    expect(done.error).toMatch(/^Inget lästes in: 1 rad har fel/);
    expect(await count(ind.id)).toBe(0);
  });

  it('a dry run checks the whole file and writes nothing', async () => {
    const ind = await buildIndicator(t.db);
    const res = await upload(ind.id, Buffer.from(koladaCsv({ periods: 2 })), admin, { dryRun: true });
    await drain();
    expect(await status(res.json().id)).toMatchObject({
      status: 'done',
      dryRun: true,
      validRows: municipalities.length * 6,
      importedRows: 0,
    });
    expect(await count(ind.id)).toBe(0);
  });

  it('is cancelled mid-way by the person who started it: nothing is half-written, and it is audited', async () => {
    const ind = await buildIndicator(t.db);
    const res = await upload(ind.id, Buffer.from(koladaCsv({ periods: 24 })), admin);
    const id = res.json().id;
    // Someone else may not cancel it.
    const denied = await t.request({ method: 'POST', url: `/api/v1/indicator-imports/${id}/cancel`, as: blekinge });
    expect(problem(denied).status).toBe(403);
    await drainWatching(id, async () => {
      const c = await t.request({ method: 'POST', url: `/api/v1/indicator-imports/${id}/cancel`, as: admin });
      expect(c.statusCode).toBe(200);
      expect(c.json().cancelRequested).toBe(true);
    });
    const done = await status(id);
    expect(done.status).toBe('cancelled');
    expect(done.finishedAt).not.toBeNull();
    // Each period is whole or untouched: every written period has all its 870 values.
    const perPeriod = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM followup_indicator_values WHERE indicator_id = $1 GROUP BY period',
      [ind.id],
    );
    for (const p of perPeriod) expect(p.n).toBe(municipalities.length * 3);
    expect(await count(ind.id)).toBeLessThan(municipalities.length * 3 * 24);
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`, [id]);
    expect(audit.map((a) => a.action)).toEqual(['upload', 'cancel']);
    // A finished import cannot be cancelled.
    const again = await t.request({ method: 'POST', url: `/api/v1/indicator-imports/${id}/cancel`, as: admin });
    expect(problem(again).status).toBe(409);
  }, 60_000);

  it('a queued import is cancelled at once', async () => {
    const ind = await buildIndicator(t.db);
    const id = (await upload(ind.id, Buffer.from(koladaCsv({ periods: 1 })), admin)).json().id;
    const c = await t.request({ method: 'POST', url: `/api/v1/indicator-imports/${id}/cancel`, as: admin });
    expect(c.json()).toMatchObject({ status: 'cancelled', cancelRequested: true });
    await drain();
    expect(await count(ind.id)).toBe(0);
  });

  it('bad input is a problem+json and stores nothing', async () => {
    const ind = await buildIndicator(t.db);
    const imports = async () =>
      (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM followup_imports WHERE indicator_id = $1', [ind.id]))[0]!
        .n;
    const wrongColumn = problem(await upload(ind.id, Buffer.from(koladaCsv({ periods: 1 })), admin, { value: 'Andel' }));
    expect(wrongColumn.status).toBe(422);
    expect(wrongColumn.type).toMatch(/application\/problem\+json/);
    expect(wrongColumn.body.errors).toEqual([
      { path: '/mapping', message: expect.stringMatching(/Kolumnen "Andel" finns inte/) },
    ]);
    expect(problem(await upload(ind.id, Buffer.alloc(0), admin)).status).toBe(422);
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    expect(problem(await upload(ind.id, xlsx, admin)).status).toBe(415);
    const big = problem(await upload(ind.id, Buffer.alloc(9 * 1024 * 1024, 0x41), admin));
    expect(big.status).toBe(413);
    const missing = await t.request({
      method: 'POST',
      url: `/api/v1/indicators/${ind.id}/imports/upload?${qs({ ...mapping })}`,
      as: admin,
      headers: { 'content-type': 'text/csv' },
      payload: 'Område;Kön;Period;Värde\r\n',
    });
    expect(problem(missing).status).toBe(400);
    expect(await imports()).toBe(0);
    const unknown = await upload('00000000-0000-4000-8000-000000000000', Buffer.from('a;b\r\n'), admin);
    expect(problem(unknown).status).toBe(404);
  });

  it('is refused without the right to import; a region writes only its own', async () => {
    const ind = await buildIndicator(t.db);
    const file = Buffer.from(koladaCsv({ periods: 1 }));
    expect(problem(await upload(ind.id, file, nobody)).status).toBe(403);
    const anonymous = await t.request({
      method: 'POST',
      url: `/api/v1/indicators/${ind.id}/imports/upload?${qs({ fileName: 'a.csv', ...mapping })}`,
      headers: { 'content-type': 'text/csv' },
      payload: file,
    });
    expect(anonymous.statusCode).toBe(401);
    // Blekinge's coordinator sends the whole country: refused at once when nothing may be skipped
    // (the first row is Stockholm's); mixed files are checked row by row by the worker.
    const first = problem(await upload(ind.id, file, blekinge));
    expect(first.status).toBe(403);
    expect(first.body.detail).toMatch(/region 01 \(filens första rad\)/);
    const mixed = Buffer.from(`Område;Kön;Period;Värde\r\n1060;T;2021-01;1,0\r\n0780;T;2021-01;2,0\r\n`);
    const res = await upload(ind.id, mixed, blekinge);
    expect(res.statusCode).toBe(202);
    await drain();
    const done = await status(res.json().id);
    expect(done.status).toBe('rejected');
    expect(done.problems).toEqual([
      { row: 3, column: 'Område', value: '07', message: 'Du får inte läsa in värden för region 07.' },
    ]);
    expect(await count(ind.id)).toBe(0);
    // With "only the valid rows", Blekinge's five municipalities are written.
    const own = await upload(ind.id, file, blekinge, { mode: 'valid-only' });
    await drain();
    const mine = municipalities.filter((m) => m.regionCode === '10').length * 3;
    expect(await status(own.json().id)).toMatchObject({ status: 'done', importedRows: mine });
    expect(await count(ind.id)).toBe(mine);
  });
});
