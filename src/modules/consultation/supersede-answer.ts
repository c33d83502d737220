import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { moveAnswer } from './answer-transition.js';
import * as repo from './repository.js';

/**
 * A decided answer is never edited: the forum that decided it (or the coordinator) supersedes
 * it with a reason. The old answer becomes "ersatt", and a new draft with the same case,
 * routing, sections and milestones takes its place.
 */
export async function supersedeAnswer(db: Db, ctx: Ctx, id: string, input: { reason: string; version: number }) {
  return db.transaction(async (tx) => {
    let newId = '';
    await moveAnswer(tx, ctx, id, 'supersede', {
      version: input.version,
      reason: input.reason,
      set: (_to, reason) => ({ supersededReason: reason }),
      then: async (q, l) => {
        newId = await repo.insertAnswer(q, {
          roundId: l.answer.roundId,
          region: l.answer.region,
          caseId: l.answer.caseId,
          status: 'utkast',
          beredningGroupId: l.answer.beredningGroupId,
          decisionGroupId: l.answer.decisionGroupId,
          leadGroupId: l.answer.leadGroupId,
          supersedes: id,
          // The same matter in the region's diarium: the successor keeps the official number.
          diarienummer: l.answer.diarienummer,
          createdBy: ctx.actor?.via === 'system' ? null : (ctx.actor?.userId ?? null),
        });
        const lead = l.routed.find((g) => g.lead)?.id;
        if (lead)
          await repo.setRouting(
            q,
            newId,
            l.routed.map((g) => g.id),
            lead,
          );
        for (const s of await repo.sectionsOf(q, id)) await repo.insertSection(q, newId, s.heading, s.body);
        const ms = await repo.milestonesOf(q, [id]);
        await repo.setMilestones(
          q,
          newId,
          ms.map((m) => ({ kind: m.kind, dueOn: m.dueOn })),
        );
      },
    });
    return newId;
  });
}
