import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { moveAnswer } from './answer-transition.js';
import * as repo from './repository.js';

/** The lead group starts the draft (with or without a survey); a survey still open closes. */
export async function startDraft(db: Db, ctx: Ctx, id: string, input: { version: number }) {
  return db.transaction((tx) =>
    moveAnswer(tx, ctx, id, 'start-draft', {
      version: input.version,
      then: async (q) => {
        const survey = await repo.surveyOfAnswer(q, id);
        if (survey) await repo.closeSurvey(q, survey.id);
      },
    }),
  );
}
