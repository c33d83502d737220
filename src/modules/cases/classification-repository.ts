import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { selectRow, selectRows, setColumns } from '../../platform/db/rows.js';
import type { Classification } from './classification-schemas.js';

/** The SQL for a region's klassificeringsstruktur (migration 0037). */

export type ClassificationRow = Static<typeof Classification>;

const CLASSIFICATION = 'id, region_code AS region, code, title, active, version, updated_at';

/** A region's entries in code order ("1", "1.2", "1.10", "2"): each part compared as a number. */
export async function classificationsOf(
  db: Queryable,
  regionCode: string,
  includeInactive: boolean,
): Promise<ClassificationRow[]> {
  const rows = await selectRows<ClassificationRow>(
    db,
    `SELECT ${CLASSIFICATION} FROM case_classifications WHERE region_code = $1 ${includeInactive ? '' : 'AND active'}`,
    [regionCode],
  );
  return rows.sort((a, b) => compareCodes(a.code, b.code));
}

const compareCodes = (a: string, b: string): number => {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
};

export async function getClassification(db: Queryable, id: string): Promise<ClassificationRow | undefined> {
  return selectRow<ClassificationRow>(db, `SELECT ${CLASSIFICATION} FROM case_classifications WHERE id = $1`, [id]);
}

export async function lockClassification(tx: Queryable, id: string): Promise<ClassificationRow | undefined> {
  return selectRow<ClassificationRow>(tx, `SELECT ${CLASSIFICATION} FROM case_classifications WHERE id = $1 FOR UPDATE`, [id]);
}

export async function classificationByCode(
  db: Queryable,
  regionCode: string,
  code: string,
): Promise<ClassificationRow | undefined> {
  return selectRow<ClassificationRow>(
    db,
    `SELECT ${CLASSIFICATION} FROM case_classifications WHERE region_code = $1 AND code = $2`,
    [regionCode, code],
  );
}

/** Whether an active entry sits below this code (an entry with active children is not made inactive). */
export async function hasActiveChildren(db: Queryable, regionCode: string, code: string): Promise<boolean> {
  const rows = await db.query<{ one: number }>(
    `SELECT 1 AS one FROM case_classifications WHERE region_code = $1 AND active AND left(code, $3) = $2 LIMIT 1`,
    [regionCode, `${code}.`, code.length + 1],
  );
  return rows.length > 0;
}

export async function insertClassification(
  tx: Queryable,
  c: { region: string; code: string; title: string },
): Promise<ClassificationRow> {
  const row = await selectRow<ClassificationRow>(
    tx,
    `INSERT INTO case_classifications (region_code, code, title) VALUES ($1, $2, $3) RETURNING ${CLASSIFICATION}`,
    [c.region, c.code, c.title],
  );
  return row!;
}

export async function updateClassification(
  tx: Queryable,
  id: string,
  version: number,
  fields: { title?: string; active?: boolean },
): Promise<ClassificationRow | undefined> {
  const params: unknown[] = [id, version];
  const set = setColumns(fields, params);
  return selectRow<ClassificationRow>(
    tx,
    `UPDATE case_classifications SET ${set ? `${set}, ` : ''}version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING ${CLASSIFICATION}`,
    params,
  );
}
