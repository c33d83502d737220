import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { moveAnswer } from './answer-transition.js';

/** The coordinator or the lead marks a decided answer as sent (the date: not in the future, not before the decision). */
export async function sendAnswer(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { version: number; sentOn: string; note?: string | undefined },
  opts: { today?: string } = {},
) {
  const note = input.note?.trim() || null;
  return db.transaction((tx) =>
    moveAnswer(tx, ctx, id, 'send', {
      version: input.version,
      input: { sentOn: input.sentOn },
      set: () => ({ sentOn: input.sentOn, sentNote: note }),
      auditDetails: { sentOn: input.sentOn, note },
      ...opts,
    }),
  );
}
