import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { moveJoint } from './joint-transition.js';

/** The coordinating group or the management group marks the approved joint answer as sent. */
export async function sendJointAnswer(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { sentOn: string; version: number },
  opts: { today?: string } = {},
) {
  return db.transaction((tx) =>
    moveJoint(tx, ctx, id, 'send', {
      version: input.version,
      date: { path: 'sentOn', value: input.sentOn },
      set: { sentOn: input.sentOn },
      auditDetails: { sentOn: input.sentOn },
      today: opts.today,
    }),
  );
}
