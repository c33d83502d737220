import type { Queryable } from '../../platform/db/index.js';
import { foldLike } from '../../platform/db/sql.js';
import type { ParagraphRow } from './minutes-repository.js';

/** The decision log: paragraphs of approved minutes. */

export interface DecisionRow extends ParagraphRow {
  group_name: string;
  group_owner: string;
  meeting_date: string;
  locked_at: Date;
}

/** Paragraphs of approved minutes; Swedish full-text (stemmed) or a folded substring match. */
export async function searchDecisions(
  db: Queryable,
  f: { groupIds: string[]; q?: string; year?: number; limit: number; offset: number },
): Promise<DecisionRow[]> {
  const params: unknown[] = [f.groupIds, f.year ?? null, f.limit, f.offset];
  let text = '';
  if (f.q?.trim()) {
    params.push(f.q.trim(), `%${foldLike(f.q.trim())}%`);
    text = `AND (to_tsvector('swedish', p.title || ' ' || p.decision_text) @@ plainto_tsquery('swedish', $5)
      OR sv_fold(p.title || ' ' || p.decision_text || ' ' || COALESCE(c.case_number, '')) LIKE $6)`;
  }
  return db.query<DecisionRow>(
    `SELECT p.*, c.case_number, g.name AS group_name, g.owner AS group_owner, m.meeting_date, m.minutes_locked_at AS locked_at
     FROM minutes_paragraphs p JOIN meetings m ON m.id = p.meeting_id JOIN groups g ON g.id = p.group_id
     LEFT JOIN cases c ON c.id = p.case_id
     WHERE m.minutes_status = 'justerat' AND p.group_id = ANY($1::uuid[]) AND ($2::int IS NULL OR p.year = $2::int) ${text}
     ORDER BY m.meeting_date DESC, p.number DESC LIMIT $3 OFFSET $4`,
    params,
  );
}
