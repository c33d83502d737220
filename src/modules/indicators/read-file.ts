/**
 * Reads an uploaded CSV or XLSX file into a header and rows of cells. CSV as the Swedish
 * sources export it: UTF-8 with or without BOM, or Latin-1 (Windows-1252, what Excel writes
 * when it saves "CSV (semikolonavgränsad)"); separated by semicolons, commas or tabs (the most
 * frequent in the header row wins); decimal commas are read by the row rules.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { unprocessable } from '../../platform/errors.js';
import type { Cell } from './rules/import.js';

export const MAX_IMPORT_ROWS = 100_000;

export interface Table {
  header: string[];
  rows: Cell[][];
}

/** The file's text: UTF-8 (BOM or not) when it is valid UTF-8, else Windows-1252 (Latin-1's superset). */
export function decodeText(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    return new TextDecoder('windows-1252').decode(buf);
  }
}

function readCsv(buf: Buffer): Table {
  const text = decodeText(buf).replace(/^\uFEFF/, '');
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, first.split(d).length - 1] as const);
  const delimiter = counts.sort((a, b) => b[1] - a[1])[0]![0];
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- csv-parse returns any[] without columns
  const records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  const [header = [], ...rows] = records;
  return { header: header.map((h) => String(h).trim()), rows };
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('result' in v) return cellValue(v.result);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('error' in v) return String(v.error);
  }
  return null;
}

async function readXlsx(buf: Buffer): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return { header: [], rows: [] };
  const width = ws.columnCount;
  const out: Cell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
    if (cells.some((c) => c !== null && c !== '')) out.push(cells);
  });
  const [header = [], ...rows] = out;
  return { header: header.map((h) => (h === null || h === undefined ? '' : String(h).trim())), rows };
}

export async function readTable(format: 'csv' | 'xlsx', contentBase64: string): Promise<Table> {
  const buf = Buffer.from(contentBase64, 'base64');
  if (buf.length === 0) throw unprocessable('Filen är tom.', [{ path: '/contentBase64', message: 'Tom fil' }]);
  let table: Table;
  try {
    table = format === 'csv' ? readCsv(buf) : await readXlsx(buf);
  } catch {
    throw unprocessable(`Filen kunde inte läsas som ${format.toUpperCase()}.`, [
      { path: '/contentBase64', message: `Inte en läsbar ${format.toUpperCase()}-fil` },
    ]);
  }
  if (table.header.length === 0)
    throw unprocessable('Filen saknar rubrikrad.', [{ path: '/contentBase64', message: 'Ingen rubrikrad' }]);
  if (table.rows.length > MAX_IMPORT_ROWS) {
    throw unprocessable(`Filen har ${table.rows.length} rader; högst ${MAX_IMPORT_ROWS} går att läsa in åt gången.`, [
      { path: '/contentBase64', message: 'För många rader' },
    ]);
  }
  return table;
}
