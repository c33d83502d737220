import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { conflict, notFound, unprocessable } from '../../platform/errors.js';
import { allowedActions, runTransition } from '../../platform/lifecycle/index.js';
import { assertVisible } from '../visible.js';
import './audit.js';
import { assertMay } from './policy.js';
import * as repo from './repository.js';
import { isDecisionForum } from './rules/groups.js';
import {
  caseLifecycle,
  isCaseStatus,
  transitionAction,
  type CaseAction,
  type CaseFacts,
  type CaseStatus,
} from './rules/lifecycle.js';

export type { CaseStatus } from './rules/lifecycle.js';

export interface TransitionOptions {
  reason?: string;
  /** The forum that decides (e.g. when put forward "för beslut", or the forum that decided). */
  forumGroupId?: string;
  /** Where the decision is written, e.g. a minutes paragraph "KR 2027 § 14". */
  decisionRef?: string;
}

/**
 * Moves a case to another status, inside the caller's transaction. The target status names the
 * action of the declaration (rules/lifecycle.ts: 422 for a move that is not allowed, 409 when the
 * case is already there or closed); runTransition locks, checks the guards, writes the status,
 * the audit event, and here the history row. When a main case is decided, the cases bundled into
 * it follow its decision (the declared system action `follow-main`).
 *
 * Used by the HTTP routes and by the meetings module (agenda, approved minutes).
 */
export async function transitionCase(
  tx: Queryable,
  ctx: Ctx,
  caseId: string,
  to: CaseStatus,
  opts: TransitionOptions = {},
): Promise<void> {
  await move(tx, ctx, caseId, to, opts, false);
}

/**
 * Takes back "för beslut" when the case is taken off the agenda that put it forward: the case
 * returns to the status it had before (under beredning, återremitterad or bordlagd), the declared
 * system action `withdraw`. Written to the history and the audit trail like any transition.
 * Inside the caller's transaction.
 */
export async function withdrawFromAgenda(
  tx: Queryable,
  ctx: Ctx,
  caseId: string,
  to: CaseStatus,
  opts: { reason: string; forumGroupId?: string },
): Promise<void> {
  await move(tx, ctx, caseId, to, opts, true);
}

async function move(
  tx: Queryable,
  ctx: Ctx,
  caseId: string,
  to: CaseStatus,
  opts: TransitionOptions,
  withdrawal: boolean,
): Promise<void> {
  if (!isCaseStatus(to)) throw unprocessable(`Okänd status ${String(to)}.`, [{ path: 'to', message: 'okänd status' }]);
  const row = await repo.lockCase(tx, caseId);
  if (!row) throw notFound('Ärendet');
  await assertMay(tx, ctx, 'cases.handle', row.region);
  await assertVisible(tx, ctx, { group: opts.forumGroupId });
  const reason = opts.reason?.trim() || undefined;
  const facts: CaseFacts = {
    openActions: await repo.countOpenActions(tx, caseId),
    bundledInto: row.mainCaseId,
    withdrawTo: withdrawal ? to : null,
  };
  // The HTTP body and the meetings module name the target status: which declared action is it?
  const verdict = transitionAction({ from: row.status, to, reason, ...facts, withdrawal });
  if (!verdict.ok) {
    if (verdict.kind === 'conflict') throw conflict(verdict.message);
    throw unprocessable(verdict.message, [{ path: verdict.path, message: verdict.message }]);
  }
  if (opts.forumGroupId) {
    const forum = await repo.getGroupRef(tx, opts.forumGroupId);
    if (!isDecisionForum(forum, row.region, { anyStatus: true })) {
      throw unprocessable('Forumet finns inte eller är inte ett beslutande forum i ärendets region.', [
        { path: 'forumGroupId', message: 'inget forum i regionen' },
      ]);
    }
  }
  const decisionRef = opts.decisionRef?.trim() || undefined;
  const after = await runCaseAction(tx, ctx, row, verdict.action, facts, {
    reason: reason ?? null,
    forumGroupId: opts.forumGroupId,
    decisionRef,
    kind: 'transition',
    auditDetails: {
      forumGroupId: opts.forumGroupId ?? null,
      decisionRef: opts.decisionRef ?? null,
      ...(withdrawal ? { withdrawnFromAgenda: true } : {}),
    },
  });
  // Paketering: the bundled cases follow the main case's decision, each a declared move of its own.
  if (verdict.action === 'decide') {
    for (const b of await repo.bundledCases(tx, caseId)) {
      const bFacts: CaseFacts = { openActions: 0, bundledInto: b.mainCaseId };
      if (!allowedActions(caseLifecycle, b.status, bFacts).includes('follow-main')) continue;
      await runCaseAction(tx, ctx, b, 'follow-main', bFacts, {
        reason: `Följer beslutet i huvudärendet ${row.caseNumber}.`,
        forumGroupId: opts.forumGroupId ?? after.forumGroupId ?? undefined,
        decisionRef: decisionRef || after.decisionRef || undefined,
        historyForum: opts.forumGroupId ?? null,
        historyRef: decisionRef ?? null,
        kind: 'bundle',
        auditDetails: { followsMainCaseId: caseId },
      });
    }
  }
}

export interface Move {
  reason: string | null;
  forumGroupId: string | undefined;
  decisionRef: string | undefined;
  /** What the history row says about the forum and decision (a follower's row names the main case's). */
  historyForum?: string | null;
  historyRef?: string | null;
  kind: 'transition' | 'bundle';
  auditDetails: Record<string, unknown>;
}

/**
 * One declared move of one case, locked and authorized by the caller: runTransition with the
 * case's update and its history row (follow-answer.ts uses it for the consultation's steps).
 */
export async function runCaseAction(
  tx: Queryable,
  ctx: Ctx,
  row: repo.CaseFlowRow,
  action: CaseAction,
  facts: CaseFacts,
  m: Move,
) {
  let updated: repo.CaseFlowRow | undefined;
  await runTransition(tx, ctx, caseLifecycle, {
    id: row.id,
    action,
    reason: m.reason,
    // Locked and authorized by the caller above (the main case's decision carries its followers).
    lock: () => Promise.resolve(row),
    authorize: () => undefined,
    facts: () => Promise.resolve(facts),
    apply: async (t, r, to, reason) => {
      updated = await repo.setStatus(t, r.id, to, { forumGroupId: m.forumGroupId, decisionRef: m.decisionRef });
      const actor = ctx.actor;
      await repo.insertTransition(t, {
        caseId: r.id,
        from: r.status,
        to,
        kind: m.kind,
        reason,
        forumGroupId: m.historyForum !== undefined ? m.historyForum : (m.forumGroupId ?? null),
        decisionRef: m.historyRef !== undefined ? m.historyRef : (m.decisionRef ?? null),
        actorUserId: !actor || actor.via === 'system' ? null : actor.userId,
        actorLabel: actor?.name ?? 'Navet',
      });
      return { version: updated.version };
    },
    auditDetails: m.auditDetails,
  });
  return updated!;
}
