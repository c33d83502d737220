import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { allowedActions } from '../../platform/lifecycle/index.js';
import './audit.js';
import * as repo from './repository.js';
import { caseLifecycle, type CaseAction, type CaseFacts } from './rules/lifecycle.js';
import { runCaseAction } from './transition-case.js';

/** The steps of a region's consultation answer that carry its case along. */
export type AnswerStep = 'routed' | 'decided' | 'sent';

const FOLLOW: Record<AnswerStep, { action: CaseAction; reason: (ref: string | null) => string }> = {
  // Routing the answer is its triage: the case leaves the beredningsforum's queue.
  routed: { action: 'prepare', reason: () => 'Remissvaret är fördelat för beredning.' },
  decided: { action: 'follow-answer', reason: (ref) => `Remissvaret är beslutat${ref ? ` (${ref})` : ''}.` },
  // Sent to the national body: the matter is done, unless an action item is still open.
  sent: { action: 'close', reason: () => 'Remissvaret är skickat.' },
};

/**
 * A region's consultation answer carries the case registered with it along the case lifecycle,
 * inside the answer's transaction: routed → under beredning (out of the triage queue), decided →
 * beslutad with the answer's decision reference and forum, sent → avslutad. Each is a declared
 * action of rules/lifecycle.ts, written to the case's history and audit trail like any move, by
 * the person who took the answer's step (the consultation policy has authorized it). A case a
 * person has already moved past the step, or one an open action item holds, is left as it is.
 */
export async function followAnswer(
  tx: Queryable,
  ctx: Ctx,
  caseId: string,
  step: AnswerStep,
  o: { answerId: string; forumGroupId?: string | null; decisionRef?: string | null },
): Promise<void> {
  const row = await repo.lockCase(tx, caseId);
  if (!row) return;
  const facts: CaseFacts = { openActions: await repo.countOpenActions(tx, caseId), bundledInto: row.mainCaseId };
  const { action, reason } = FOLLOW[step];
  if (!allowedActions(caseLifecycle, row.status, facts).includes(action)) return;
  const decided = step === 'decided';
  await runCaseAction(tx, ctx, row, action, facts, {
    reason: reason(o.decisionRef ?? null),
    forumGroupId: decided ? (o.forumGroupId ?? undefined) : undefined,
    decisionRef: decided ? (o.decisionRef ?? undefined) : undefined,
    kind: 'transition',
    auditDetails: { consultationAnswerId: o.answerId, answerStep: step },
  });
}
