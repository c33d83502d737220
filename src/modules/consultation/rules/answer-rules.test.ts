import { describe, expect, it } from 'vitest';
import { allowedActions, checkAction } from '../../../platform/lifecycle/index.js';
import {
  ANSWER_ACTIONS,
  ANSWER_STATUSES,
  answerLifecycle,
  isCommentable,
  isDraftEditable,
  lockedMessage,
  type AnswerAction,
  type AnswerFacts,
  type AnswerStatus,
} from './answer-lifecycle.js';
import { isJointEditable, jointLifecycle, type JointAction, type JointStatus } from './joint-lifecycle.js';
import { roundLifecycle } from './round-lifecycle.js';
import { surveyLifecycle } from './survey-lifecycle.js';
import { checkOffsets, DEFAULT_OFFSETS, milestoneStates, nextMilestone, scheduleMilestones } from './milestones.js';
import { hashSurveyToken, newSurveyToken } from '../survey-tokens.js';
import { checkAnswers, linkState, summarise, type Question } from './survey.js';

const facts = (f: Partial<AnswerFacts> = {}): AnswerFacts => ({
  today: '2026-12-10',
  hasBeredningGroup: true,
  hasDecisionGroup: true,
  hasSurvey: false,
  decidedOn: null,
  ...f,
});
const move = (from: AnswerStatus, action: AnswerAction, f: Partial<AnswerFacts> = {}, reason = 'skäl') =>
  checkAction(answerLifecycle, from, action, facts(f), reason);
const offered = (from: AnswerStatus, f: Partial<AnswerFacts> = {}) => allowedActions(answerLifecycle, from, facts(f));

