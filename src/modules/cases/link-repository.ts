import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { selectRow, selectRows } from '../../platform/db/rows.js';
import type { Link } from './schemas.js';

/** The SQL for links from cases to other cases, knowledge supports and consultation rounds. */

/** A link as the API shows it, with whether its target case is secret (the presenter hides the subject). */
export type LinkRow = Static<typeof Link> & { caseId: string; targetSecret: boolean | null };

/** Links in both directions for cases (a link from B to A shows on A too). */
export async function linksOf(db: Queryable, caseId: string): Promise<LinkRow[]> {
  return selectRows<LinkRow>(
    db,
    `SELECT l.id, l.case_id, l.target_type, l.target_id, l.relation, l.note, l.created_at,
       t.case_number AS target_case_number, t.subject AS target_subject, t.secret AS target_secret
     FROM case_links l LEFT JOIN cases t ON l.target_type = 'case' AND t.id = l.target_id
     WHERE l.case_id = $1
     UNION ALL
     SELECT l.id, l.target_id, 'case', l.case_id, l.relation, l.note, l.created_at, s.case_number, s.subject, s.secret
     FROM case_links l JOIN cases s ON s.id = l.case_id
     WHERE l.target_type = 'case' AND l.target_id = $1
     ORDER BY created_at, id`,
    [caseId],
  );
}

export async function insertLink(
  tx: Queryable,
  l: { caseId: string; targetType: string; targetId: string; relation: string; note: string | null; createdBy: string | null },
): Promise<{ id: string } | undefined> {
  return (
    await tx.query<{ id: string }>(
      `INSERT INTO case_links (case_id, target_type, target_id, relation, note, created_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (case_id, target_type, target_id) DO NOTHING RETURNING id`,
      [l.caseId, l.targetType, l.targetId, l.relation, l.note, l.createdBy],
    )
  )[0];
}

export async function getLink(db: Queryable, id: string) {
  return selectRow<{ id: string; caseId: string; targetType: string; targetId: string; relation: string }>(
    db,
    'SELECT id, case_id, target_type, target_id, relation FROM case_links WHERE id = $1',
    [id],
  );
}

export async function deleteLink(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM case_links WHERE id = $1', [id]);
}
