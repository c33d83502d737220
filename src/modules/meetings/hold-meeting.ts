import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import './audit.js';
import * as repo from './repository.js';
import { meetingLifecycle } from './rules/lifecycle.js';
import type { VersionBody } from './schemas.js';
import { lockForKeeper, runMeetingTransition } from './transition.js';

/** Marks a meeting as held (genomfört); sending the minutes for justering does it too. */
export async function holdMeeting(db: Db, ctx: Ctx, id: string, input: Static<typeof VersionBody>) {
  return db.transaction(async (tx) => {
    await runMeetingTransition(tx, ctx, meetingLifecycle, {
      id,
      action: 'hold',
      version: input.version,
      ...lockForKeeper(ctx, id),
      apply: async (t, _row, to) => {
        await repo.updateMeetingRow(t, id, { status: to });
        return (await repo.getMeeting(t, id))!;
      },
    });
    return (await repo.getMeeting(tx, id))!;
  });
}
