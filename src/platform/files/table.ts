/**
 * Uploaded tables as the Swedish sources and Excel write them, read into a heading and rows of
 * cells, for every import (indicator values, the knowledge-support catalogue, …): CSV in UTF-8
 * with or without BOM, or Windows-1252 (what Excel writes for "CSV (semikolonavgränsad)"),
 * separated by semicolons, commas or tabs (the most frequent in the heading row wins); XLSX's
 * first sheet. Parsing is the maintained libraries' (csv-parse, exceljs); what the cells mean is
 * each import's own rules.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { unprocessable } from '../errors.js';

export type Cell = string | number | boolean | Date | null | undefined;

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

export function readCsv(buf: Buffer): Table {
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
    if ('error' in v) return String(v.error);
  }
  return null;
}

export async function readXlsx(buf: Buffer): Promise<Table> {
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

/**
 * An upload sent as base64 in a JSON body (`contentBase64`), read by `read`: an empty or
 * unreadable file, a file without a heading row or with more than `maxRows` rows is a 422 that
 * says so at `/contentBase64`.
 */
export async function readUploadedTable(
  contentBase64: string,
  format: string,
  read: (buf: Buffer) => Table | Promise<Table>,
  maxRows: number,
): Promise<Table> {
  const buf = Buffer.from(contentBase64, 'base64');
  if (buf.length === 0) throw unprocessable('Filen är tom.', [{ path: '/contentBase64', message: 'Tom fil' }]);
  let table: Table;
  try {
    table = await read(buf);
  } catch {
    throw unprocessable(`Filen kunde inte läsas som ${format.toUpperCase()}.`, [
      { path: '/contentBase64', message: `Inte en läsbar ${format.toUpperCase()}-fil` },
    ]);
  }
  if (table.header.length === 0)
    throw unprocessable('Filen saknar rubrikrad.', [{ path: '/contentBase64', message: 'Ingen rubrikrad' }]);
  if (table.rows.length > maxRows) {
    throw unprocessable(`Filen har ${table.rows.length} rader; högst ${maxRows} går att läsa in åt gången.`, [
      { path: '/contentBase64', message: 'För många rader' },
    ]);
  }
  return table;
}
