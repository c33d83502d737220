import { recordAudit } from '../../platform/audit/record.js';
import { todayInSweden } from '../../platform/clock.js';
import { requestScope } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, unprocessable, type FieldError } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import { authorizeInRegion } from './policy.js';
import * as mb from './repository/mailboxes.js';
import * as rounds from './rounds/repository.js';
import { isRoundCancelled } from './rules/round-lifecycle.js';

export interface ForwardInput {
  roundId: string;
  forwardedByEmail: string;
  forwardedTo: string;
  forwardedOn: string;
  note?: string | undefined;
}

/**
 * Seed 002: the contact persons "kan vidareförmedla länken för synpunktsinhämtningen enligt
 * lokala rutiner". A forwarding records which contact person passed which synpunktsinhämtning on,
 * to whom and when: the round must be a synpunktsinhämtning sent to the region (or its healthcare
 * region), the region must have its funktionsbrevlåda registered, the person must be one of its
 * contact persons, and the day must lie between the round's opening and today (and not after it closed).
 */
export async function recordForwarding(db: Db, ctx: Ctx, region: string, input: ForwardInput, opts: { today?: string } = {}) {
  return db.transaction(async (tx) => {
    const geo = await requestScope(ctx, tx).geography();
    if (!geo.regionHealthcareRegions.has(region)) throw notFound('Regionen');
    await authorizeInRegion(ctx, tx, 'consultations.register', region);
    await assertVisible(tx, ctx, { round: input.roundId });
    const today = opts.today ?? todayInSweden();
    const mailbox = await mb.getMailbox(tx, region);
    const round = await rounds.getRound(tx, input.roundId);
    if (!round) throw notFound('Remissomgången');
    const errors: FieldError[] = [];
    if (!mailbox) {
      errors.push({
        path: '/forwardedByEmail',
        message: 'Regionen har ingen funktionsbrevlåda med kontaktpersoner registrerad.',
      });
    }
    const contact = mailbox?.contacts.find((c) => c.email === input.forwardedByEmail.trim().toLowerCase());
    if (mailbox && !contact) {
      errors.push({
        path: '/forwardedByEmail',
        message: 'Bara regionens kontaktpersoner för funktionsbrevlådan vidareförmedlar.',
      });
    }
    if (round.track !== 'synpunktsinhamtning') {
      errors.push({ path: '/roundId', message: 'Bara en synpunktsinhämtning kommer via funktionsbrevlådan.' });
    } else if (isRoundCancelled(round.status)) {
      errors.push({ path: '/roundId', message: 'Omgången är avbruten.' });
    }
    const recipients = await rounds.recipientsOf(tx, [round.id]);
    const hrs = geo.regionHealthcareRegions.get(region) ?? [];
    const sentHere = recipients.some((r) => (r.type === 'region' ? r.id === region : hrs.includes(r.id)));
    if (!sentHere) errors.push({ path: '/roundId', message: 'Omgången skickades inte till regionen.' });
    if (input.forwardedOn < round.opensOn) {
      errors.push({ path: '/forwardedOn', message: `Synpunktsinhämtningen öppnade ${round.opensOn}.` });
    } else if (input.forwardedOn > round.closesOn) {
      errors.push({ path: '/forwardedOn', message: `Synpunktsinhämtningen stängde ${round.closesOn}.` });
    }
    if (input.forwardedOn > today) errors.push({ path: '/forwardedOn', message: 'Kan inte ligga i framtiden.' });
    const forwardedTo = input.forwardedTo.trim();
    if (!forwardedTo) errors.push({ path: '/forwardedTo', message: 'Ange till vem länken vidareförmedlades.' });
    if (errors.length) throw unprocessable('Vidareförmedlingen kunde inte registreras.', errors);
    const row = await mb.insertForwarding(tx, {
      roundId: round.id,
      region,
      forwardedByName: contact!.name,
      forwardedByEmail: contact!.email,
      forwardedTo,
      forwardedOn: input.forwardedOn,
      note: input.note?.trim() || null,
      recordedBy: ctx.actor && ctx.actor.via !== 'system' ? ctx.actor.userId : null,
    });
    await recordAudit(tx, ctx, {
      entityType: 'consultation-forwarding',
      entityId: row.id,
      action: 'create',
      after: {
        roundId: row.roundId,
        region,
        forwardedByEmail: row.forwardedByEmail,
        forwardedTo: row.forwardedTo,
        forwardedOn: row.forwardedOn,
        note: row.note,
      },
    });
    return row;
  });
}

export async function readForwardings(db: Db, ctx: Ctx, region: string, roundId: string | undefined) {
  const geo = await requestScope(ctx, db).geography();
  if (!geo.regionHealthcareRegions.has(region)) throw notFound('Regionen');
  await authorizeInRegion(ctx, db, 'consultations.read', region);
  return mb.forwardingsOf(db, region, roundId);
}
