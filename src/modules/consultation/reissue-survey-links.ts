import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, unprocessable } from '../../platform/errors.js';
import { loadAnswer } from './load-answer.js';
import { requireAccess } from './policy.js';
import * as repo from './repository.js';
import { linkState } from './rules/survey.js';
import { reissueLinks } from './survey-invitations.js';

/**
 * New personal links while the survey is open: for the recipients named, or — without names —
 * for every unit that has not answered yet (a reminder). The old links stop working; units with
 * an address get the new link by e-mail, and the links are returned, so whoever sends them by
 * hand (no e-mail configured, no address) can always get them again.
 */
export async function reissueSurveyLinks(
  db: Db,
  ctx: Ctx,
  surveyId: string,
  recipientIds: string[] | undefined,
  opts: { publicUrl: string },
) {
  return db.transaction(async (tx) => {
    const survey = await repo.getSurvey(tx, surveyId);
    if (!survey) throw notFound('Enkäten');
    const l = await loadAnswer(tx, ctx, survey.answerId, { forUpdate: true });
    requireAccess(l.access.lead, 'Bara den ledande gruppen kan skicka nya länkar.');
    if (linkState(survey.id, { surveyId: survey.id }, { status: survey.status, closesOn: survey.closesOn }, l.today) !== 'ok') {
      throw unprocessable('Enkäten är stängd: stängda enkäter får inga nya länkar.', [{ path: 'survey', message: 'stängd' }]);
    }
    const all = await repo.recipientsOf(tx, survey.id);
    let chosen: repo.RecipientRow[];
    if (recipientIds) {
      const unknown = recipientIds.filter((id) => !all.some((r) => r.id === id));
      if (unknown.length) {
        throw unprocessable(
          'Enheten finns inte bland enkätens mottagare.',
          unknown.map((id) => ({ path: `recipientIds.${recipientIds.indexOf(id)}`, message: 'finns inte bland mottagarna' })),
        );
      }
      chosen = all.filter((r) => recipientIds.includes(r.id));
    } else {
      chosen = all.filter((r) => !r.respondedAt);
      if (!chosen.length) throw unprocessable('Alla enheter har redan svarat.', [{ path: 'recipientIds', message: 'alla har svarat' }]);
    }
    const links = await reissueLinks(tx, survey, await repo.getRound(tx, l.answer.roundId), chosen, opts.publicUrl);
    await recordAudit(tx, ctx, {
      entityType: 'consultation-survey',
      entityId: survey.id,
      action: 'reissue-links',
      after: { recipients: links.map((x) => x.unit), reminder: !recipientIds },
    });
    return links;
  });
}
