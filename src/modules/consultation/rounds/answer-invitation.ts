import { recordAudit } from '../../../platform/audit/record.js';
import type { Ctx } from '../../../platform/context.js';
import type { Db, Queryable } from '../../../platform/db/index.js';
import { notFound, Problem, unprocessable } from '../../../platform/errors.js';
import { isRoundCancelled } from '../rules/round-lifecycle.js';
import { TRACK_LABELS } from '../rules/tracks.js';
import { hashSurveyToken } from '../survey-tokens.js';
import * as inv from './invitation-repository.js';
import * as repo from './repository.js';

// The public side of an invitation: a personal link, no account (as the surveys').

async function openByToken(tx: Queryable, id: string, token: string | undefined, forUpdate = false) {
  if (!token || token.length > 200) throw notFound('Inbjudan');
  const invitation = await inv.invitationByTokenHash(tx, id, hashSurveyToken(token), { forUpdate });
  const round = invitation ? await repo.getRound(tx, invitation.roundId) : undefined;
  if (!invitation || !round) throw notFound('Inbjudan');
  return { invitation, round };
}

const closed = () =>
  new Problem(410, 'Remissen har stängt', 'Remissen tar inte längre emot svar. Kontakta den som skickade inbjudan.');

export async function openInvitation(db: Db, id: string, token: string | undefined, today: string) {
  const { invitation, round } = await openByToken(db, id, token);
  if (isRoundCancelled(round.status) || round.closesOn < today) throw closed();
  return {
    invitationId: invitation.id,
    organisation: invitation.organisation,
    roundTitle: round.title,
    trackLabel: TRACK_LABELS[round.track],
    sender: round.sender,
    opensOn: round.opensOn,
    closesOn: round.closesOn,
    answer: invitation.answer,
    answeredAt: invitation.answeredAt,
  };
}

/** The organisation's answer; it may change it until the round closes (not before it opens). */
export async function answerInvitation(db: Db, ctx: Ctx, id: string, token: string | undefined, answer: string, today: string) {
  return db.transaction(async (tx) => {
    const { invitation, round } = await openByToken(tx, id, token, true);
    if (isRoundCancelled(round.status) || round.closesOn < today) throw closed();
    if (round.opensOn > today) {
      throw unprocessable(`Remissen öppnar ${round.opensOn}.`, [
        { path: '/answer', message: `Svar tas emot från ${round.opensOn}.` },
      ]);
    }
    const text = answer.trim();
    if (!text) throw unprocessable('Svaret är tomt.', [{ path: '/answer', message: 'Skriv ert svar.' }]);
    const after = await inv.saveInvitationAnswer(tx, invitation.id, text);
    await recordAudit(
      tx,
      { ...ctx, actor: undefined },
      {
        entityType: 'consultation-invitation',
        entityId: invitation.id,
        action: 'answer',
        after: {
          roundId: round.id,
          organisation: invitation.organisation,
          chars: text.length,
          changed: invitation.answer !== null,
        },
      },
    );
    return after;
  });
}
