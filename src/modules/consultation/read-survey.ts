import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { loadAnswer } from './load-answer.js';
import * as repo from './repository.js';

/** The answers so far: who has answered, and each question summarised. */
export async function surveyProgress(db: Db, ctx: Ctx, surveyId: string) {
  const survey = await repo.getSurvey(db, surveyId);
  if (!survey) throw notFound('Enkäten');
  const l = await loadAnswer(db, ctx, survey.answerId);
  return { survey, recipients: await repo.recipientsOf(db, surveyId), access: l.access };
}
