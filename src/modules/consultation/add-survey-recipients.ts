import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, unprocessable } from '../../platform/errors.js';
import { loadAnswer } from './load-answer.js';
import { requireAccess } from './policy.js';
import * as repo from './repository.js';
import { linkState } from './rules/survey.js';
import { addRecipients, checkRecipients, type SurveyRecipientInput } from './survey-invitations.js';

/** More units after sending: each gets its own new link. */
export async function addSurveyRecipients(
  db: Db,
  ctx: Ctx,
  surveyId: string,
  list: SurveyRecipientInput[],
  opts: { publicUrl: string },
) {
  return db.transaction(async (tx) => {
    const survey = await repo.getSurvey(tx, surveyId);
    if (!survey) throw notFound('Enkäten');
    const l = await loadAnswer(tx, ctx, survey.answerId, { forUpdate: true });
    requireAccess(l.access.lead, 'Bara den ledande gruppen kan skicka enkäten till fler.');
    const errors = checkRecipients(list);
    if (errors.length) throw unprocessable(errors.map((e) => e.message).join('; '), errors);
    if (linkState(survey.id, { surveyId: survey.id }, { status: survey.status, closesOn: survey.closesOn }, l.today) !== 'ok') {
      throw unprocessable('Enkäten är stängd.', [{ path: 'survey', message: 'stängd' }]);
    }
    const links = await addRecipients(tx, survey, await repo.getRound(tx, l.answer.roundId), list, opts.publicUrl);
    await recordAudit(tx, ctx, {
      entityType: 'consultation-survey',
      entityId: survey.id,
      action: 'add-recipient',
      after: { recipients: links.map((x) => x.unit) },
    });
    return links;
  });
}
