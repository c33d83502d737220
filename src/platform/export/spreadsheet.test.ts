import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { safeText, toCsv, toXlsx, type Column } from './spreadsheet.js';

interface Row {
  name: string;
  amount: number;
}
const columns: Column<Row>[] = [
  { header: 'Namn', value: (r) => r.name },
  { header: 'Belopp', value: (r) => r.amount },
];
const rows: Row[] = [
  { name: 'Åsa Öberg', amount: 1234.5 },
  { name: '=HYPERLINK("http://evil","x")', amount: -3 },
  { name: 'Semikolon; och "citat"', amount: 0 },
];

describe('spreadsheet export', () => {
  it('neutralises text that a spreadsheet would run as a formula, and leaves other text alone', () => {
    expect(safeText('=1+1')).toBe("'=1+1");
    expect(safeText('+46 70')).toBe("'+46 70");
    expect(safeText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeText('Ledamot')).toBe('Ledamot');
  });

  it('writes Swedish CSV: BOM, semicolons, decimal comma, quoted fields, CRLF', () => {
    const csv = toCsv(columns, rows);
    expect(csv.startsWith('\uFEFFNamn;Belopp\r\n')).toBe(true);
    expect(csv).toContain('Åsa Öberg;1234,5\r\n');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")";-3\r\n`);
    expect(csv).toContain('"Semikolon; och ""citat""";0\r\n');
  });

  it('writes an XLSX that a spreadsheet library reads back, numbers as numbers and formulas as text', async () => {
    const buf = await toXlsx([{ name: 'Ersättningar', columns, rows }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Ersättningar')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Namn', 'Belopp']);
    expect(ws.getCell('A2').value).toBe('Åsa Öberg');
    expect(ws.getCell('B2').value).toBe(1234.5);
    expect(ws.getCell('A3').value).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(ws.getCell('A3').formula).toBeUndefined();
  });
});
