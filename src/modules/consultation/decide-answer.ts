import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { moveAnswer } from './answer-transition.js';

/**
 * How a region's consultation answer is decided: the forum that owns the decision (the
 * answer's decision group) decides a prepared answer, naming its decision reference and the
 * date (not in the future). The lifecycle (rules/answer-lifecycle.ts) says from where; the
 * policy (policy.ts) says who. A decided answer is never edited again, only superseded.
 */
export async function decideAnswer(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { version: number; decisionRef: string; decidedOn: string },
  opts: { today?: string } = {},
) {
  const decisionRef = input.decisionRef.trim();
  return db.transaction((tx) =>
    moveAnswer(tx, ctx, id, 'decide', {
      version: input.version,
      input: { decidedOn: input.decidedOn },
      set: () => ({ decisionRef: decisionRef, decidedOn: input.decidedOn }),
      auditDetails: { decisionRef, decidedOn: input.decidedOn },
      ...opts,
    }),
  );
}
