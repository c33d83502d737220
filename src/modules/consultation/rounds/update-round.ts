import { recordAudit } from '../../../platform/audit/record.js';
import type { Ctx } from '../../../platform/context.js';
import type { Db, Queryable } from '../../../platform/db/index.js';
import { conflict, notFound, staleVersion, unprocessable } from '../../../platform/errors.js';
import { checkRoundDates, isCalendarWindow, onWorkingDays } from '../../knowledge/index.js';
import type { Static } from 'typebox';
import { authorizeRounds } from '../policy.js';
import { isRoundCancelled } from '../rules/round-lifecycle.js';
import { isCalendarTrack, type AnyTrack } from '../../../shared/round-vocabulary.js';
import { checkRecipients } from './create-round.js';
import { roundCore } from './presenter.js';
import * as repo from './repository.js';
import type { UpdateRoundBody } from './schemas.js';

export type RoundPatch = Omit<Static<typeof UpdateRoundBody>, 'version'>;

/** Edits a round; moving it off its proposal or off the calendar needs a reason (audited as an override). */
export async function updateRound(db: Db, ctx: Ctx, id: string, version: number, patch: RoundPatch) {
  return db.transaction(async (tx) => {
    authorizeRounds(ctx);
    const before = await repo.getRound(tx, id, { forUpdate: true });
    if (!before) throw notFound('Remissomgången');
    if (before.version !== version) throw staleVersion(before.version);
    if (isRoundCancelled(before.status)) throw conflict('Omgången är avbruten och kan inte ändras.');
    const track = patch.track ?? before.track;
    if (isCalendarTrack(track) !== isCalendarTrack(before.track)) {
      throw unprocessable('Omgången kunde inte ändras.', [
        {
          path: '/track',
          message: 'SKR:s spår och de andra remissprocesserna har olika steg och datum: registrera en ny omgång i stället.',
        },
      ]);
    }
    if (!isCalendarTrack(track)) return updateOwnDateRound(tx, ctx, before, version, { ...patch, track });
    // A date that is no working day is moved by the calendar's rule (as when registering), never refused.
    const { opens: opensOn, closes: closesOn } = onWorkingDays(
      patch.opensOn ?? before.opensOn,
      patch.closesOn ?? before.closesOn,
    );
    const reason = patch.overrideReason !== undefined ? patch.overrideReason?.trim() || null : before.overrideReason;
    const datesChanged = opensOn !== before.opensOn || closesOn !== before.closesOn || track !== before.track;
    const errors =
      datesChanged && isCalendarTrack(track) && isCalendarTrack(before.proposedTrack)
        ? checkRoundDates(track, opensOn, closesOn, { datesOverride: patch.datesOverride ?? before.datesOverridden, reason })
        : [];
    const trackOverridden = track !== before.proposedTrack;
    if (trackOverridden && !reason) {
      errors.push({ path: '/overrideReason', message: 'Ange skäl för att välja ett annat spår än det föreslagna.' });
    }
    if (errors.length) throw unprocessable('Omgången kunde inte ändras.', errors);
    const datesOverridden = !isCalendarWindow(track, opensOn, closesOn);
    if (datesChanged && (await repo.overlappingRounds(tx, before.supportVersionId, track, opensOn, closesOn, id)).length > 0) {
      throw conflict('Versionen har redan en omgång på samma spår under den perioden.');
    }
    const write = {
      track,
      opensOn,
      closesOn,
      title: patch.title?.trim() || before.title,
      sender: patch.sender?.trim() || before.sender,
      trackOverridden,
      datesOverridden,
      overrideReason: trackOverridden || datesOverridden ? reason : null,
    };
    if (!(await repo.updateRoundRow(tx, id, version, write))) throw staleVersion(before.version);
    if (patch.recipients) await repo.setRecipients(tx, id, await checkRecipients(tx, patch.recipients));
    const after = (await repo.getRound(tx, id))!;
    await recordAudit(tx, ctx, {
      entityType: 'consultation-round',
      entityId: id,
      action: 'update',
      before: roundCore(before),
      after: roundCore(after),
    });
    if (datesChanged && (trackOverridden || datesOverridden)) {
      await recordAudit(tx, ctx, {
        entityType: 'consultation-round',
        entityId: id,
        action: 'override',
        before: { track: before.track, opensOn: before.opensOn, closesOn: before.closesOn },
        after: { track, opensOn, closesOn, reason },
      });
    }
    return after;
  });
}

/**
 * A round on a track of its own (no national calendar): the dates are the ones a person enters,
 * with no proposal to depart from, so there is no override and no reason to give.
 */
async function updateOwnDateRound(
  tx: Queryable,
  ctx: Ctx,
  before: repo.RoundRow,
  version: number,
  patch: Omit<RoundPatch, 'track'> & { track: AnyTrack },
) {
  const opensOn = patch.opensOn ?? before.opensOn;
  const closesOn = patch.closesOn ?? before.closesOn;
  if (closesOn <= opensOn) {
    throw unprocessable('Omgången kunde inte ändras.', [
      { path: '/closesOn', message: 'Sista svarsdag måste vara efter startdagen.' },
    ]);
  }
  const changed = opensOn !== before.opensOn || closesOn !== before.closesOn || patch.track !== before.track;
  if (
    changed &&
    (await repo.overlappingRounds(tx, before.supportVersionId, patch.track, opensOn, closesOn, before.id)).length > 0
  ) {
    throw conflict('Versionen har redan en omgång på samma spår under den perioden.');
  }
  const write = {
    track: patch.track,
    opensOn,
    closesOn,
    title: patch.title?.trim() || before.title,
    sender: patch.sender?.trim() || before.sender,
    trackOverridden: false,
    datesOverridden: false,
    overrideReason: null,
  };
  if (!(await repo.updateRoundRow(tx, before.id, version, write))) throw staleVersion(before.version);
  if (patch.recipients) await repo.setRecipients(tx, before.id, await checkRecipients(tx, patch.recipients));
  const after = (await repo.getRound(tx, before.id))!;
  await recordAudit(tx, ctx, {
    entityType: 'consultation-round',
    entityId: before.id,
    action: 'update',
    before: roundCore(before),
    after: roundCore(after),
  });
  return after;
}
