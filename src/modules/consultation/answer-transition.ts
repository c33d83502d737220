import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { runTransition } from '../../platform/lifecycle/index.js';
import { loadAnswer, type Loaded } from './load-answer.js';
import { requireAnswerStep } from './policy.js';
import * as repo from './repository.js';
import { answerLifecycle, type AnswerAction, type AnswerFacts, type AnswerStatus } from './rules/answer-lifecycle.js';

/** The facts the answer's guards read (the request's dates aside). */
export async function answerFacts(db: Queryable, a: repo.AnswerRow, today: string): Promise<AnswerFacts> {
  return {
    today,
    hasBeredningGroup: a.beredningGroupId !== null,
    hasDecisionGroup: a.decisionGroupId !== null,
    hasSurvey: (await repo.surveyOfAnswer(db, a.id)) !== undefined,
    decidedOn: a.decidedOn,
  };
}

export interface AnswerMove {
  version: number;
  reason?: string | null;
  /** The dates the request names, for the guards. */
  input?: AnswerFacts['input'];
  /** Columns written with the new status. */
  set?: (to: AnswerStatus, reason: string | null, l: Loaded) => repo.AnswerSet;
  /** What else the step does in the same transaction, after the answer is written. */
  then?: (tx: Queryable, l: Loaded, to: AnswerStatus) => Promise<void>;
  auditDetails?: Record<string, unknown>;
  today?: string;
}

/**
 * One step of a region's answer, through the lifecycle engine: lock and load (404 when hidden)
 * → the policy (403) → version (409) → the declaration and its guards (422) → write → audit.
 */
export async function moveAnswer(tx: Queryable, ctx: Ctx, id: string, action: AnswerAction, m: AnswerMove) {
  let loaded: Loaded | undefined;
  const l = (): Loaded => loaded!;
  return runTransition(tx, ctx, answerLifecycle, {
    id,
    action,
    version: m.version,
    reason: m.reason ?? null,
    lock: async (q) => {
      loaded = await loadAnswer(q, ctx, id, { forUpdate: true, ...(m.today ? { today: m.today } : {}) });
      return loaded.answer;
    },
    // Without the forum concerned, the guard says what is missing (422) rather than "not yours" (403).
    authorize: (_q, row) => {
      if (action === 'prepare' && row.beredningGroupId === null) return;
      if (action === 'decide' && row.decisionGroupId === null) return;
      requireAnswerStep(l().access, action);
    },
    facts: async (q, row) => ({ ...(await answerFacts(q, row, l().today)), ...(m.input ? { input: m.input } : {}) }),
    apply: async (q, row, to, reason) => {
      await repo.updateAnswer(q, id, row.version, { status: to, ...m.set?.(to, reason, l()) });
      await m.then?.(q, l(), to);
      return { version: row.version + 1 };
    },
    ...(m.auditDetails ? { auditDetails: m.auditDetails } : {}),
  });
}
