import { recordAudit } from '../../../platform/audit/record.js';
import type { Ctx } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import { conflict, notFound, unprocessable } from '../../../platform/errors.js';
import { queueEmail } from '../../../platform/jobs/email.js';
import type { InviteeKind } from '../../../shared/round-vocabulary.js';
import { authorizeRounds } from '../policy.js';
import { isRoundCancelled } from '../rules/round-lifecycle.js';
import { trackOf, TRACK_LABELS } from '../rules/tracks.js';
import { hashSurveyToken, newSurveyToken } from '../survey-tokens.js';
import * as inv from './invitation-repository.js';
import * as repo from './repository.js';

export interface InviteInput {
  organisation: string;
  organisationKind: InviteeKind;
  contactEmail: string;
}

/** The personal link to answer (the token after #, never sent to the server in a URL). */
export const invitationLink = (publicUrl: string, invitationId: string, token: string): string =>
  `${publicUrl.replace(/\/$/, '')}/remissvar/${invitationId}#${token}`;

/**
 * Invites an organisation to answer an öppen nationell remiss (seed 002: "En öppen nationell
 * remiss kan också besvaras av patientföreningar, universitet, berörda professioner och
 * kommuner"). Only on a track open to others, while the round takes answers; one invitation per
 * organisation and round. The link is mailed to the contact and returned once.
 */
export async function inviteOrganisation(
  db: Db,
  ctx: Ctx,
  roundId: string,
  input: InviteInput,
  opts: { publicUrl: string; today: string },
) {
  return db.transaction(async (tx) => {
    authorizeRounds(ctx);
    const round = await repo.getRound(tx, roundId, { forUpdate: true });
    if (!round) throw notFound('Remissomgången');
    if (isRoundCancelled(round.status)) throw conflict('Omgången är avbruten.');
    if (!trackOf(round.track)?.openToOthers) {
      throw unprocessable(`${TRACK_LABELS[round.track]} besvaras bara av regionerna.`, [
        { path: '/organisation', message: 'Bara en öppen nationell remiss kan besvaras av andra än regionerna.' },
      ]);
    }
    if (round.closesOn < opts.today) {
      throw unprocessable('Omgången har stängt.', [{ path: '/organisation', message: `Sista svarsdag var ${round.closesOn}.` }]);
    }
    const organisation = input.organisation.trim();
    if (!organisation) throw unprocessable('Ange organisationen.', [{ path: '/organisation', message: 'Ange organisationen.' }]);
    if (await inv.invitationByOrganisation(tx, roundId, organisation)) {
      throw conflict(`${organisation} är redan inbjuden att svara på omgången.`);
    }
    const token = newSurveyToken();
    const row = await inv.insertInvitation(tx, {
      roundId,
      organisation,
      organisationKind: input.organisationKind,
      contactEmail: input.contactEmail.trim().toLowerCase(),
      tokenHash: hashSurveyToken(token),
      invitedBy: ctx.actor.via === 'system' ? null : ctx.actor.userId,
    });
    const link = invitationLink(opts.publicUrl, row.id, token);
    await queueEmail(tx, {
      to: row.contactEmail,
      subject: `Inbjudan att svara på remiss: ${round.title} – svara senast ${round.closesOn}`,
      text:
        `Hej!\n\n${organisation} bjuds in att svara på den öppna nationella remissen "${round.title}" (${round.sender}).\n\n` +
        `Remissen är öppen ${round.opensOn}–${round.closesOn}. Svara via den personliga länken (inget konto behövs):\n${link}\n\n` +
        'Länken gäller bara er organisation och den här remissen. Dela den inte vidare.\n\n' +
        'Med vänlig hälsning\nNavet – kunskapsstyrningens register',
    });
    await recordAudit(tx, ctx, {
      entityType: 'consultation-invitation',
      entityId: row.id,
      action: 'create',
      after: { roundId, organisation, organisationKind: row.organisationKind, contactEmail: row.contactEmail },
    });
    return { invitation: row, link };
  });
}
