import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import * as repo from './repository.js';
import { ESCALATABLE } from './rules/lifecycle.js';
import { checkEscalation } from './rules/escalation.js';
import type { EscalationBody } from './schemas.js';
import { assertCanRead, assertMay } from './policy.js';

/**
 * Escalation from the tactical level (LPO ordförandeforum, LSG samordnarforum) to the
 * kunskapsråd: the case's forum becomes the council, recorded as a transition with the target
 * forum, who and why. The status does not change. A case the caller cannot read is 404.
 */
export async function escalateCase(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  input: Omit<Static<typeof EscalationBody>, 'version'>,
) {
  requireActor(ctx.actor);
  return db.transaction(async (tx) => {
    const before = await repo.lockCase(tx, id);
    if (!before) throw notFound('Ärendet');
    await assertCanRead(tx, ctx, before.region);
    const actor = await assertMay(tx, ctx, 'cases.handle', before.region);
    if (before.version !== version) throw staleVersion(before.version);
    await assertVisible(tx, ctx, { group: input.forumGroupId });
    if (!ESCALATABLE.includes(before.status)) {
      throw conflict('Ärendet är redan beslutat eller avslutat och kan inte lyftas.');
    }
    const from = before.forumGroupId ? await repo.getGroupRef(tx, before.forumGroupId) : undefined;
    const to = await repo.getGroupRef(tx, input.forumGroupId);
    const verdict = checkEscalation({
      caseRegion: before.region,
      from: from ?? null,
      to: to ?? null,
      reason: input.reason,
      bundled: !!before.mainCaseId,
    });
    if (!verdict.ok) throw unprocessable(verdict.message, [{ path: verdict.path, message: verdict.message }]);
    const after = await repo.setForum(tx, id, input.forumGroupId);
    await repo.insertTransition(tx, {
      caseId: id,
      from: before.status,
      to: before.status,
      kind: 'escalation',
      reason: input.reason.trim(),
      forumGroupId: input.forumGroupId,
      decisionRef: null,
      actorUserId: actor.via === 'system' ? null : actor.userId,
      actorLabel: actor.name,
    });
    await recordAudit(tx, ctx, {
      entityType: 'case',
      entityId: id,
      action: 'escalate',
      before: { forumGroupId: before.forumGroupId, version: before.version },
      after: {
        forumGroupId: input.forumGroupId,
        fromForum: from?.name ?? null,
        toForum: to!.name,
        reason: input.reason.trim(),
        version: after.version,
      },
    });
    return (await repo.getCaseDetail(tx, id))!;
  });
}
