/**
 * Reads a national catalogue file into a heading and rows of cells, whatever its format:
 * CSV (UTF-8 with or without BOM, or Windows-1252 as Excel saves it; semicolons, commas or
 * tabs — the most frequent in the heading wins), XLSX (the first sheet) or JSON (an array of
 * objects, or `{ "supports": [...] }`, keyed by the same headings). Parsing is the maintained
 * libraries' (csv-parse, exceljs); the rows' meaning is rules/catalogue.ts's.
 */
import { decodeText, readCsv, readUploadedTable, readXlsx, type Cell, type Table } from '../../platform/files/table.js';

export const MAX_CATALOGUE_ROWS = 20_000;

export type CatalogueTable = Table;

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
  const read = format === 'csv' ? readCsv : format === 'xlsx' ? readXlsx : readJson;
  return readUploadedTable(contentBase64, format, read, MAX_CATALOGUE_ROWS);
}
