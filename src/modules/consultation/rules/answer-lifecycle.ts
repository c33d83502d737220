import { defineLifecycle, isLocked, type GuardFailure } from '../../../platform/lifecycle/lifecycle.js';

/**
 * The lifecycle of a region's answer to a consultation round, declared once:
 *
 *   registrerad → fordelad → enkat-pagar → utkast → beredd → beslutad → skickad
 *                    └──────── start-draft ──┘        ↑ return  │           │
 *                                                     └─────────┘           │
 *   beslutad / skickad ── supersede (with a reason) → ersatt, and a new draft takes over
 *
 * A decided answer cannot be edited, only superseded. The draft (sections, comments'
 * responses) is open while the answer is routed and not yet prepared; comments may still come
 * in during beredning. How each step is taken: decide-answer.ts, prepare-answer.ts, … in the
 * module's folder, each through runTransition.
 */
export const ANSWER_STATUSES = [
  'registrerad',
  'fordelad',
  'enkat-pagar',
  'utkast',
  'beredd',
  'beslutad',
  'skickad',
  'ersatt',
] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

export const ANSWER_ACTIONS = [
  'route',
  'send-survey',
  'start-draft',
  'prepare',
  'return',
  'decide',
  'send',
  'supersede',
] as const;
export type AnswerAction = (typeof ANSWER_ACTIONS)[number];

export const STATUS_LABELS: Record<AnswerStatus, string> = {
  registrerad: 'Registrerad',
  fordelad: 'Fördelad',
  'enkat-pagar': 'Enkät pågår',
  utkast: 'Utkast',
  beredd: 'Beredd',
  beslutad: 'Beslutad',
  skickad: 'Skickad',
  ersatt: 'Ersatt',
};

/** What the guards read: the answer's forums and survey, today, and the dates a request names. */
export interface AnswerFacts {
  today: string;
  hasBeredningGroup: boolean;
  hasDecisionGroup: boolean;
  hasSurvey: boolean;
  /** The answer's decision date (a sent answer cannot predate it). */
  decidedOn: string | null;
  /** The dates in the request; absent when only asking which actions are offered. */
  input?: { decidedOn?: string; sentOn?: string };
}

const notInFuture = (date: string | undefined, today: string, path: string, message: string): GuardFailure | null =>
  date !== undefined && date > today ? { message, path } : null;

export const answerLifecycle = defineLifecycle<AnswerStatus, AnswerAction, AnswerFacts>({
  entity: 'consultation-answer',
  noun: 'Remissvaret',
  statuses: ANSWER_STATUSES,
  labels: STATUS_LABELS,
  // The draft is written only once routed and until prepared (registrerad: not yet routed).
  locked: ['registrerad', 'beredd', 'beslutad', 'skickad'],
  final: ['ersatt'],
  actions: {
    route: {
      label: 'fördela',
      from: ['registrerad', 'fordelad', 'enkat-pagar', 'utkast'],
      to: (from) => (from === 'registrerad' ? 'fordelad' : from),
      audit: 'route',
    },
    'send-survey': {
      label: 'skicka en enkät',
      from: ['fordelad'],
      to: 'enkat-pagar',
      audit: 'transition',
      guard: (f) => (f.hasSurvey ? { message: 'Svaret har redan en enkät.', path: 'survey' } : null),
    },
    'start-draft': { label: 'börja på utkastet', from: ['fordelad', 'enkat-pagar'], to: 'utkast', audit: 'transition' },
    prepare: {
      label: 'markera som berett',
      from: ['utkast'],
      to: 'beredd',
      audit: 'transition',
      guard: (f) =>
        f.hasBeredningGroup
          ? null
          : { message: 'Svaret har inget beredande forum. Fördela om det och ange ett.', path: 'beredningGroupId' },
    },
    return: { label: 'återremittera till utkast', from: ['beredd'], to: 'utkast', audit: 'transition', reason: true },
    decide: {
      label: 'besluta',
      from: ['beredd'],
      to: 'beslutad',
      audit: 'transition',
      guard: (f) =>
        !f.hasDecisionGroup
          ? { message: 'Svaret har inget beslutande forum. Fördela om det och ange ett.', path: 'decisionGroupId' }
          : notInFuture(f.input?.decidedOn, f.today, 'decidedOn', 'Beslutsdatumet kan inte ligga i framtiden.'),
    },
    send: {
      label: 'markera som skickat',
      from: ['beslutad'],
      to: 'skickad',
      audit: 'transition',
      guard: (f) =>
        notInFuture(f.input?.sentOn, f.today, 'sentOn', 'Datumet då svaret skickades kan inte ligga i framtiden.') ??
        (f.input?.sentOn !== undefined && f.decidedOn && f.input.sentOn < f.decidedOn
          ? { message: 'Svaret kan inte ha skickats före beslutet.', path: 'sentOn' }
          : null),
    },
    supersede: { label: 'ersätta', from: ['beslutad', 'skickad'], to: 'ersatt', audit: 'supersede', reason: true },
  },
});

/** The draft (sections, comments' responses) can be written until the answer is prepared. */
export const isDraftEditable = (s: AnswerStatus): boolean => !isLocked(answerLifecycle, s);

/** Comments may still come in during beredning; after the decision the answer is closed. */
export const isCommentable = (s: AnswerStatus): boolean => isDraftEditable(s) || answerLifecycle.actions.decide.from.includes(s);

/** The lead may say the draft is ready for beredning in the statuses beredning starts from. */
export const mayMarkDraftReady = (s: AnswerStatus): boolean => answerLifecycle.actions.prepare.from.includes(s);

/** Why the draft cannot be written now, in Swedish. */
export const lockedMessage = (s: AnswerStatus): string =>
  answerLifecycle.actions.supersede.from.includes(s)
    ? 'Ett beslutat svar kan inte ändras, bara ersättas med ett nytt (ange skäl).'
    : `Utkastet kan inte ändras när svaret har status "${STATUS_LABELS[s]}".`;

/** A sent answer is done: the board leaves it off once its round has closed. */
export const isSent = (s: AnswerStatus): boolean => s === 'skickad';

const ORDER: Record<AnswerStatus, number> = {
  registrerad: 0,
  fordelad: 1,
  'enkat-pagar': 2,
  utkast: 3,
  beredd: 4,
  beslutad: 5,
  skickad: 6,
  ersatt: 7,
};

/** Whether the answer has reached a status (ersatt counts as past everything). */
export const hasReached = (s: AnswerStatus, target: AnswerStatus): boolean => ORDER[s] >= ORDER[target];

/** The sections every new draft starts with (the national answer templates ask for these). */
export const DEFAULT_SECTIONS = [
  'Sammanfattning',
  'Synpunkter på rekommendationerna',
  'Dagens praxis jämfört med rekommendationerna (gapanalys)',
  'Konsekvenser för regionen: resurser, organisation och kompetens',
  'Övriga synpunkter',
] as const;
