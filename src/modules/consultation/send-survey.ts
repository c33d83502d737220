import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { unprocessable } from '../../platform/errors.js';
import type { Static } from 'typebox';
import { moveAnswer } from './answer-transition.js';
import * as repo from './repository.js';
import { checkQuestions, type Question } from './rules/survey.js';
import type { SurveyBody } from './schemas.js';
import { addRecipients, checkRecipients, type SentLink } from './survey-invitations.js';

export type SendSurveyInput = Omit<Static<typeof SurveyBody>, 'questions'> & { questions: Question[] };

/**
 * The lead group sends the gap-analysis survey to the units concerned. Each unit gets a
 * personal link (shown once here and e-mailed when an address is given); only the token's
 * hash is kept. The answer moves to "enkät pågår".
 */
export async function sendSurvey(
  db: Db,
  ctx: Ctx,
  answerId: string,
  input: SendSurveyInput,
  opts: { publicUrl: string; today?: string },
) {
  return db.transaction(async (tx) => {
    let sent: { survey: repo.SurveyRow; links: SentLink[] } | undefined;
    await moveAnswer(tx, ctx, answerId, 'send-survey', {
      version: input.version,
      ...(opts.today ? { today: opts.today } : {}),
      then: async (q, l) => {
        const round = await repo.getRound(q, l.answer.roundId);
        const errors = [...checkQuestions(input.questions), ...checkRecipients(input.recipients)];
        if (input.closesOn < l.today) errors.push({ path: 'closesOn', message: 'enkäten kan inte stänga före i dag' });
        if (round && input.closesOn > round.closesOn)
          errors.push({ path: 'closesOn', message: `ska vara senast remissens sista svarsdag ${round.closesOn}` });
        if (errors.length) throw unprocessable(errors.map((e) => e.message).join('; '), errors);
        const survey = await repo.insertSurvey(q, {
          answerId,
          title: input.title.trim(),
          intro: input.intro?.trim() || null,
          questions: input.questions.map((x) => ({ ...x, text: x.text.trim() })),
          closesOn: input.closesOn,
        });
        const links = await addRecipients(q, survey, round, input.recipients, opts.publicUrl);
        await recordAudit(q, ctx, {
          entityType: 'consultation-survey',
          entityId: survey.id,
          action: 'send',
          after: {
            answerId,
            questions: survey.questions.length,
            recipients: links.map((x) => ({ unit: x.unit, email: x.email })),
          },
        });
        sent = { survey, links };
      },
    });
    return sent!;
  });
}
