/**
 * Reads persons from a CSV file into one register: UTF-8 with or without BOM, separated by
 * semicolons or commas (the more frequent in the header row wins). Columns by their Swedish
 * headers: namn, e-post, hsa-id, yrke/titel, arbetsgivare/organisation. A dry run only reports,
 * row by row, what would happen; the confirm registers the new persons in one transaction by
 * the same rules as registering one person. Persons already in Navet (matched by HSA-id, else
 * by e-mail) are never changed.
 */
import { randomUUID } from 'node:crypto';
import { readCsv, readUploadedTable } from '../../platform/files/table.js';
import { recordAudit } from '../../platform/audit/record.js';
import { normaliseEmail } from '../../platform/auth/repository.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { unprocessable } from '../../platform/errors.js';
import { assertMayRegisterIn, insertNewPerson } from './create-person.js';
import * as repo from './repository.js';

export const MAX_PERSON_ROWS = 5000;

export interface ImportPersonsInput {
  fileName: string;
  contentBase64: string;
  homeOwner?: string;
  dryRun: boolean;
}

export type RowOutcome = 'new' | 'existing' | 'error';

export interface ImportRow {
  row: number;
  outcome: RowOutcome;
  name: string | null;
  email: string | null;
  hsaId: string | null;
  personId: string | null;
  messages: string[];
}

export interface ImportReport {
  fileName: string;
  homeOwner: string;
  dryRun: boolean;
  rows: ImportRow[];
  summary: { new: number; existing: number; errors: number; created: number };
}

type Field = 'name' | 'email' | 'hsaId' | 'profession' | 'employer';

const HEADERS: Record<string, Field> = {
  namn: 'name',
  name: 'name',
  'e-post': 'email',
  epost: 'email',
  'e-postadress': 'email',
  email: 'email',
  'e-mail': 'email',
  'hsa-id': 'hsaId',
  hsaid: 'hsaId',
  'hsa id': 'hsaId',
  yrke: 'profession',
  titel: 'profession',
  'yrke/titel': 'profession',
  arbetsgivare: 'employer',
  organisation: 'employer',
  'arbetsgivare/organisation': 'employer',
};

const LIMITS: Record<Field, number> = { name: 200, email: 254, hsaId: 63, profession: 100, employer: 200 };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HSA_ID = /^SE[0-9A-Za-z-]{4,60}$/;

const fileError = (detail: string, message: string) => unprocessable(detail, [{ path: '/contentBase64', message }]);

/**
 * The header and rows of the file, or a 422 that says why it cannot be read. The file is read by
 * the shared table reader (UTF-8 with or without BOM, or Windows-1252 as Excel saves it;
 * semicolons, commas or tabs).
 */
export async function readPersonsCsv(contentBase64: string): Promise<{ columns: (Field | null)[]; rows: string[][] }> {
  const table = await readUploadedTable(contentBase64, 'csv', readCsv, MAX_PERSON_ROWS);
  const columns = table.header.map((h) => HEADERS[h.trim().toLowerCase()] ?? null);
  if (!columns.includes('name') || !columns.includes('email')) {
    throw fileError('Filen ska ha en rubrikrad med minst kolumnerna "namn" och "e-post".', 'Rubrikrad saknas eller ofullständig');
  }
  if (table.rows.length === 0) throw fileError('Filen har inga rader under rubrikraden.', 'Inga rader');
  return { columns, rows: table.rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c)))) };
}

const LABEL: Record<Field, string> = {
  name: 'Namnet',
  email: 'E-postadressen',
  hsaId: 'HSA-id',
  profession: 'Yrke/titel',
  employer: 'Arbetsgivaren',
};

