import type { Static } from 'typebox';
import type { Queryable } from '../../../platform/db/index.js';
import { selectRow, selectRows } from '../../../platform/db/rows.js';
import type { Answers, Question } from '../rules/survey.js';
import type { SurveyStatus } from '../rules/survey-lifecycle.js';
import type { Survey } from '../schemas.js';

type SurveyApi = Static<typeof Survey>;

/** A survey's own fields as the API shows them (its recipients, summary and actions are added by the presenter). */
export type SurveyRow = Pick<
  SurveyApi,
  'id' | 'answerId' | 'title' | 'intro' | 'closesOn' | 'status' | 'questions' | 'version'
> & {
  /** The rules' types (the schema's enums read as strings). */
  status: SurveyStatus;
  questions: Question[];
  closedAt: string | null;
  createdAt: string;
};

/** A recipient as the survey shows it, with its survey and its answers (summarised, never listed, by the presenter). */
export type RecipientRow = SurveyApi['recipients'][number] & { surveyId: string; answers: Answers | null; createdAt: string };

/** A recipient's columns; never the token's hash. */
const RECIPIENT = 'id, survey_id, unit, name, email, answers, responded_at, created_at';

export async function insertSurvey(
  db: Queryable,
  s: { answerId: string; title: string; intro: string | null; questions: Question[]; closesOn: string },
): Promise<SurveyRow> {
  const row = await selectRow<SurveyRow>(
    db,
    `INSERT INTO consultation_surveys (answer_id, title, intro, questions, closes_on) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [s.answerId, s.title, s.intro, JSON.stringify(s.questions), s.closesOn],
  );
  return row!;
}

export async function getSurvey(db: Queryable, id: string): Promise<SurveyRow | undefined> {
  return selectRow<SurveyRow>(db, 'SELECT * FROM consultation_surveys WHERE id = $1', [id]);
}

export async function surveyOfAnswer(db: Queryable, answerId: string): Promise<SurveyRow | undefined> {
  return selectRow<SurveyRow>(db, 'SELECT * FROM consultation_surveys WHERE answer_id = $1', [answerId]);
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
  const row = await selectRow<RecipientRow>(
    db,
    `INSERT INTO consultation_survey_recipients (survey_id, unit, name, email, token_hash) VALUES ($1, $2, $3, $4, $5)
     RETURNING ${RECIPIENT}`,
    [r.surveyId, r.unit, r.name, r.email, r.tokenHash],
  );
  return row!;
}

/** A recipient's new link: the old token's hash is replaced, so the old link stops working. */
export async function replaceRecipientToken(db: Queryable, recipientId: string, tokenHash: string): Promise<void> {
  await db.query(`UPDATE consultation_survey_recipients SET token_hash = $2 WHERE id = $1`, [recipientId, tokenHash]);
}

export async function recipientsOf(db: Queryable, surveyId: string): Promise<RecipientRow[]> {
  return selectRows<RecipientRow>(
    db,
    `SELECT ${RECIPIENT} FROM consultation_survey_recipients
     WHERE survey_id = $1 ORDER BY sv_key(unit) COLLATE "C", id`,
    [surveyId],
  );
}

export async function recipientByTokenHash(db: Queryable, tokenHash: string): Promise<RecipientRow | undefined> {
  return selectRow<RecipientRow>(db, `SELECT ${RECIPIENT} FROM consultation_survey_recipients WHERE token_hash = $1`, [
    tokenHash,
  ]);
}

export async function saveResponse(db: Queryable, recipientId: string, answers: Answers): Promise<void> {
  await db.query('UPDATE consultation_survey_recipients SET answers = $2, responded_at = now() WHERE id = $1', [
    recipientId,
    JSON.stringify(answers),
  ]);
}
