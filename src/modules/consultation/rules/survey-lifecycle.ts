import { defineLifecycle, isFinal } from '../../../platform/lifecycle/lifecycle.js';

/** A gap-analysis survey: open while units answer through their links, then closed (the links stop working). */
export const SURVEY_STATUSES = ['oppen', 'stangd'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];
export type SurveyAction = 'close';

export const surveyLifecycle = defineLifecycle<SurveyStatus, SurveyAction>({
  entity: 'consultation-survey',
  noun: 'Enkäten',
  statuses: SURVEY_STATUSES,
  labels: { oppen: 'öppen', stangd: 'stängd' },
  final: ['stangd'],
  actions: { close: { label: 'stänga enkäten', from: ['oppen'], to: 'stangd', audit: 'close' } },
});

/** Whether the survey still takes answers and new recipients (its closing date aside). */
export const isSurveyOpen = (s: SurveyStatus): boolean => !isFinal(surveyLifecycle, s);
