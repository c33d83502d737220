import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { moveAnswer } from './answer-transition.js';

/** The preparing or deciding forum returns a prepared answer to draft, with a reason (kept as the preparation note). */
export async function returnAnswer(db: Db, ctx: Ctx, id: string, input: { version: number; note: string }) {
  return db.transaction((tx) =>
    moveAnswer(tx, ctx, id, 'return', {
      version: input.version,
      reason: input.note,
      set: (_to, reason) => ({ preparationNote: reason }),
    }),
  );
}
