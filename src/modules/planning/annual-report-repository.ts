/** SQL for the program areas' annual reports (årsrapporter). */
import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { insertColumns, selectRow, selectRows, setColumns } from '../../platform/db/rows.js';
import type { AnnualReport } from './annual-report-schemas.js';
import type { ReportState } from './rules/annual-report.js';

/** A report as stored, with its group's and the noting group's names, and the group its program area reports to. */
export type AnnualReportRow = Omit<Static<typeof AnnualReport>, 'mayEdit' | 'locked' | 'allowedActions'>;

const SELECT = `SELECT r.*, g.name AS group_name, n.name AS noted_by_group_name,
    g.parent_group_id AS followed_by_group_id, f.name AS followed_by_group_name
  FROM annual_reports r JOIN groups g ON g.id = r.group_id
  LEFT JOIN groups n ON n.id = r.noted_by_group_id
  LEFT JOIN groups f ON f.id = g.parent_group_id`;

export const getAnnualReport = (db: Queryable, id: string) => selectRow<AnnualReportRow>(db, `${SELECT} WHERE r.id = $1`, [id]);

export const listAnnualReports = (db: Queryable, f: { groupId: string | null; followedBy: string | null; year: number | null }) =>
  selectRows<AnnualReportRow>(
    db,
    `${SELECT} WHERE ($1::uuid IS NULL OR r.group_id = $1) AND ($2::uuid IS NULL OR g.parent_group_id = $2)
       AND ($3::int IS NULL OR r.year = $3) ORDER BY r.year DESC, sv_key(g.name) COLLATE "C" LIMIT 500`,
    [f.groupId, f.followedBy, f.year],
  );

export const reportExistsFor = async (db: Queryable, groupId: string, year: number) =>
  (await db.query('SELECT 1 FROM annual_reports WHERE group_id = $1 AND year = $2', [groupId, year])).length > 0;

export async function insertAnnualReport(
  db: Queryable,
  r: {
    groupId: string;
    owner: string;
    year: number;
    summary: string;
    goalFulfilment: string | null;
    improvementNeeds: string | null;
  },
): Promise<string> {
  const params: unknown[] = [];
  const c = insertColumns(r, params);
  return (await db.query<{ id: string }>(`INSERT INTO annual_reports ${c.columns} VALUES ${c.values} RETURNING id`, params))[0]!
    .id;
}

export async function lockAnnualReport(tx: Queryable, id: string): Promise<void> {
  await tx.query('SELECT 1 FROM annual_reports WHERE id = $1 FOR UPDATE', [id]);
}

/** The report's texts that change (only those given) and the next version. */
export async function updateAnnualReportText(
  tx: Queryable,
  id: string,
  patch: { summary?: string; goalFulfilment?: string | null; improvementNeeds?: string | null },
): Promise<void> {
  const params: unknown[] = [id];
  const set = setColumns(patch, params);
  await tx.query(
    `UPDATE annual_reports SET ${set ? `${set}, ` : ''}version = version + 1, updated_at = now() WHERE id = $1`,
    params,
  );
}

/** Moves the report to a state, with the step's date (and the noting group's decision). */
export async function setAnnualReportState(
  tx: Queryable,
  id: string,
  s: { state: ReportState; submittedOn?: string; notedOn?: string; notedByGroupId?: string; notedRef?: string | null },
): Promise<number> {
  const params: unknown[] = [id];
  const set = setColumns(s, params);
  return (
    await tx.query<{ version: number }>(
      `UPDATE annual_reports SET ${set}, version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`,
      params,
    )
  )[0]!.version;
}