describe('the answer lifecycle', () => {
  it('runs registrerad → fördelad → enkät pågår → utkast → beredd → beslutad → skickad', () => {
    const path: [AnswerStatus, AnswerAction][] = [
      ['registrerad', 'route'],
      ['fordelad', 'send-survey'],
      ['enkat-pagar', 'start-draft'],
      ['utkast', 'prepare'],
      ['beredd', 'decide'],
      ['beslutad', 'send'],
    ];
    expect(path.map(([from, action]) => move(from, action)).map((r) => (r.ok ? r.to : r.message))).toEqual([
      'fordelad',
      'enkat-pagar',
      'utkast',
      'beredd',
      'beslutad',
      'skickad',
    ]);
  });

  it('lets the survey be skipped, routing be changed in place, and a prepared answer be returned to draft', () => {
    expect(move('fordelad', 'start-draft')).toMatchObject({ ok: true, to: 'utkast' });
    expect(move('utkast', 'route')).toMatchObject({ ok: true, to: 'utkast' });
    expect(move('beredd', 'return')).toMatchObject({ ok: true, to: 'utkast' });
    expect(move('beredd', 'return', {}, '  ')).toMatchObject({ ok: false, path: 'reason' });
  });

  it('never edits a decided answer: only supersede (with a reason), and nothing leaves ersatt', () => {
    expect(offered('beslutad')).toEqual(['send', 'supersede']);
    expect(offered('skickad')).toEqual(['supersede']);
    expect(offered('ersatt')).toEqual([]);
    expect(move('beslutad', 'route')).toMatchObject({ ok: false, kind: 'rule' });
    expect(move('ersatt', 'supersede')).toMatchObject({ ok: false, kind: 'conflict' });
    expect(move('skickad', 'supersede', {}, '')).toMatchObject({ ok: false, path: 'reason' });
    expect(isDraftEditable('beslutad')).toBe(false);
    expect(isDraftEditable('utkast')).toBe(true);
    expect(isDraftEditable('registrerad')).toBe(false);
    expect(isCommentable('beredd')).toBe(true);
    expect(isCommentable('beslutad')).toBe(false);
    expect(lockedMessage('beslutad')).toContain('bara ersättas');
  });

  it('refuses every step not in the table (no skipping beredning)', () => {
    const allowed = new Set(ANSWER_STATUSES.flatMap((s) => offered(s).map((a) => `${s}:${a}`)));
    expect(allowed.size).toBe(13);
    for (const s of ANSWER_STATUSES)
      for (const a of ANSWER_ACTIONS) expect(move(s, a).ok, `${s}:${a}`).toBe(allowed.has(`${s}:${a}`));
    expect(move('utkast', 'decide').ok).toBe(false);
  });

  it('guards the steps with the facts: forums present, one survey, no dates in the future or before the decision', () => {
    expect(move('utkast', 'prepare', { hasBeredningGroup: false })).toMatchObject({ ok: false, path: 'beredningGroupId' });
    expect(move('beredd', 'decide', { hasDecisionGroup: false })).toMatchObject({ ok: false, path: 'decisionGroupId' });
    expect(move('beredd', 'decide', { input: { decidedOn: '2026-12-11' } })).toMatchObject({ ok: false, path: 'decidedOn' });
    expect(move('beredd', 'decide', { input: { decidedOn: '2026-12-10' } })).toMatchObject({ ok: true });
    expect(move('beslutad', 'send', { decidedOn: '2026-12-05', input: { sentOn: '2026-12-04' } })).toMatchObject({
      ok: false,
      path: 'sentOn',
      message: 'Svaret kan inte ha skickats före beslutet.',
    });
    expect(move('beslutad', 'send', { input: { sentOn: '2026-12-11' } })).toMatchObject({ ok: false, path: 'sentOn' });
    expect(offered('fordelad', { hasSurvey: true })).toEqual(['route', 'start-draft']);
  });

  it('approves a joint answer once, then only sends it; a sent one is final', () => {
    const j = (from: JointStatus, a: JointAction, date?: string) =>
      checkAction(jointLifecycle, from, a, { today: '2026-12-10', ...(date ? { date: { path: 'sentOn', value: date } } : {}) });
    expect(j('samordnas', 'approve')).toMatchObject({ ok: true, to: 'godkand' });
    expect(j('samordnas', 'send').ok).toBe(false);
    expect(j('godkand', 'approve').ok).toBe(false);
    expect(j('godkand', 'send')).toMatchObject({ ok: true, to: 'skickad' });
    expect(j('godkand', 'send', '2026-12-11')).toMatchObject({ ok: false, path: 'sentOn' });
    expect(j('skickad', 'send')).toMatchObject({ ok: false, kind: 'conflict' });
    expect([isJointEditable('samordnas'), isJointEditable('godkand'), isJointEditable('skickad')]).toEqual([true, false, false]);
  });

  it('closes a survey once and cancels a round once, with a reason', () => {
    expect(allowedActions(surveyLifecycle, 'oppen', {})).toEqual(['close']);
    expect(allowedActions(surveyLifecycle, 'stangd', {})).toEqual([]);
    expect(checkAction(roundLifecycle, 'aktiv', 'cancel', {}, ' ')).toMatchObject({ ok: false, path: 'reason' });
    expect(checkAction(roundLifecycle, 'avbruten', 'cancel', {}, 'x')).toMatchObject({ ok: false, kind: 'conflict' });
  });
});

