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
  f: { groupIds: string[]; q?: string; year?: number; decisionType?: string; limit: number; offset: number },
): Promise<DecisionRecord[]> {
  const params: unknown[] = [f.groupIds, f.year ?? null, f.limit, f.offset, f.decisionType ?? null];
  let text = '';
  if (f.q?.trim()) {
    params.push(f.q.trim(), `%${foldLike(f.q.trim())}%`);
    text = `AND (to_tsvector('swedish', p.title || ' ' || p.decision_text) @@ plainto_tsquery('swedish', $6)
      OR sv_fold(p.title || ' ' || p.decision_text || ' ' || COALESCE(c.case_number, '')) LIKE $7)`;
  }
  return selectRows<DecisionRecord>(
    db,
    `SELECT p.id AS paragraph_id, p.meeting_id, p.group_id AS forum_id, g.name AS forum_name, m.meeting_date, p.number,
       p.title, p.decision_kind, p.decision_type, p.decision_text, p.case_id, c.case_number, m.minutes_locked_at AS approved_at
     FROM minutes_paragraphs p JOIN meetings m ON m.id = p.meeting_id JOIN groups g ON g.id = p.group_id
     LEFT JOIN cases c ON c.id = p.case_id
     WHERE m.minutes_status = 'justerat' AND p.group_id = ANY($1::uuid[]) AND ($2::int IS NULL OR p.year = $2::int)
       AND ($5::text IS NULL OR p.decision_type = $5::text) ${text}
     ORDER BY m.meeting_date DESC, p.number DESC LIMIT $3 OFFSET $4`,
    params,
  );
}

/** A decision for insyn: whether its case is secret (the presenter masks it), and when its minutes were approved. */
export type PublicDecisionRecord = Omit<DecisionRecord, 'caseId'> & { secret: boolean };

/**
 * Paragraphs of justerade protokoll in every forum, for anyone. The free text never matches a
 * secret case's title or decision (a search must not reveal what the answer masks); its case
 * number, which the public diary shows too, still finds it.
 */
export async function searchPublicDecisions(
  db: Queryable,
  f: {
    q?: string;
    forumId?: string;
    year?: number;
    decisionType?: string;
    approvedSince?: string;
    limit: number;
    offset: number;
  },
): Promise<PublicDecisionRecord[]> {
  const params: unknown[] = [
    f.forumId ?? null,
    f.year ?? null,
    f.approvedSince ?? null,
    f.limit,
    f.offset,
    f.decisionType ?? null,
  ];
  let text = '';
  if (f.q?.trim()) {
    params.push(f.q.trim(), `%${foldLike(f.q.trim())}%`);
    text = `AND ((NOT COALESCE(c.secret, false) AND (to_tsvector('swedish', p.title || ' ' || p.decision_text) @@ plainto_tsquery('swedish', $7)
        OR sv_fold(p.title || ' ' || p.decision_text) LIKE $8))
      OR sv_fold(COALESCE(c.case_number, '')) LIKE $8)`;
  }
  return selectRows<PublicDecisionRecord>(
    db,
    `SELECT p.id AS paragraph_id, p.meeting_id, p.group_id AS forum_id, g.name AS forum_name, m.meeting_date, p.number,
       p.title, p.decision_kind, p.decision_type, p.decision_text, c.case_number, COALESCE(c.secret, false) AS secret,
       m.minutes_locked_at AS approved_at
     FROM minutes_paragraphs p JOIN meetings m ON m.id = p.meeting_id JOIN groups g ON g.id = p.group_id
     LEFT JOIN cases c ON c.id = p.case_id
     WHERE m.minutes_status = 'justerat' AND ($1::uuid IS NULL OR p.group_id = $1::uuid) AND ($2::int IS NULL OR p.year = $2::int)
       AND ($3::timestamptz IS NULL OR m.minutes_locked_at >= $3::timestamptz)
       AND ($6::text IS NULL OR p.decision_type = $6::text) ${text}
     ORDER BY m.minutes_locked_at DESC, m.meeting_date DESC, p.number DESC, p.id LIMIT $4 OFFSET $5`,
    params,
  );
}

/** The meeting's paragraphs that concern a secret case (masked in the public protokoll). */
export async function secretParagraphIds(db: Queryable, meetingId: string): Promise<Set<string>> {
  const rows = await db.query<{ id: string }>(
    `SELECT p.id FROM minutes_paragraphs p JOIN cases c ON c.id = p.case_id WHERE p.meeting_id = $1 AND c.secret`,
    [meetingId],
  );
  return new Set(rows.map((r) => r.id));
}
