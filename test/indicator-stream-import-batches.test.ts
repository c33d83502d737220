/**
 * A streamed indicator file across many batches (issue 20): the worker stages one batch while
 * it reads the next, so a bad row in the middle of the file is still named by its row and the
 * rest are written; a second attempt over what a first one left gives the same result; staged
 * rows whose import is gone are swept.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../src/jobs.js';
import { BATCH_ROWS } from '../src/modules/indicators/run-file-import.js';
import { drainJobs } from '../src/platform/jobs/worker.js';
import { buildIndicator } from '../src/testing/builders.js';
import { useTestApp, type Session } from './helpers/app.js';

const t = useTestApp({ followupImportMaxBytes: 8 * 1024 * 1024 });
let admin: Session;
let codes: string[];

const PERIODS = Array.from({ length: 24 }, (_, i) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
const GENDERS = ['T', 'K', 'M'];
const mapping = { area: 'Område', gender: 'Kön', period: 'Period', value: 'Värde' };

/** The file's lines: the heading (row 1), then one row per municipality × gender × month. */
function lines(): string[] {
  const out = ['Område;Kön;Period;Värde'];
  codes.forEach((c, ci) => GENDERS.forEach((g, gi) => PERIODS.forEach((p, pi) => out.push(`${c};${g};${p};${ci + gi + pi},5`))));
  return out;
}

async function upload(indicatorId: string, text: string, extra: Record<string, string> = {}) {
  const qs = new URLSearchParams({ fileName: 'stor.csv', ...mapping, ...extra }).toString();
  const res = await t.request({
    method: 'POST',
    url: `/api/v1/indicators/${indicatorId}/imports/upload?${qs}`,
    as: admin,
    headers: { 'content-type': 'text/csv' },
    payload: Buffer.from(`${text}\r\n`),
  });
  expect(res.statusCode).toBe(202);
  return res.json().id as string;
}
const status = async (id: string) =>
  (await t.request({ method: 'GET', url: `/api/v1/indicator-imports/${id}`, as: admin })).json();
const count = async (sql: string, params: unknown[]) => (await t.db.query<{ n: number }>(sql, params))[0]!.n;
const values = (indicatorId: string) =>
  count('SELECT count(*)::int AS n FROM followup_indicator_values WHERE indicator_id = $1', [indicatorId]);
const drain = () => drainJobs(t.db, jobHandlers(t.db, t.config));

beforeAll(async () => {
  admin = await t.newAdmin();
  codes = (await t.db.query<{ code: string }>('SELECT code FROM municipalities ORDER BY code')).map((m) => m.code);
});

describe('a streamed file over many batches', () => {
  it('names the bad rows in the middle of the file by their row, and writes every other row (valid-only)', async () => {
    const ind = await buildIndicator(t.db);
    const file = lines();
    const good = file.length - 1;
    expect(good).toBeGreaterThan(3 * BATCH_ROWS);
    // Rows 2,501 and 7,002 (inside the first and second batches), and row 12,003 repeating row 2.
    file.splice(2500, 0, '0780;T;2022-13;1,0');
    file.splice(7001, 0, 'Atlantis;K;2022-01;2,0');
    file.splice(12_002, 0, `${file[1]!.split(';').slice(0, 3).join(';')};9,9`);
    const id = await upload(ind.id, file.join('\r\n'), { mode: 'valid-only' });
    await drain();
    const done = await status(id);
    expect(done).toMatchObject({ status: 'done', totalRows: good + 3, validRows: good, importedRows: good, problemCount: 3 });
    expect(done.problems.map((p: { row: number; column: string }) => [p.row, p.column])).toEqual([
      [2501, 'Period'],
      [7002, 'Område'],
      [12_003, 'Period'],
    ]);
    expect(done.problems[2].message).toMatch(/som rad 2\.$/);
    expect(await values(ind.id)).toBe(good);
    // The first of the repeated rows is the one written.
    const [first] = await t.db.query<{ value: number }>(
      `SELECT value FROM followup_indicator_values WHERE indicator_id = $1 AND sub_area = $2 AND gender = 'T' AND period = $3`,
      [ind.id, codes[0], PERIODS[0]],
    );
    expect(first!.value).toBe(0.5);
  }, 120_000);

  it('all-or-nothing: one bad row in the middle of the file writes nothing, and names it', async () => {
    const ind = await buildIndicator(t.db);
    const file = lines();
    file.splice(9000, 0, '0780;T;2022-01;ej rapp.');
    const id = await upload(ind.id, file.join('\r\n'));
    await drain();
    const done = await status(id);
    expect(done).toMatchObject({ status: 'rejected', importedRows: 0, problemCount: 1 });
    expect(done.problems).toEqual([expect.objectContaining({ row: 9001, column: 'Värde', value: 'ej rapp.' })]);
    expect(await values(ind.id)).toBe(0);
  }, 120_000);

  it('a second attempt over what a first one left behind gives the same result', async () => {
    const ind = await buildIndicator(t.db);
    const file = lines();
    const id = await upload(ind.id, file.join('\r\n'));
    // As if an attempt had died mid-way: rows staged and a problem found, then the job retried.
    await t.db.query(
      `INSERT INTO followup_import_rows (import_id, row_number, area, sub_area, level, gender, period, value)
       SELECT $1, g, '07', '0780', 'municipality', 'T', '2022-01', 1 FROM generate_series(2, 3000) g`,
      [id],
    );
    await t.db.query(
      `INSERT INTO followup_import_problems (import_id, row_number, column_name, value, message) VALUES ($1, 5, 'Värde', 'x', 'gammalt')`,
      [id],
    );
    await drain();
    expect(await status(id)).toMatchObject({ status: 'done', problemCount: 0, problems: [], importedRows: file.length - 1 });
    expect(await values(ind.id)).toBe(file.length - 1);
    expect(await count('SELECT count(*)::int AS n FROM followup_import_rows WHERE import_id = $1', [id])).toBe(0);
  }, 120_000);

  it('staged rows whose import is gone are swept at the next upload', async () => {
    const ind = await buildIndicator(t.db);
    const gone = '00000000-0000-4000-8000-0000000000aa';
    await t.db.query(
      `INSERT INTO followup_import_rows (import_id, row_number, area, sub_area, level, gender, period, value)
       VALUES ($1, 2, '07', '0780', 'municipality', 'T', '2022-01', 1)`,
      [gone],
    );
    await upload(ind.id, lines().slice(0, 10).join('\r\n'));
    expect(await count('SELECT count(*)::int AS n FROM followup_import_rows WHERE import_id = $1', [gone])).toBe(0);
  });
});
