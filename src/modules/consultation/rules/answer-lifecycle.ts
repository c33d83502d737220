/**
 * The lifecycle of a region's answer to a consultation round, as one transition table:
 *
 *   registrerad → fordelad → enkat-pagar → utkast → beredd → beslutad → skickad
 *                    └──────── start-draft ──┘        ↑ return  │           │
 *                                                     └─────────┘           │
 *   beslutad / skickad ── supersede (with a reason) → ersatt, and a new draft takes over
 *
 * A decided answer cannot be edited, only superseded.
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

const TRANSITIONS: Record<AnswerStatus, Partial<Record<AnswerAction, AnswerStatus>>> = {
  registrerad: { route: 'fordelad' },
  fordelad: { route: 'fordelad', 'send-survey': 'enkat-pagar', 'start-draft': 'utkast' },
  'enkat-pagar': { route: 'enkat-pagar', 'start-draft': 'utkast' },
  utkast: { route: 'utkast', prepare: 'beredd' },
  beredd: { decide: 'beslutad', return: 'utkast' },
  beslutad: { send: 'skickad', supersede: 'ersatt' },
  skickad: { supersede: 'ersatt' },
  ersatt: {},
};

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

const ACTION_LABELS: Record<AnswerAction, string> = {
  route: 'fördela',
  'send-survey': 'skicka en enkät',
  'start-draft': 'börja på utkastet',
  prepare: 'markera som berett',
  return: 'återremittera till utkast',
  decide: 'besluta',
  send: 'markera som skickat',
  supersede: 'ersätta',
};

export type TransitionResult = { ok: true; to: AnswerStatus } | { ok: false; message: string };

/** Where an action leads from a status, or why it cannot be done there. */
export function transition(from: AnswerStatus, action: AnswerAction): TransitionResult {
  const to = TRANSITIONS[from][action];
  if (to) return { ok: true, to };
  const hint =
    from === 'beslutad' || from === 'skickad'
      ? ' Ett beslutat svar kan inte ändras, bara ersättas med ett nytt (ange skäl).'
      : from === 'ersatt'
        ? ' Svaret är ersatt av ett nyare svar.'
        : '';
  return {
    ok: false,
    message: `Det går inte att ${ACTION_LABELS[action]} när svaret har status "${STATUS_LABELS[from]}".${hint}`,
  };
}

export const allowedActions = (from: AnswerStatus): AnswerAction[] =>
  ANSWER_ACTIONS.filter((a) => TRANSITIONS[from][a] !== undefined);

/** The draft (sections, comments, responses) can be written until the answer is prepared. */
export const isDraftEditable = (s: AnswerStatus): boolean => s === 'fordelad' || s === 'enkat-pagar' || s === 'utkast';

/** Comments may still come in during beredning; after the decision the answer is closed. */
export const isCommentable = (s: AnswerStatus): boolean => isDraftEditable(s) || s === 'beredd';

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
