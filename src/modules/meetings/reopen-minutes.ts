import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import './audit.js';
import * as minutesRepo from './minutes-repository.js';
import * as repo from './repository.js';
import { minutesLifecycle } from './rules/lifecycle.js';
import type { VersionBody } from './schemas.js';
import { lockMinutesForKeeper, runMeetingTransition } from './transition.js';

/** Takes the minutes back to draft before everyone has approved; approvals given are cleared. */
export async function reopenMinutes(db: Db, ctx: Ctx, meetingId: string, input: Static<typeof VersionBody>) {
  return db.transaction(async (tx) => {
    await runMeetingTransition(tx, ctx, minutesLifecycle, {
      id: meetingId,
      action: 'reopen',
      version: input.version,
      ...lockMinutesForKeeper(ctx, meetingId),
      apply: async (t, _m, to) => {
        await minutesRepo.clearApprovals(t, meetingId);
        await repo.updateMeetingRow(t, meetingId, { minutesStatus: to });
        return (await repo.getMeeting(t, meetingId))!;
      },
    });
    return (await repo.getMeeting(tx, meetingId))!;
  });
}
