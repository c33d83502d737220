import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { runTransition } from '../../platform/lifecycle/index.js';
import { loadAnswer } from './load-answer.js';
import { requireAccess } from './policy.js';
import * as repo from './repository.js';
import { isSurveyOpen, surveyLifecycle } from './rules/survey-lifecycle.js';

/** The lead group closes the survey: the links stop working. Closing a closed survey changes nothing. */
export async function closeSurveyNow(db: Db, ctx: Ctx, surveyId: string) {
  return db.transaction(async (tx) => {
    const survey = await repo.getSurvey(tx, surveyId);
    if (survey && !isSurveyOpen(survey.status)) {
      const l = await loadAnswer(tx, ctx, survey.answerId);
      requireAccess(l.access.lead, 'Bara den ledande gruppen kan stänga enkäten.');
      return;
    }
    await runTransition(tx, ctx, surveyLifecycle, {
      id: surveyId,
      action: 'close',
      lock: (q) => repo.getSurvey(q, surveyId),
      authorize: async (q, s) => {
        const l = await loadAnswer(q, ctx, s.answerId, { forUpdate: true });
        requireAccess(l.access.lead, 'Bara den ledande gruppen kan stänga enkäten.');
      },
      apply: async (q, s) => {
        await repo.closeSurvey(q, surveyId);
        return { version: s.version + 1 };
      },
    });
  });
}
