import type { Queryable } from '../../../platform/db/index.js';
import type { Answers, Question } from '../rules/survey.js';
import type { SurveyStatus } from '../rules/survey-lifecycle.js';

export interface SurveyRow {
  id: string;
  answer_id: string;
  title: string;
  intro: string | null;
  questions: Question[];
  closes_on: string;
  status: SurveyStatus;
  closed_at: Date | null;
  version: number;
  created_at: Date;
}

export interface RecipientRow {
  id: string;
  survey_id: string;
  unit: string;
  name: string | null;
  email: string | null;
  answers: Answers | null;
  responded_at: Date | null;
  created_at: Date;
}

export async function insertSurvey(
  db: Queryable,
  s: { answerId: string; title: string; intro: string | null; questions: Question[]; closesOn: string },
): Promise<SurveyRow> {
  const [row] = await db.query<SurveyRow>(
    `INSERT INTO consultation_surveys (answer_id, title, intro, questions, closes_on) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [s.answerId, s.title, s.intro, JSON.stringify(s.questions), s.closesOn],
  );
  return row!;
}

export async function getSurvey(db: Queryable, id: string): Promise<SurveyRow | undefined> {
  return (await db.query<SurveyRow>('SELECT * FROM consultation_surveys WHERE id = $1', [id]))[0];
}

export async function surveyOfAnswer(db: Queryable, answerId: string): Promise<SurveyRow | undefined> {
  return (await db.query<SurveyRow>('SELECT * FROM consultation_surveys WHERE answer_id = $1', [answerId]))[0];
}

export async function closeSurvey(db: Queryable, id: string): Promise<void> {
  await db.query(
    `UPDATE consultation_surveys SET status = 'stangd', closed_at = now(), version = version + 1 WHERE id = $1 AND status = 'oppen'`,
    [id],
  );
}

export async function insertRecipient(
  db: Queryable,
  r: { surveyId: string; unit: string; name: string | null; email: string | null; tokenHash: string },
): Promise<RecipientRow> {
  const [row] = await db.query<RecipientRow>(
    `INSERT INTO consultation_survey_recipients (survey_id, unit, name, email, token_hash) VALUES ($1, $2, $3, $4, $5)
     RETURNING id, survey_id, unit, name, email, answers, responded_at, created_at`,
    [r.surveyId, r.unit, r.name, r.email, r.tokenHash],
  );
  return row!;
}

export async function recipientsOf(db: Queryable, surveyId: string): Promise<RecipientRow[]> {
  return db.query<RecipientRow>(
    `SELECT id, survey_id, unit, name, email, answers, responded_at, created_at FROM consultation_survey_recipients
     WHERE survey_id = $1 ORDER BY sv_key(unit) COLLATE "C", id`,
    [surveyId],
  );
}

export async function recipientByTokenHash(db: Queryable, tokenHash: string): Promise<RecipientRow | undefined> {
  return (
    await db.query<RecipientRow>(
      'SELECT id, survey_id, unit, name, email, answers, responded_at, created_at FROM consultation_survey_recipients WHERE token_hash = $1',
      [tokenHash],
    )
  )[0];
}

export async function saveResponse(db: Queryable, recipientId: string, answers: Answers): Promise<void> {
  await db.query('UPDATE consultation_survey_recipients SET answers = $2, responded_at = now() WHERE id = $1', [
    recipientId,
    JSON.stringify(answers),
  ]);
}
