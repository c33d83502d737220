import { readFileSync } from 'node:fs';
import type { APIRequestContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, settled, useBrowser, visit } from './browser.js';

/**
 * A large indicator file from the import page (issue 20): a Kolada-shaped CSV (UTF-8 with BOM,
 * semicolons, decimal comma, K/M/T, one row per region × unit × gender × month) above the
 * page's limit for a check in the browser's request is sent as it is, as the request body; the
 * page shows the worker's progress, then the result, and the result report downloads. Two rows
 * are wrong (an unknown place, a value that is not a number): they are skipped ("only the valid
 * rows") and named in the report.
 */
async function post(request: APIRequestContext, path: string, data: unknown): Promise<{ id: string }> {
  const me = await request.get('/api/v1/me');
  const headers = { 'X-CSRF-Token': ((await me.json()) as { csrfToken: string }).csrfToken };
  const res = await request.post(path, { headers, data });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as { id: string };
}

const MONTHS = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
/** Kolada's region ids ("00" and the länskod); the units are the regions' own (vårdcentraler). */
const REGIONS = ['0001', '0003', '0004', '0005', '0006', '0007', '0008', '0010', '0012', '0013'];
const UNITS = 30;
const GENDERS = ['T', 'K', 'M'];

/** 10,800 rows and two wrong ones, about 0.9 MB (the page sends files above 700 kB as they are). */
function koladaFile(): { buffer: Buffer; rows: number } {
  const lines = ['Region;Enhet;Kön;Period;Värde'];
  for (const k of REGIONS)
    for (let u = 1; u <= UNITS; u++)
      for (const g of GENDERS)
        for (const [i, p] of MONTHS.entries())
          lines.push(
            `${k};Vårdcentralen ${k}-${u} med ett långt namn som i källans export;${g};${p};${(((u * 31 + i * 7) % 1000) / 10).toFixed(1).replace('.', ',')}`,
          );
  const rows = lines.length - 1;
  lines.splice(101, 0, `9999;Okänd enhet;T;2025-01;12,5`);
  lines.splice(2001, 0, `0007;Vårdcentralen 0007-1;T;2025-13x;ca 40`);
  return { buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`), rows };
}

describe('follow-up: a large indicator file', () => {
  const suite = useBrowser();

  it('is sent as it is, read by the worker with progress, and leaves a downloadable report', async () => {
    const { page, context } = await suite.newPage({ signedIn: true });
    const ind = await post(context.request, '/api/v1/indicators', {
      code: `KOLADA-STOR-${Date.now()}`,
      name: 'Andel listade med fast vårdkontakt (stor fil)',
      definition: 'Andel listade patienter med en namngiven fast vårdkontakt.',
      unit: '%',
      direction: 'higher',
      periodicity: 'month',
      source: 'kolada',
    });
    expect(await visit(page, `/planer-och-uppfoljning/indikatorer/${ind.id}/import`)).toMatch(/^Läs in värden/);
    const file = koladaFile();
    expect(file.buffer.length).toBeGreaterThan(700 * 1024);
    await page
      .getByLabel('Fil (CSV eller XLSX)')
      .setInputFiles({ name: 'kolada-export.csv', mimeType: 'text/csv', buffer: file.buffer });

    // The heading row is read in the browser for the mapping; the file is not checked here.
    const large = page.getByRole('region', { name: 'kolada-export.csv' });
    await large.getByText(/Filen är stor \(0,\d MB\) och skickas som den är/).waitFor();
    await expect.poll(() => page.getByLabel('Region (kod eller namn, "Riket" för riksvärdet)').inputValue()).toBe('Region');
    await page.getByLabel('Kommun eller enhet (valfri)').selectOption('Enhet');
    await page.getByLabel('Kön (valfri: T, K, M)').selectOption('Kön');
    await expect.poll(() => page.getByLabel('Period', { exact: true }).inputValue()).toBe('Period');
    await expect.poll(() => page.getByLabel('Värde', { exact: true }).inputValue()).toBe('Värde');
    await large.getByLabel('Läs bara in de giltiga raderna (raderna med fel hoppas över)').check();
    await large.getByRole('button', { name: 'Skicka och läs in filen' }).click();

    // Progress: the import's section with its progress bar, until the worker has finished.
    const progress = page.getByRole('region', { name: 'Inläsning' });
    await progress.waitFor();
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          const text = await progress.innerText();
          if (await progress.getByRole('progressbar').count()) seen.add('progressbar');
          if (/rader lästa|skrivs|bakgrunden/.test(text)) seen.add('progress text');
          return text;
        },
        { timeout: 60_000, interval: 100 },
      )
      .toMatch(/Klart: 10[\s\u00a0]?800 värden lästes in för 12 perioder\./);
    expect(seen.size, 'the page showed the import under way before its result').toBeGreaterThan(0);
    await settled(page);
    await expectAccessible(page, 'large import result');
    await screenshot(page, 'followup-large-import');

    // The result report: the two wrong rows, by row number, with the server's messages.
    const download = page.waitForEvent('download');
    await progress.getByRole('link', { name: 'Ladda ned resultatrapporten (CSV)' }).click();
    const report = readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = report.trim().split(/\r?\n/);
    expect(lines).toContain('Rader i filen;10802');
    expect(lines).toContain('Inlästa rader;10800');
    // The count is of problems (row 2002 has two), though the report calls it rows.
    expect(lines).toContain('Rader med fel;3');
    const problems = lines.slice(lines.indexOf('Rad;Kolumn;Värde;Fel') + 1);
    expect(problems).toEqual([
      '102;Region;9999;"Okänd region ""9999""."',
      expect.stringMatching(/^2002;Period;2025-13x;/),
      '2002;Värde;ca 40;"""ca 40"" är inte ett tal."',
    ]);
    expect(file.rows).toBe(10_800);
  });
});
