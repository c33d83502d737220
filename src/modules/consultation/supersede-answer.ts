import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { checkVersion, loadAnswer, next, require } from './load-answer.js';
import * as repo from './repository.js';

/**
 * A decided answer is never edited: the forum that decided it (or the coordinator) supersedes
 * it with a reason. The old answer becomes "ersatt", and a new draft with the same case,
 * routing, sections and milestones takes its place.
 */
export async function supersedeAnswer(db: Db, ctx: Ctx, id: string, input: { reason: string; version: number }) {
  return db.transaction(async (tx) => {
    const l = await loadAnswer(tx, ctx, id, { forUpdate: true });
    require(l.access.decide || l.access.route, 'Bara det beslutande forumet eller samordnaren kan ersätta ett beslutat svar.');
    checkVersion(l.answer, input.version);
    const to = next(l.answer.status, 'supersede');
    const reason = input.reason.trim();
    await repo.updateAnswer(tx, id, l.answer.version, { status: to, superseded_reason: reason });
    const newId = await repo.insertAnswer(tx, {
      roundId: l.answer.round_id,
      region: l.answer.region_code,
      caseId: l.answer.case_id,
      status: 'utkast',
      beredningGroupId: l.answer.beredning_group_id,
      decisionGroupId: l.answer.decision_group_id,
      leadGroupId: l.answer.lead_group_id,
      supersedes: id,
      createdBy: ctx.actor?.via === 'system' ? null : (ctx.actor?.userId ?? null),
    });
    const lead = l.routed.find((g) => g.is_lead)?.group_id;
    if (lead)
      await repo.setRouting(
        tx,
        newId,
        l.routed.map((g) => g.group_id),
        lead,
      );
    for (const s of await repo.sectionsOf(tx, id)) await repo.insertSection(tx, newId, s.heading, s.body);
    const ms = await repo.milestonesOf(tx, [id]);
    await repo.setMilestones(
      tx,
      newId,
      ms.map((m) => ({ kind: m.kind, dueOn: m.due_on })),
    );
    await recordAudit(tx, ctx, {
      entityType: 'consultation-answer',
      entityId: id,
      action: 'supersede',
      before: { status: l.answer.status, decisionRef: l.answer.decision_ref },
      after: { status: to, reason, supersededBy: newId },
    });
    return newId;
  });
}
