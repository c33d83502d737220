/**
 * Reads an uploaded CSV or XLSX file into a header and rows of cells. CSV as the Swedish
 * sources export it: UTF-8 with or without BOM, or Latin-1 (Windows-1252, what Excel writes
 * when it saves "CSV (semikolonavgränsad)"); separated by semicolons, commas or tabs (the most
 * frequent in the header row wins); decimal commas are read by the row rules.
 */
import { readCsv, readUploadedTable, readXlsx, type Table } from '../../platform/files/table.js';

export const MAX_IMPORT_ROWS = 100_000;

export type { Table };

export async function readTable(format: 'csv' | 'xlsx', contentBase64: string): Promise<Table> {
  return readUploadedTable(contentBase64, format, format === 'csv' ? readCsv : readXlsx, MAX_IMPORT_ROWS);
}
