import { recordAudit } from '../../../platform/audit/record.js';
import { todayInSweden } from '../../../platform/clock.js';
import type { Ctx } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import { conflict, notFound, staleVersion, unprocessable } from '../../../platform/errors.js';
import { authorizeRounds } from '../policy.js';
import { isRoundCancelled } from '../rules/round-lifecycle.js';
import { checkStepEntry } from '../rules/tracks.js';
import * as repo from './repository.js';

export interface StepInput {
  dueOn: string | null;
  doneOn: string | null;
  note?: string | null | undefined;
  version: number;
}

/**
 * Enters a step's date (only where the track leaves it open: the seed gives no day for a
 * seminar, an approval or a final version) and the day it was done. Version 0 = first entry.
 */
export async function setRoundStep(
  db: Db,
  ctx: Ctx,
  roundId: string,
  step: string,
  input: StepInput,
  opts: { today?: string } = {},
) {
  return db.transaction(async (tx) => {
    authorizeRounds(ctx);
    const round = await repo.getRound(tx, roundId, { forUpdate: true });
    if (!round) throw notFound('Remissomgången');
    if (isRoundCancelled(round.status)) throw conflict('Omgången är avbruten och kan inte ändras.');
    const entry = { dueOn: input.dueOn, doneOn: input.doneOn, note: input.note?.trim() || null };
    const errors = checkStepEntry(round.track, step, entry, opts.today ?? todayInSweden());
    if (!errors) throw notFound('Steget');
    if (errors.length) throw unprocessable('Steget kunde inte sparas.', errors);
    const before = (await repo.stepsOf(tx, [roundId])).find((s) => s.step === step);
    if ((before?.version ?? 0) !== input.version) throw staleVersion(before?.version ?? 0);
    const after = await repo.saveStep(
      tx,
      roundId,
      step,
      entry,
      input.version,
      ctx.actor.via === 'system' ? null : ctx.actor.userId,
    );
    if (!after) throw staleVersion((before?.version ?? 0) + 1);
    await repo.touchRound(tx, roundId);
    const core = (s: repo.StepRow) => ({ step: s.step, dueOn: s.dueOn, doneOn: s.doneOn, note: s.note, version: s.version });
    await recordAudit(tx, ctx, {
      entityType: 'consultation-round',
      entityId: roundId,
      action: 'set-step',
      before: before ? core(before) : null,
      after: core(after),
    });
    return after;
  });
}
