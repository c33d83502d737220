import { recordAudit } from '../../../platform/audit/record.js';
import { authorize } from '../../../platform/auth/policy.js';
import { todayInSweden } from '../../../platform/clock.js';
import type { Ctx } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import { conflict, notFound, staleVersion, unprocessable } from '../../../platform/errors.js';
import * as kRepo from '../../knowledge/repository.js';
import { applyVersionTransition } from '../../knowledge/transition.js';
import { checkRoundDates, isCalendarWindow } from '../../knowledge/rules/track.js';
import type { RoundTrack } from '../../knowledge/rules/vocabulary.js';
import { checkRecipients, type RecipientInput } from './create-round.js';
import { roundCore } from './presenter.js';
import * as repo from './repository.js';

export interface RoundPatch {
  title?: string | undefined;
  sender?: string | undefined;
  track?: RoundTrack | undefined;
  opensOn?: string | undefined;
  closesOn?: string | undefined;
  datesOverride?: boolean | undefined;
  overrideReason?: string | null | undefined;
  recipients?: RecipientInput[] | undefined;
}

/** Edits a round; moving it off its proposal or off the calendar needs a reason (audited as an override). */
export async function updateRound(db: Db, ctx: Ctx, id: string, version: number, patch: RoundPatch) {
  return db.transaction(async (tx) => {
    authorize(ctx.actor, 'rounds.create');
    const before = await repo.getRound(tx, id, { forUpdate: true });
    if (!before) throw notFound('Remissomgången');
    if (before.version !== version) throw staleVersion(before.version);
    if (before.status === 'avbruten') throw conflict('Omgången är avbruten och kan inte ändras.');
    const track = patch.track ?? before.track;
    const opensOn = patch.opensOn ?? before.opens_on;
    const closesOn = patch.closesOn ?? before.closes_on;
    const reason = patch.overrideReason !== undefined ? patch.overrideReason?.trim() || null : before.override_reason;
    const datesChanged = opensOn !== before.opens_on || closesOn !== before.closes_on || track !== before.track;
    const errors = datesChanged
      ? checkRoundDates(track, opensOn, closesOn, { datesOverride: patch.datesOverride ?? before.dates_overridden, reason })
      : [];
    const trackOverridden = track !== before.proposed_track;
    if (trackOverridden && !reason) {
      errors.push({ path: '/overrideReason', message: 'Ange skäl för att välja ett annat spår än det föreslagna.' });
    }
    if (errors.length) throw unprocessable('Omgången kunde inte ändras.', errors);
    const datesOverridden = !isCalendarWindow(track, opensOn, closesOn);
    if (datesChanged && (await repo.overlappingRounds(tx, before.support_version_id, track, opensOn, closesOn, id)).length > 0) {
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
        before: { track: before.track, opensOn: before.opens_on, closesOn: before.closes_on },
        after: { track, opensOn, closesOn, reason },
      });
    }
    return after;
  });
}

/**
 * Cancels a round (with a reason). The version goes back to under framtagande when no other
 * active round consults it.
 */
export async function cancelRound(db: Db, ctx: Ctx, id: string, version: number, input: { reason: string }) {
  return db.transaction(async (tx) => {
    authorize(ctx.actor, 'rounds.create');
    const before = await repo.getRound(tx, id, { forUpdate: true });
    if (!before) throw notFound('Remissomgången');
    if (before.version !== version) throw staleVersion(before.version);
    if (before.status === 'avbruten') throw conflict('Omgången är redan avbruten.');
    const reason = input.reason.trim();
    if (!reason) throw unprocessable('Ange skäl.', [{ path: '/reason', message: 'Ange varför omgången avbryts.' }]);
    if (!(await repo.cancelRoundRow(tx, id, version, reason))) throw staleVersion(before.version);
    const after = (await repo.getRound(tx, id))!;
    await recordAudit(tx, ctx, {
      entityType: 'consultation-round',
      entityId: id,
      action: 'cancel',
      before: roundCore(before),
      after: roundCore(after),
    });
    const others = (
      await repo.listRounds(tx, { supportVersionId: before.support_version_id, phase: 'aktuell', today: '0001-01-01', limit: 10 })
    ).filter((r) => r.id !== id);
    const v = await kRepo.getVersion(tx, before.support_version_id, { forUpdate: true });
    if (v && v.status === 'pa-remiss' && others.length === 0) {
      await applyVersionTransition(tx, ctx, v, 'under-framtagande', todayInSweden());
    }
    return after;
  });
}
