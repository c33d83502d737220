/**
 * The answer page's steps (issue 17: steps instead of one endless page), in the order of the
 * answer's lifecycle (rules/answer-lifecycle.ts). A step is done once the answer has reached the
 * status that follows it; the first step not done is where the answer is now.
 */
import { ANSWER_STATUSES } from '../../modules/consultation/rules/answer-lifecycle';
import type { AnswerStatus } from './model';

export const ANSWER_STEPS = ['oversikt', 'fordelning', 'enkat', 'utkast', 'beslut'] as const;
export type AnswerStep = (typeof ANSWER_STEPS)[number];

const DONE_AT: Record<Exclude<AnswerStep, 'oversikt'>, AnswerStatus> = {
  fordelning: 'fordelad',
  enkat: 'utkast',
  utkast: 'beredd',
  beslut: 'skickad',
};

const rank = (s: AnswerStatus) => ANSWER_STATUSES.indexOf(s);

export function answerStepDone(step: AnswerStep, status: AnswerStatus): boolean {
  return step !== 'oversikt' && rank(status) >= rank(DONE_AT[step]);
}

/** The step the answer is in now (the first not done), or null when every step is done. */
export function answerStepNow(status: AnswerStatus): AnswerStep | null {
  return ANSWER_STEPS.find((s) => s !== 'oversikt' && !answerStepDone(s, status)) ?? null;
}

/** Where a milestone is acted on (rules/milestones.ts): a link to it opens that step. */
const MILESTONE_STEP: Record<string, AnswerStep> = {
  'survey-closes': 'enkat',
  'draft-ready': 'utkast',
  beredning: 'beslut',
  decision: 'beslut',
};
export const milestoneStep = (kind: string): AnswerStep => MILESTONE_STEP[kind] ?? 'oversikt';
