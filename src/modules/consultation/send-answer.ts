import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { followAnswer } from '../cases/index.js';
import { moveAnswer } from './answer-transition.js';

/**
 * The coordinator or the lead marks a decided answer as sent (the date: not in the future, not
 * before the decision). Its case is then closed (avslutad), unless an action item is still open.
 */
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
      then: (q, l) => followAnswer(q, ctx, l.answer.caseId, 'sent', { answerId: id }),
      auditDetails: { sentOn: input.sentOn, note },
      ...opts,
    }),
  );
}
