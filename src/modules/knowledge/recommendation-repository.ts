import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { selectRow, selectRows } from '../../platform/db/rows.js';
import type { RecommendationGrade } from './rules/vocabulary.js';
import type { Recommendation } from './schemas.js';

/** The SQL of the national guidelines' recommendations. */

/** A recommendation as the API shows it. */
export type RecommendationRow = Omit<Static<typeof Recommendation>, 'grade'> & { grade: RecommendationGrade };

export async function recommendationsOf(db: Queryable, supportId: string): Promise<RecommendationRow[]> {
  return selectRows<RecommendationRow>(
    db,
    `SELECT * FROM knowledge_recommendations WHERE support_id = $1
     ORDER BY CASE grade WHEN 'prioritet' THEN 0 WHEN 'fou' THEN 1 ELSE 2 END, priority NULLS LAST, code NULLS LAST, created_at, id`,
    [supportId],
  );
}

export async function getRecommendation(db: Queryable, id: string): Promise<RecommendationRow | undefined> {
  return selectRow<RecommendationRow>(db, 'SELECT * FROM knowledge_recommendations WHERE id = $1 FOR UPDATE', [id]);
}

export interface RecommendationWrite {
  code: string | null;
  condition: string;
  measure: string;
  grade: string;
  priority: number | null;
  comment: string | null;
}

export async function insertRecommendation(db: Queryable, supportId: string, r: RecommendationWrite): Promise<RecommendationRow> {
  const row = await selectRow<RecommendationRow>(
    db,
    `INSERT INTO knowledge_recommendations (support_id, code, condition, measure, grade, priority, comment)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [supportId, r.code, r.condition, r.measure, r.grade, r.priority, r.comment],
  );
  return row!;
}

export async function updateRecommendationRow(
  db: Queryable,
  id: string,
  version: number,
  r: RecommendationWrite,
): Promise<RecommendationRow | undefined> {
  return selectRow<RecommendationRow>(
    db,
    `UPDATE knowledge_recommendations SET code = $3, condition = $4, measure = $5, grade = $6, priority = $7, comment = $8,
       version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING *`,
    [id, version, r.code, r.condition, r.measure, r.grade, r.priority, r.comment],
  );
}

export async function deleteRecommendation(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM knowledge_recommendations WHERE id = $1', [id]);
}
