import { clock } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { moveAnswer } from './answer-transition.js';

/** The beredningsforum has prepared the answer (with an optional note); it goes to the forum that decides. */
export async function prepareAnswer(db: Db, ctx: Ctx, id: string, input: { version: number; note?: string | undefined }) {
  const note = input.note?.trim() || null;
  return db.transaction((tx) =>
    moveAnswer(tx, ctx, id, 'prepare', {
      version: input.version,
      set: () => ({ preparedAt: clock.now(), preparationNote: note }),
      auditDetails: { note },
    }),
  );
}
