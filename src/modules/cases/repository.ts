import type { Queryable } from '../../platform/db/index.js';
import { Filters } from '../../platform/db/sql.js';

/** The only SQL for the case register. */

export interface CaseRow {
  id: string;
  region_code: string;
  year: number;
  sequence: number;
  case_number: string;
  subject: string;
  origin: string;
  sender: string;
  received_date: string;
  status: string;
  registered_by: string | null;
  registered_at: Date;
  version: number;
}

/**
 * The next number for a region and year. The upsert locks the counter row until the
 * registering transaction ends: concurrent registrations wait their turn, and a transaction
 * that rolls back leaves the counter where it was, so numbers have no gaps.
 */
export async function nextSequence(tx: Queryable, regionCode: string, year: number): Promise<number> {
  const [row] = await tx.query<{ last_sequence: number }>(
    `INSERT INTO case_sequences (region_code, year, last_sequence) VALUES ($1, $2, 1)
     ON CONFLICT (region_code, year) DO UPDATE SET last_sequence = case_sequences.last_sequence + 1
     RETURNING last_sequence`,
    [regionCode, year],
  );
  return row!.last_sequence;
}

export async function prefixOf(db: Queryable, regionCode: string): Promise<string | undefined> {
  return (await db.query<{ prefix: string }>('SELECT prefix FROM case_number_prefixes WHERE region_code = $1', [regionCode]))[0]
    ?.prefix;
}

export async function insertCase(
  tx: Queryable,
  c: {
    regionCode: string;
    year: number;
    sequence: number;
    caseNumber: string;
    subject: string;
    origin: string;
    sender: string;
    receivedDate: string;
    registeredBy: string | null;
  },
): Promise<CaseRow> {
  const [row] = await tx.query<CaseRow>(
    `INSERT INTO cases (region_code, year, sequence, case_number, subject, origin, sender, received_date, registered_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
    [c.regionCode, c.year, c.sequence, c.caseNumber, c.subject, c.origin, c.sender, c.receivedDate, c.registeredBy],
  );
  return row!;
}

export async function listCases(
  db: Queryable,
  f: { regionCodes?: string[]; region?: string; year?: number; after?: [number, number, string]; limit: number },
) {
  const w = new Filters();
  if (f.regionCodes) w.add('region_code = ANY(?::text[])', f.regionCodes);
  if (f.region) w.add('region_code = ?', f.region);
  if (f.year) w.add('year = ?', f.year);
  if (f.after) w.add('(year, sequence, region_code) < (?::int, ?::int, ?)', f.after[0], f.after[1], f.after[2]);
  const limit = w.param(f.limit + 1);
  return db.query<CaseRow>(
    `SELECT * FROM cases ${w.where} ORDER BY year DESC, sequence DESC, region_code DESC LIMIT ${limit}`,
    w.params,
  );
}

export async function getCase(db: Queryable, id: string): Promise<CaseRow | undefined> {
  return (await db.query<CaseRow>('SELECT * FROM cases WHERE id = $1', [id]))[0];
}
