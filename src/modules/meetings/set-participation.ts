import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, unprocessable } from '../../platform/errors.js';
import { assertMinutesOpen } from './assert-open.js';
import './audit.js';
import * as minutesRepo from './minutes-repository.js';
import { loadParagraph } from './policy.js';
import * as repo from './repository.js';
import { matchingRestrictions } from './rules/meeting.js';
import type { ParticipationBody } from './schemas.js';

/**
 * Records whether a person takes part in a paragraph's decision. Marking someone with a
 * relevant restriction as taking part needs an override reason, audited as such.
 */
export async function setParticipation(db: Db, ctx: Ctx, id: string, personId: string, input: Static<typeof ParticipationBody>) {
  return db.transaction(async (tx) => {
    const { paragraph: p, meeting } = await loadParagraph(tx, ctx, id, 'manage');
    assertMinutesOpen(meeting);
    const [person] = await repo.personsByIds(tx, [personId]);
    if (!person) throw notFound('Personen');
    const hits = matchingRestrictions((await repo.restrictionsOf(tx, [personId])).get(personId) ?? [], {
      programAreaIds: p.programAreaIds,
      knowledgeSupports: p.knowledgeSupports,
    });
    const note = hits.map((h) => h.note).join('; ') || null;
    const reason = input.overrideReason?.trim() || null;
    if (input.takesPart && hits.length && !reason) {
      throw unprocessable(
        `${person.name} har en jävsbegränsning som gäller paragrafen (${note}). Ange skälet om hen ändå ska delta.`,
        [{ path: 'overrideReason', message: 'krävs för att delta trots jävsbegränsning' }],
      );
    }
    const override = input.takesPart && hits.length > 0;
    await minutesRepo.setParticipation(tx, {
      paragraphId: id,
      personId,
      takesPart: input.takesPart,
      restrictionNote: note ?? (input.takesPart ? null : 'Anmält jäv'),
      overrideReason: override ? reason : input.takesPart ? null : reason,
    });
    await repo.touchMeeting(tx, meeting.id);
    await recordAudit(tx, ctx, {
      entityType: 'minutes-paragraph',
      entityId: id,
      action: override ? 'jav-override' : 'participation',
      after: { personId, takesPart: input.takesPart, restriction: note, overrideReason: reason },
    });
  });
}
