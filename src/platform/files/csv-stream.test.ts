import { describe, expect, it } from 'vitest';
import { parse as parseSync } from 'csv-parse/sync';
import { csvBatches } from './csv-stream.js';

/** The file's bytes in pieces of `size` (a chunk may end mid-line, mid-character). */
async function* pieces(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
async function read(text: string | Buffer, size = 7, batchRows = 3, encoding: 'utf-8' | 'windows-1252' = 'utf-8') {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const out: string[][] = [];
  let last = 0;
  for await (const { records, bytesRead } of csvBatches(pieces(bytes, size), { encoding, delimiter: ';', batchRows })) {
    expect(records.length).toBeLessThanOrEqual(batchRows);
    expect(bytesRead).toBeGreaterThanOrEqual(last);
    last = bytesRead;
    out.push(...records);
  }
  expect(last).toBe(bytes.length);
  return out;
}
const csvParse = (text: string): string[][] =>
  parseSync(text, { delimiter: ';', relax_column_count: true, skip_empty_lines: true, trim: true, bom: true });

describe('a CSV file read as a stream', () => {
  it('reads a Kolada file without quotes (BOM, CRLF, decimal comma, no last line break) as csv-parse does', async () => {
    const text = '\uFEFFRegion;Kön;Period;Värde\r\n0007; K ;2025-01;12,5\r\n\r\nVäxjö;T;2025-02;3\r\n0010;M;2025-03;';
    for (const size of [1, 2, 5, 64, 10_000]) expect(await read(text, size)).toEqual(csvParse(text));
    expect(await read(text)).toEqual([
      ['Region', 'Kön', 'Period', 'Värde'],
      ['0007', 'K', '2025-01', '12,5'],
      ['Växjö', 'T', '2025-02', '3'],
      ['0010', 'M', '2025-03', ''],
    ]);
  });

  it('reads quoted cells (a separator, a line break, a quote inside) from the first quote on with csv-parse', async () => {
    const text = 'Region;Enhet;Värde\n07;VC Norr;1\n07;"VC; Söder";2\n07;"VC\nÖster";3\n07;"Sagt ""Väst""";4\n10;VC;5\n';
    for (const size of [1, 3, 16, 10_000]) expect(await read(text, size, 2)).toEqual(csvParse(text));
    expect((await read(text)).map((r) => r[1])).toEqual(['Enhet', 'VC Norr', 'VC; Söder', 'VC\nÖster', 'Sagt "Väst"', 'VC']);
  });

  it('reads old Mac line breaks and Windows-1252', async () => {
    expect(await read('a;b\r1;2\r3;4\r')).toEqual(csvParse('a;b\r1;2\r3;4\r'));
    const latin = Buffer.from([0x52, 0x3b, 0x56, 0xe4, 0x72, 0x64, 0x65, 0x0a, 0x56, 0xe4, 0x78, 0x6a, 0xf6, 0x3b, 0x31, 0x0a]);
    expect(await read(latin, 3, 3, 'windows-1252')).toEqual([
      ['R', 'Värde'],
      ['Växjö', '1'],
    ]);
  });

  it('reads a large file in batches across slices', async () => {
    const lines = Array.from(
      { length: 20_000 },
      (_, i) => `00${String(i % 21).padStart(2, '0')};Vårdcentral ${i};T;2025-01;${i},5`,
    );
    const text = `Region;Enhet;Kön;Period;Värde\r\n${lines.join('\r\n')}\r\n`;
    const rows = await read(text, 1024 * 1024, 5000);
    expect(rows).toHaveLength(20_001);
    expect(rows[20_000]).toEqual(['0007', 'Vårdcentral 19999', 'T', '2025-01', '19999,5']);
  });
});