export async function importPersons(db: Db, ctx: Ctx, input: ImportPersonsInput): Promise<ImportReport> {
  return db.transaction(async (tx) => {
    // Same permission as registering one person, before the file is even read.
    const homeOwner = await assertMayRegisterIn(tx, ctx, input.homeOwner);
    const { columns, rows } = await readPersonsCsv(input.contentBase64);
    const seenHsa = new Map<string, number>();
    const seenEmail = new Map<string, number>();
    const report: ImportRow[] = [];
    const toCreate: { index: number; values: Record<Field, string | null> }[] = [];
    for (const [i, cells] of rows.entries()) {
      const rowNo = i + 2; // the header is row 1
      const values: Record<Field, string | null> = { name: null, email: null, hsaId: null, profession: null, employer: null };
      columns.forEach((f, c) => {
        const v = (cells[c] ?? '').trim();
        if (f && v && values[f] === null) values[f] = v;
      });
      if (values.email) values.email = normaliseEmail(values.email);
      const messages: string[] = [];
      if (!values.name) messages.push('Namn saknas.');
      if (!values.email) messages.push('E-postadress saknas.');
      else if (!EMAIL.test(values.email)) messages.push(`"${values.email}" är inte en giltig e-postadress.`);
      if (values.hsaId && !HSA_ID.test(values.hsaId))
        messages.push(`"${values.hsaId}" är inte ett giltigt HSA-id (t.ex. SE2321000065-1234).`);
      for (const f of Object.keys(LIMITS) as Field[]) {
        const v = values[f];
        if (v && v.length > LIMITS[f]) messages.push(`${LABEL[f]} är längre än ${LIMITS[f]} tecken.`);
      }
      if (values.hsaId && seenHsa.has(values.hsaId))
        messages.push(`Samma HSA-id som rad ${seenHsa.get(values.hsaId)}; raden läses inte in.`);
      else if (values.email && seenEmail.has(values.email))
        messages.push(`Samma e-postadress som rad ${seenEmail.get(values.email)}; raden läses inte in.`);
      if (values.hsaId && !seenHsa.has(values.hsaId)) seenHsa.set(values.hsaId, rowNo);
      if (values.email && !seenEmail.has(values.email)) seenEmail.set(values.email, rowNo);
      const base = { row: rowNo, name: values.name, email: values.email, hsaId: values.hsaId };
      if (messages.length > 0) {
        report.push({ ...base, outcome: 'error', personId: null, messages });
        continue;
      }
      const byHsa = values.hsaId ? await repo.findPersonByHsaId(tx, values.hsaId) : undefined;
      const existing = byHsa ?? (await repo.findPersonByEmail(tx, values.email!));
      if (existing) {
        const how = byHsa ? 'HSA-id' : 'e-postadress';
        const clash =
          !byHsa && values.hsaId && existing.hsaId && existing.hsaId !== values.hsaId
            ? ` Observera: personen har HSA-id ${existing.hsaId} i Navet.`
            : '';
        report.push({
          ...base,
          outcome: 'existing',
          personId: existing.id,
          messages: [`Finns redan (${existing.name}, samma ${how}); uppgifterna i Navet ändras inte.${clash}`],
        });
        continue;
      }
      report.push({ ...base, outcome: 'new', personId: null, messages: [] });
      toCreate.push({ index: report.length - 1, values });
    }
    const count = (o: RowOutcome) => report.filter((r) => r.outcome === o).length;
    let created = 0;
    if (!input.dryRun && toCreate.length > 0) {
      for (const { index, values } of toCreate) {
        const row = await insertNewPerson(tx, ctx, {
          name: values.name!,
          email: values.email,
          hsaId: values.hsaId,
          profession: values.profession,
          employer: values.employer,
          homeOwner,
        });
        report[index] = { ...report[index]!, personId: row.id, messages: ['Registrerad.'] };
        created++;
      }
      await recordAudit(tx, ctx, {
        entityType: 'person-import',
        entityId: randomUUID(),
        action: 'import',
        after: {
          fileName: input.fileName,
          homeOwner,
          rows: report.length,
          created,
          existing: count('existing'),
          errors: count('error'),
          personIds: toCreate.map(({ index }) => report[index]!.personId!),
        },
      });
    }
    return {
      fileName: input.fileName,
      homeOwner,
      dryRun: input.dryRun,
      rows: report,
      summary: { new: count('new'), existing: count('existing'), errors: count('error'), created },
    };
  });
}
