/**
 * Reads a national catalogue file into a heading and rows of cells, whatever its format:
 * CSV (UTF-8 with or without BOM, or Windows-1252 as Excel saves it; semicolons, commas or
 * tabs — the most frequent in the heading wins), XLSX (the first sheet) or JSON (an array of
 * objects, or `{ "supports": [...] }`, keyed by the same headings). Parsing is the maintained
 * libraries' (csv-parse, exceljs); the rows' meaning is rules/catalogue.ts's.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { unprocessable } from '../../platform/errors.js';
import type { Cell } from './rules/catalogue.js';

export const MAX_CATALOGUE_ROWS = 20_000;

export interface CatalogueTable {
  header: string[];
  rows: Cell[][];
}

function decodeText(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    return new TextDecoder('windows-1252').decode(buf);
  }
}

function readCsv(buf: Buffer): CatalogueTable {
  const text = decodeText(buf).replace(/^\uFEFF/, '');
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, first.split(d).length - 1] as const);
  const delimiter = counts.sort((a, b) => b[1] - a[1])[0]![0];
  const records: string[][] = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true });
  const [header = [], ...rows] = records;
  return { header: header.map((h) => String(h).trim()), rows };
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('result' in v) return cellValue(v.result);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('hyperlink' in v) return String(v.hyperlink);
    if ('text' in v) return String(v.text);
  }
  return null;
}

async function readXlsx(buf: Buffer): Promise<CatalogueTable> {
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
  return { header: header.map((h) => (h === null || h === undefined ? '' : String(h as string).trim())), rows };
}

function readJson(buf: Buffer): CatalogueTable {
  const data: unknown = JSON.parse(decodeText(buf).replace(/^\uFEFF/, ''));
  const list: unknown = Array.isArray(data) ? data : (data as { supports?: unknown } | null)?.supports;
  if (!Array.isArray(list) || !list.every((x) => x !== null && typeof x === 'object' && !Array.isArray(x))) {
    throw new Error('not a list of objects');
  }
  const objects = list as Record<string, unknown>[];
  const header = [...new Set(objects.flatMap((o) => Object.keys(o)))];
  const rows = objects.map((o) =>
    header.map((h): Cell => {
      const v = o[h];
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
    }),
  );
  return { header, rows };
}

export async function readCatalogueFile(format: 'csv' | 'xlsx' | 'json', contentBase64: string): Promise<CatalogueTable> {
  const buf = Buffer.from(contentBase64, 'base64');
  if (buf.length === 0) throw unprocessable('Filen är tom.', [{ path: '/contentBase64', message: 'Tom fil' }]);
  let table: CatalogueTable;
  try {
    table = format === 'csv' ? readCsv(buf) : format === 'xlsx' ? await readXlsx(buf) : readJson(buf);
  } catch {
    throw unprocessable(`Filen kunde inte läsas som ${format.toUpperCase()}.`, [
      { path: '/contentBase64', message: `Inte en läsbar ${format.toUpperCase()}-fil` },
    ]);
  }
  if (table.header.length === 0)
    throw unprocessable('Filen saknar rubrikrad.', [{ path: '/contentBase64', message: 'Ingen rubrikrad' }]);
  if (table.rows.length > MAX_CATALOGUE_ROWS) {
    throw unprocessable(`Filen har ${table.rows.length} rader; högst ${MAX_CATALOGUE_ROWS} går att läsa in åt gången.`, [
      { path: '/contentBase64', message: 'För många rader' },
    ]);
  }
  return table;
}
