import type { Queryable } from '../../platform/db/index.js';
import { selectRows } from '../../platform/db/rows.js';
import type { RemovableType } from './rules/gallring.js';

/** The SQL of the gallring job: which records a rule reaches, and removing them. */

/** A record the report names: its id, what it is, and the date its period counts from. */
export interface GallringItem {
  id: string;
  label: string;
  date: string;
}

/**
 * Claims whose period has run out: dated (the assignment's date) before the cutoff and settled
 * (approved or withdrawn). A submitted or returned claim is still open and is never touched.
 */
const CLAIMS = `SELECT c.id, g.name AS label, a.assignment_date AS date
  FROM compensation_claims c
  JOIN compensation_assignments a ON a.id = c.assignment_id
  JOIN groups g ON g.id = c.group_id
  WHERE a.assignment_date < $1 AND c.status IN ('approved', 'withdrawn')
  ORDER BY a.assignment_date, c.id`;

const FIND: Record<RemovableType, string> = { 'compensation-claim': CLAIMS };
const REMOVE: Record<RemovableType, string> = {
  'compensation-claim': 'DELETE FROM compensation_claims WHERE id = ANY($1::uuid[]) RETURNING id',
};

export const recordsPast = (db: Queryable, type: RemovableType, cutoff: string, forUpdate = false) =>
  selectRows<GallringItem>(db, forUpdate ? `${FIND[type]} FOR UPDATE OF c` : FIND[type], [cutoff]);

export async function removeRecords(tx: Queryable, type: RemovableType, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return (await tx.query<{ id: string }>(REMOVE[type], [ids])).length;
}

/** A closed case that has not yet been exported to the e-archive. */
export interface ArchiveCandidate {
  id: string;
  region: string;
  caseNumber: string;
  diarienummer: string | null;
  subject: string;
  sender: string;
  secret: boolean;
  closedAt: string | null;
}

export const archiveCandidates = (db: Queryable) =>
  selectRows<ArchiveCandidate>(
    db,
    `SELECT c.id, c.region_code AS region, c.case_number, c.diarienummer, c.subject, c.sender, c.secret, c.closed_at
     FROM cases c
     WHERE c.status = 'avslutad'
       AND NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.entity_type = 'case' AND e.entity_id = c.id::text
                       AND e.action = 'archive-export')
     ORDER BY c.closed_at NULLS FIRST, c.case_number`,
  );