describe('milestones, scheduled back from the deadline in working days', () => {
  it('skips Easter: an öppen remiss closing Tue 14 April 2026', () => {
    // Långfredag 3 April, annandag påsk 6 April 2026.
    expect(scheduleMilestones('2026-04-14', DEFAULT_OFFSETS)).toEqual([
      { kind: 'survey-closes', dueOn: '2026-03-25' },
      { kind: 'draft-ready', dueOn: '2026-03-31' },
      { kind: 'beredning', dueOn: '2026-04-07' },
      { kind: 'decision', dueOn: '2026-04-10' },
    ]);
  });

  it('moves a deadline on a holiday back first (Ascension Day, Thu 14 May 2026)', () => {
    const ms = scheduleMilestones('2026-05-14', { surveyClosesDays: 3, draftReadyDays: 2, beredningDays: 1, decisionDays: 0 });
    expect(ms.map((m) => m.dueOn)).toEqual(['2026-05-08', '2026-05-11', '2026-05-12', '2026-05-13']);
  });

  it('needs the offsets in order', () => {
    expect(checkOffsets(DEFAULT_OFFSETS)).toEqual([]);
    expect(
      checkOffsets({ surveyClosesDays: 5, draftReadyDays: 5, beredningDays: 3, decisionDays: 3 }).map((e) => e.path),
    ).toEqual(['surveyClosesDays', 'beredningDays']);
  });

  it('is late the day after its due date when not met, and met once the answer moved past it', () => {
    const ms = scheduleMilestones('2026-12-29', DEFAULT_OFFSETS);
    const onDay = milestoneStates(ms, 'enkat-pagar', false, '2026-12-09');
    expect(onDay.find((m) => m.kind === 'survey-closes')!.late).toBe(false);
    const after = milestoneStates(ms, 'enkat-pagar', false, '2026-12-10');
    expect(after.find((m) => m.kind === 'survey-closes')!.late).toBe(true);
    const drafting = milestoneStates(ms, 'utkast', true, '2026-12-16');
    expect(drafting.filter((m) => m.late).map((m) => m.kind)).toEqual([]);
    expect(nextMilestone(drafting)!.kind).toBe('beredning');
  });
});

describe('survey links and answers', () => {
  const questions: Question[] = [
    { id: 'q1', kind: 'text', topic: 'praxis', text: 'Hur?', required: true },
    { id: 'q2', kind: 'scale', topic: 'resurser', text: 'Hur mycket?', required: true },
    { id: 'q3', kind: 'yes-no', topic: 'konsekvenser', text: 'Behövs?', required: false },
  ];

  it('makes random tokens and keeps only their hash', () => {
    const a = newSurveyToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSurveyToken()).not.toBe(a);
    expect(hashSurveyToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSurveyToken(a)).not.toContain(a);
  });

  it('opens only its own, open survey', () => {
    const open = { status: 'oppen' as const, closesOn: '2026-12-10' };
    expect(linkState('s1', { surveyId: 's1' }, open, '2026-12-10')).toBe('ok');
    expect(linkState('s2', { surveyId: 's1' }, open, '2026-12-10')).toBe('not-found');
    expect(linkState('s1', undefined, undefined, '2026-12-10')).toBe('not-found');
    expect(linkState('s1', { surveyId: 's1' }, open, '2026-12-11')).toBe('expired');
    expect(linkState('s1', { surveyId: 's1' }, { ...open, status: 'stangd' }, '2026-12-01')).toBe('expired');
  });

  it('checks answers against the question types', () => {
    expect(checkAnswers(questions, { q1: 'Så här', q2: 3 })).toEqual([]);
    expect(checkAnswers(questions, { q1: ' ', q2: 0, q3: 'ja', q4: 1 }).map((e) => e.path)).toEqual([
      'answers.q4',
      'answers.q1',
      'answers.q2',
      'answers.q3',
    ]);
  });

  it('summarises texts with their unit, the scale and yes/no', () => {
    const s = summarise(questions, [
      { unit: 'A', answers: { q1: 'text A', q2: 2, q3: true } },
      { unit: 'B', answers: { q1: 'text B', q2: 5, q3: false } },
      { unit: 'C', answers: { q2: 5 } },
    ]);
    expect(s[0]).toEqual({
      questionId: 'q1',
      answered: 2,
      texts: [
        { unit: 'A', text: 'text A' },
        { unit: 'B', text: 'text B' },
      ],
    });
    expect(s[1]).toEqual({ questionId: 'q2', answered: 3, average: 4, distribution: [0, 1, 0, 0, 2] });
    expect(s[2]).toEqual({ questionId: 'q3', answered: 2, yes: 1, no: 1 });
  });
});
