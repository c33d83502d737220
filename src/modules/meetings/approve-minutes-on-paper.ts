import type { Static } from 'typebox';
import { clock } from '../../platform/clock.js';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { unprocessable } from '../../platform/errors.js';
import { isFinal } from '../../platform/lifecycle/index.js';
import { completeJustering } from './approve-minutes.js';
import './audit.js';
import { minutesFacts } from './minutes-facts.js';
import * as minutesRepo from './minutes-repository.js';
import * as repo from './repository.js';
import { minutesLifecycle } from './rules/lifecycle.js';
import type { PaperJusteringBody } from './schemas.js';
import { lockMinutesForKeeper, runMeetingTransition } from './transition.js';

/**
 * The secretary records a justering signed on paper by a named justerare (one without an
 * account, typically): the date signed is kept and shown on the minutes and in the protokoll.
 * The date is the meeting's day or later and not in the future. When it is the last justering,
 * the minutes are locked as when the last adjuster approves in Navet.
 */
export async function approveMinutesOnPaper(db: Db, ctx: Ctx, meetingId: string, input: Static<typeof PaperJusteringBody>) {
  requireActor(ctx.actor);
  const userId = ctx.actor.userId;
  return db.transaction(async (tx) => {
    const details: { personId?: string; personName?: string; signedOn?: string } = {};
    const {
      row: meeting,
      from,
      to,
    } = await runMeetingTransition(tx, ctx, minutesLifecycle, {
      id: meetingId,
      action: 'approve-on-paper',
      version: input.version,
      ...lockMinutesForKeeper(ctx, meetingId),
      facts: async (t, m) => {
        const { adjusters, ...facts } = await minutesFacts(t, m, input.personId);
        const adjuster = adjusters.find((a) => a.personId === input.personId);
        if (!adjuster)
          throw unprocessable('Personen är inte justerare för protokollet.', [
            { path: 'personId', message: 'inte utsedd justerare' },
          ]);
        if (input.signedOn < m.date || input.signedOn > clock.today())
          throw unprocessable(`Ange det datum justeraren skrev under: från mötesdagen ${m.date} till i dag.`, [
            { path: 'signedOn', message: `mellan ${m.date} och ${clock.today()}` },
          ]);
        Object.assign(details, { personId: adjuster.personId, personName: adjuster.name, signedOn: input.signedOn });
        return { ...facts, problems: [] };
      },
      auditDetails: details,
      apply: async (t, _m, next) => {
        await minutesRepo.approveOnPaper(t, meetingId, input.personId, input.signedOn, userId, clock.now());
        if (isFinal(minutesLifecycle, next))
          await repo.updateMeetingRow(t, meetingId, { minutesStatus: next, minutesLockedAt: clock.now() });
        else await repo.touchMeeting(t, meetingId);
        return (await repo.getMeeting(t, meetingId))!;
      },
    });
    return completeJustering(tx, ctx, meeting, from, to);
  });
}
