import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { foldLike } from '../../platform/db/sql.js';
import { selectRows } from '../../platform/db/rows.js';
import type { Decision } from './schemas.js';

/** The decision log: paragraphs of approved minutes, in API shape (the presenter adds the reference). */

export type DecisionRecord = Omit<Static<typeof Decision>, 'reference'>;

/** Paragraphs of approved minutes; Swedish full-text (stemmed) or a folded substring match. */
export async function searchDecisions(
  db: Queryable,
  f: { groupIds: string[]; q?: string; year?: number; limit: number; offset: number },
): Promise<DecisionRecord[]> {
  const params: unknown[] = [f.groupIds, f.year ?? null, f.limit, f.offset];
  let text = '';
  if (f.q?.trim()) {
    params.push(f.q.trim(), `%${foldLike(f.q.trim())}%`);
    text = `AND (to_tsvector('swedish', p.title || ' ' || p.decision_text) @@ plainto_tsquery('swedish', $5)
      OR sv_fold(p.title || ' ' || p.decision_text || ' ' || COALESCE(c.case_number, '')) LIKE $6)`;
  }
  return selectRows<DecisionRecord>(
    db,
    `SELECT p.id AS paragraph_id, p.meeting_id, p.group_id AS forum_id, g.name AS forum_name, m.meeting_date, p.number,
       p.title, p.decision_kind, p.decision_text, p.case_id, c.case_number, m.minutes_locked_at AS approved_at
     FROM minutes_paragraphs p JOIN meetings m ON m.id = p.meeting_id JOIN groups g ON g.id = p.group_id
     LEFT JOIN cases c ON c.id = p.case_id
     WHERE m.minutes_status = 'justerat' AND p.group_id = ANY($1::uuid[]) AND ($2::int IS NULL OR p.year = $2::int) ${text}
     ORDER BY m.meeting_date DESC, p.number DESC LIMIT $3 OFFSET $4`,
    params,
  );
}
