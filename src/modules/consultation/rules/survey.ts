import type { FieldError } from '../../../platform/errors.js';

/**
 * The gap-analysis survey (gapanalys): questions about today's practice compared with the
 * recommendations, resources and consequences, answered through a personal link without an
 * account. A link is single-purpose: its token belongs to one recipient of one survey, is kept
 * only as a SHA-256, and stops working when the survey closes.
 */
export const QUESTION_KINDS = ['text', 'scale', 'yes-no'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUESTION_TOPICS = ['praxis', 'resurser', 'konsekvenser', 'ovrigt'] as const;
export type QuestionTopic = (typeof QUESTION_TOPICS)[number];

export interface Question {
  id: string;
  kind: QuestionKind;
  topic: QuestionTopic;
  text: string;
  required: boolean;
}

export type AnswerValue = string | number | boolean;
export type Answers = Record<string, AnswerValue>;

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

/** The public page's address; the token travels in the fragment so no server log sees it. */
export const surveyLink = (publicUrl: string, surveyId: string, token: string): string =>
  `${publicUrl.replace(/\/$/, '')}/enkat/${surveyId}#${token}`;

export function checkQuestions(questions: readonly Question[]): FieldError[] {
  const errors: FieldError[] = [];
  if (questions.length === 0) errors.push({ path: 'questions', message: 'enkäten behöver minst en fråga' });
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    if (seen.has(q.id)) errors.push({ path: `questions.${i}.id`, message: 'två frågor har samma id' });
    seen.add(q.id);
    if (!q.text.trim()) errors.push({ path: `questions.${i}.text`, message: 'frågan saknar text' });
  });
  return errors;
}

export type LinkState = 'ok' | 'not-found' | 'expired';

/**
 * Whether a token opens a survey: unknown tokens and tokens of another survey are 'not-found'
 * (404, no hint that the token exists); a closed or past survey is 'expired' (410).
 */
export function linkState(
  requestedSurveyId: string,
  recipient: { surveyId: string } | undefined,
  survey: { status: 'oppen' | 'stangd'; closesOn: string } | undefined,
  today: string,
): LinkState {
  if (!recipient || !survey || recipient.surveyId !== requestedSurveyId) return 'not-found';
  if (survey.status !== 'oppen' || survey.closesOn < today) return 'expired';
  return 'ok';
}

/** Checks answers against the questions: known ids, the right type, required ones present. */
export function checkAnswers(questions: readonly Question[], answers: Answers): FieldError[] {
  const errors: FieldError[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers)) {
    if (!byId.has(id)) errors.push({ path: `answers.${id}`, message: 'okänd fråga' });
  }
  for (const q of questions) {
    const v = answers[q.id];
    const path = `answers.${q.id}`;
    if (v === undefined || (typeof v === 'string' && v.trim() === '')) {
      if (q.required) errors.push({ path, message: 'frågan måste besvaras' });
      continue;
    }
    if (q.kind === 'text' && (typeof v !== 'string' || v.length > 10000))
      errors.push({ path, message: 'svaret ska vara en text (högst 10 000 tecken)' });
    if (q.kind === 'scale' && (typeof v !== 'number' || !Number.isInteger(v) || v < SCALE_MIN || v > SCALE_MAX))
      errors.push({ path, message: `svaret ska vara ett heltal ${SCALE_MIN}–${SCALE_MAX}` });
    if (q.kind === 'yes-no' && typeof v !== 'boolean') errors.push({ path, message: 'svaret ska vara ja eller nej' });
  }
  return errors;
}

export interface QuestionSummary {
  questionId: string;
  answered: number;
  texts?: { unit: string; text: string }[];
  average?: number | null;
  distribution?: number[];
  yes?: number;
  no?: number;
}

/** Per question: the texts with their unit, the scale's average and distribution, yes/no counts. */
export function summarise(
  questions: readonly Question[],
  responses: readonly { unit: string; answers: Answers | null }[],
): QuestionSummary[] {
  return questions.map((q) => {
    const values = responses.flatMap((r) =>
      r.answers && r.answers[q.id] !== undefined ? [{ unit: r.unit, v: r.answers[q.id]! }] : [],
    );
    const base = { questionId: q.id, answered: values.length };
    if (q.kind === 'text') return { ...base, texts: values.map((x) => ({ unit: x.unit, text: String(x.v) })) };
    if (q.kind === 'scale') {
      const nums = values.map((x) => Number(x.v));
      const distribution = Array.from(
        { length: SCALE_MAX - SCALE_MIN + 1 },
        (_, i) => nums.filter((n) => n === i + SCALE_MIN).length,
      );
      const average = nums.length ? Math.round((nums.reduce((a, b) => a + b, 0) / nums.length) * 10) / 10 : null;
      return { ...base, average, distribution };
    }
    return { ...base, yes: values.filter((x) => x.v === true).length, no: values.filter((x) => x.v === false).length };
  });
}
