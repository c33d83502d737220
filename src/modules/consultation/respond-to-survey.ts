import { recordAudit } from '../../platform/audit/record.js';
import { todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { notFound, Problem, unprocessable } from '../../platform/errors.js';
import * as repo from './repository.js';
import { checkAnswers, linkState, type Answers } from './rules/survey.js';
import { hashSurveyToken } from './survey-tokens.js';

// The public side: a personal link, no account.

async function openByToken(tx: Queryable, surveyId: string, token: string | undefined, today: string) {
  const recipient = token && token.length <= 200 ? await repo.recipientByTokenHash(tx, hashSurveyToken(token)) : undefined;
  const survey = recipient ? await repo.getSurvey(tx, recipient.surveyId) : undefined;
  const state = linkState(
    surveyId,
    recipient ? { surveyId: recipient.surveyId } : undefined,
    survey ? { status: survey.status, closesOn: survey.closesOn } : undefined,
    today,
  );
  return { state, recipient, survey };
}

export async function openSurveyForm(db: Db, surveyId: string, token: string | undefined, opts: { today?: string } = {}) {
  const { state, recipient, survey } = await openByToken(db, surveyId, token, opts.today ?? todayInSweden());
  if (state === 'not-found' || !recipient || !survey) throw notFound('Enkäten');
  if (state === 'expired') throw gone();
  const answer = await repo.getAnswer(db, survey.answerId);
  const round = answer ? await repo.getRound(db, answer.roundId) : undefined;
  return { state, recipient, survey, regionName: answer?.regionName ?? '', roundTitle: round?.title ?? '' };
}

/** Saves a unit's answers; it may change them until the survey closes. */
export async function respondToSurvey(
  db: Db,
  ctx: Ctx,
  surveyId: string,
  token: string | undefined,
  answers: Answers,
  opts: { today?: string } = {},
) {
  return db.transaction(async (tx) => {
    const { state, recipient, survey } = await openByToken(tx, surveyId, token, opts.today ?? todayInSweden());
    if (state === 'not-found' || !recipient || !survey) throw notFound('Enkäten');
    if (state === 'expired') throw gone();
    const errors = checkAnswers(survey.questions, answers);
    if (errors.length) throw unprocessable('Några svar behöver rättas.', errors);
    await repo.saveResponse(tx, recipient.id, answers);
    await recordAudit(
      tx,
      { ...ctx, actor: undefined },
      {
        entityType: 'consultation-survey',
        entityId: survey.id,
        action: 'respond',
        after: { recipientId: recipient.id, unit: recipient.unit, answered: Object.keys(answers).length },
      },
    );
  });
}

export const gone = () =>
  new Problem(410, 'Länken har gått ut', 'Enkäten är stängd och tar inte längre emot svar. Kontakta den som skickade länken.');
