/**
 * An import's result report as CSV, the way Swedish Excel opens it (UTF-8 with BOM, semicolons):
 * a summary (file, status, rows read, valid, written, problems), then one line per problem (row,
 * column, value, message) in row order. Written as a stream from the problems table a page at a
 * time, so a report of a million problems never sits in memory. Read by everyone signed in, as
 * the import itself is.
 */
import type { Db } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import * as repo from './repository.js';

const STATUS_SV: Record<string, string> = {
  receiving: 'tas emot',
  queued: 'väntar',
  running: 'pågår',
  done: 'klar',
  rejected: 'avvisad',
  failed: 'misslyckades',
  cancelled: 'avbruten',
};

/** One CSV cell: quoted when it holds a separator, quote or line break; a leading = + - @ is defused for Excel. */
export function csvCell(v: string | number): string {
  let s = String(v);
  if (/^[=+\-@]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const line = (cells: (string | number)[]) => `${cells.map(csvCell).join(';')}\r\n`;

export async function importReport(db: Db, importId: string) {
  const imp = await repo.getImport(db, importId);
  if (!imp) throw notFound('Inläsningen');
  const base = imp.fileName.replace(/\.[^.]*$/, '');
  async function* lines(): AsyncGenerator<string> {
    yield '\uFEFF';
    yield line(['Fil', imp!.fileName]);
    yield line(['Status', STATUS_SV[imp!.status] ?? imp!.status]);
    if (imp!.dryRun) yield line(['Kontroll', 'bara kontroll, inget skrevs']);
    yield line(['Rader i filen', imp!.totalRows]);
    yield line(['Giltiga rader', imp!.validRows]);
    yield line(['Inlästa rader', imp!.importedRows]);
    yield line(['Rader med fel', imp!.problemCount]);
    if (imp!.error) yield line(['Meddelande', imp!.error]);
    yield '\r\n';
    yield line(['Rad', 'Kolumn', 'Värde', 'Fel']);
    let after: { row: number; id: number } | null = null;
    if (imp!.sizeBytes === null) {
      // An import sent as base64 keeps its problems on the import itself.
      for (const p of imp!.problems) yield line([p.row, p.column, p.value, p.message]);
      return;
    }
    for (;;) {
      const page = await repo.problemsPage(db, importId, after, 5000);
      if (!page.length) return;
      yield page.map((p) => line([p.rowNumber, p.columnName, p.value, p.message])).join('');
      const last = page[page.length - 1]!;
      after = { row: last.rowNumber, id: last.id };
    }
  }
  return { fileName: `Inläsningsrapport ${base}.csv`, lines: lines() };
}
