import ExcelJS from 'exceljs';

/**
 * Tables out: CSV and XLSX from one column description, safe to open in a spreadsheet.
 * Text that a spreadsheet would read as a formula (=, +, -, @, tab, carriage return at the
 * start) is prefixed with an apostrophe (OWASP "CSV injection"); numbers stay numbers.
 */
export type CellValue = string | number | boolean | null | undefined;

export interface Column<Row> {
  header: string;
  value: (row: Row) => CellValue;
  /** Width in characters for XLSX; CSV ignores it. */
  width?: number;
}

export interface Sheet<Row> {
  name: string;
  columns: Column<Row>[];
  rows: readonly Row[];
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function safeText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function safeCell(value: CellValue): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return safeText(value);
  return value;
}

function csvField(value: CellValue): string {
  const v = safeCell(value);
  if (v === null) return '';
  const s = String(v);
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Semicolon-separated with a BOM and CRLF: what Excel with Swedish settings opens directly
 * (comma is the Swedish decimal separator). Numbers are written with a decimal comma.
 */
export function toCsv<Row>(columns: Column<Row>[], rows: readonly Row[]): string {
  return csvHead(columns) + csvLines(columns, rows);
}

const csvLine = (cells: CellValue[]) =>
  cells.map((c) => (typeof c === 'number' ? String(c).replace('.', ',') : csvField(c))).join(';');

/** The start of a CSV file written in parts (a stream): the BOM and the header line. */
export function csvHead<Row>(columns: Column<Row>[]): string {
  return `\uFEFF${csvLine(columns.map((c) => c.header))}\r\n`;
}

/** Rows of a CSV file written in parts, each line ending in CRLF: csvHead + csvLines(…) + … = toCsv. */
export function csvLines<Row>(columns: Column<Row>[], rows: readonly Row[]): string {
  let out = '';
  for (const r of rows) out += `${csvLine(columns.map((c) => c.value(r)))}\r\n`;
  return out;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each sheet has its own row type
export async function toXlsx(sheets: readonly Sheet<any>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Navet';
  for (const sheet of sheets as Sheet<unknown>[]) {
    const ws = wb.addWorksheet(sheet.name.slice(0, 31));
    ws.columns = sheet.columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 20 }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of sheet.rows) ws.addRow(sheet.columns.map((c) => safeCell(c.value(row))));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  ics: 'text/calendar; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;
