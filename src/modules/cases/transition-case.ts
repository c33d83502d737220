import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { conflict, notFound, unprocessable } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import * as repo from './repository.js';
import { checkTransition, isCaseStatus, type CaseStatus } from './rules/lifecycle.js';
import { caseScope } from './scope.js';

export type { CaseStatus } from './rules/lifecycle.js';

export interface TransitionOptions {
  reason?: string;
  /** The forum that decides (e.g. when put forward "för beslut", or the forum that decided). */
  forumGroupId?: string;
  /** Where the decision is written, e.g. a minutes paragraph "KR 2027 § 14". */
  decisionRef?: string;
}

/**
 * Moves a case to another status, inside the caller's transaction: checks the state machine
 * (422 for a transition that is not allowed, 409 when the case is already there or closed),
 * locks the case row so concurrent transitions queue, writes the history row and the audit
 * event. When a main case is decided, the cases bundled into it follow its decision.
 *
 * Used by the HTTP routes and by the meetings module when minutes are approved.
 */
export async function transitionCase(
  tx: Queryable,
  ctx: Ctx,
  caseId: string,
  to: CaseStatus,
  opts: TransitionOptions = {},
): Promise<void> {
  await transition(tx, ctx, caseId, to, opts, false);
}

/**
 * Takes back "för beslut" when the case is taken off the agenda that put it forward: the case
 * returns to the status it had before (under beredning, återremitterad or bordlagd). Written to
 * the history and the audit trail like any transition. Inside the caller's transaction.
 */
export async function withdrawFromAgenda(
  tx: Queryable,
  ctx: Ctx,
  caseId: string,
  to: CaseStatus,
  opts: { reason: string; forumGroupId?: string },
): Promise<void> {
  await transition(tx, ctx, caseId, to, opts, false, true);
}

async function transition(
  tx: Queryable,
  ctx: Ctx,
  caseId: string,
  to: CaseStatus,
  opts: TransitionOptions,
  followingMain: boolean,
  withdrawal = false,
): Promise<void> {
  if (!isCaseStatus(to)) throw unprocessable(`Okänd status ${String(to)}.`, [{ path: 'to', message: 'okänd status' }]);
  const before = await repo.lockCase(tx, caseId);
  if (!before) throw notFound('Ärendet');
  authorize(ctx.actor, 'cases.handle', await caseScope(tx, before.region_code));
  await assertVisible(tx, ctx, { group: opts.forumGroupId });
  const from = before.status as CaseStatus;
  const reason = opts.reason?.trim() || undefined;
  const verdict = checkTransition({
    from,
    to,
    reason,
    openActions: to === 'avslutad' ? await repo.countOpenActions(tx, caseId) : 0,
    bundledInto: before.main_case_id,
    followingMain,
    withdrawal,
  });
  if (!verdict.ok) {
    if (verdict.kind === 'conflict') throw conflict(verdict.message);
    throw unprocessable(verdict.message, [{ path: verdict.path, message: verdict.message }]);
  }
  if (opts.forumGroupId) {
    const forum = await repo.getGroupRef(tx, opts.forumGroupId);
    if (!forum || forum.owner !== before.region_code || !DECISION_KINDS.includes(forum.kind)) {
      throw unprocessable('Forumet finns inte eller är inte ett beslutande forum i ärendets region.', [
        { path: 'forumGroupId', message: 'inget forum i regionen' },
      ]);
    }
  }
  const after = await repo.setStatus(tx, caseId, to, { forumGroupId: opts.forumGroupId, decisionRef: opts.decisionRef?.trim() });
  const actor = ctx.actor;
  await repo.insertTransition(tx, {
    caseId,
    from,
    to,
    kind: 'transition',
    reason: reason ?? null,
    forumGroupId: opts.forumGroupId ?? null,
    decisionRef: opts.decisionRef?.trim() || null,
    actorUserId: actor.via === 'system' ? null : actor.userId,
    actorLabel: actor.name,
  });
  await recordAudit(tx, ctx, {
    entityType: 'case',
    entityId: caseId,
    action: 'transition',
    before: { status: from, version: before.version },
    after: {
      status: to,
      version: after.version,
      reason: reason ?? null,
      forumGroupId: opts.forumGroupId ?? null,
      decisionRef: opts.decisionRef ?? null,
      ...(followingMain ? { followsMainCaseId: before.main_case_id } : {}),
      ...(withdrawal ? { withdrawnFromAgenda: true } : {}),
    },
  });
  // Paketering: the bundled cases follow the main case's decision.
  if (to === 'beslutad' && !followingMain) {
    for (const b of await repo.bundledCases(tx, caseId)) {
      if (b.status === 'beslutad' || b.status === 'avslutad' || b.status === 'under-genomforande') continue;
      await repo.insertTransition(tx, {
        caseId: b.id,
        from: b.status,
        to: 'beslutad',
        kind: 'bundle',
        reason: `Följer beslutet i huvudärendet ${before.case_number}.`,
        forumGroupId: opts.forumGroupId ?? null,
        decisionRef: opts.decisionRef?.trim() || null,
        actorUserId: actor.via === 'system' ? null : actor.userId,
        actorLabel: actor.name,
      });
      const followed = await repo.setStatus(tx, b.id, 'beslutad', {
        forumGroupId: opts.forumGroupId ?? after.forum_group_id ?? undefined,
        decisionRef: opts.decisionRef?.trim() || after.decision_ref || undefined,
      });
      await recordAudit(tx, ctx, {
        entityType: 'case',
        entityId: b.id,
        action: 'transition',
        before: { status: b.status, version: b.version },
        after: { status: 'beslutad', version: followed.version, followsMainCaseId: caseId },
      });
    }
  }
}

/** Group kinds that can own a decision on a case. */
export const DECISION_KINDS: readonly string[] = ['forum', 'council', 'steering-group', 'political-body'];
