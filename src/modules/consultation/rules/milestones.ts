import type { AnswerStatus } from './answer-lifecycle.js';
import { hasReached } from './answer-lifecycle.js';
import { isWorkingDay, onOrBefore, workingDaysBefore } from './working-days.js';

/**
 * Internal milestones of a region's answer, scheduled back from the round's external deadline
 * in working days. The offsets are the region's (consultation_settings); the defaults give a
 * four-week synpunktsinhämtning about two weeks of survey and two of drafting and decision.
 */
export const MILESTONE_KINDS = ['survey-closes', 'draft-ready', 'beredning', 'decision'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export interface Offsets {
  surveyClosesDays: number;
  draftReadyDays: number;
  beredningDays: number;
  decisionDays: number;
}

export const DEFAULT_OFFSETS: Offsets = { surveyClosesDays: 12, draftReadyDays: 8, beredningDays: 5, decisionDays: 2 };

export const MILESTONE_LABELS: Record<MilestoneKind, string> = {
  'survey-closes': 'Enkäten stänger',
  'draft-ready': 'Utkastet klart',
  beredning: 'Beredning',
  decision: 'Beslut',
};

/** Offsets must be in order: the survey closes first, the decision comes last (≥ 0 days before). */
export function checkOffsets(o: Offsets): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  if (!(o.surveyClosesDays > o.draftReadyDays))
    errors.push({
      path: 'surveyClosesDays',
      message: 'enkäten ska stänga före (fler arbetsdagar före sista svarsdag än) utkastet',
    });
  if (!(o.draftReadyDays > o.beredningDays))
    errors.push({ path: 'draftReadyDays', message: 'utkastet ska vara klart före beredningen' });
  if (!(o.beredningDays > o.decisionDays)) errors.push({ path: 'beredningDays', message: 'beredningen ska ligga före beslutet' });
  if (o.decisionDays < 0) errors.push({ path: 'decisionDays', message: 'kan inte vara negativt' });
  return errors;
}

export interface Milestone {
  kind: MilestoneKind;
  dueOn: string;
}

/**
 * The milestones for a deadline. The deadline itself is moved back to a working day first
 * (a round closing on a Sunday must be answered by the Friday).
 */
export function scheduleMilestones(closesOn: string, o: Offsets): Milestone[] {
  const deadline = isWorkingDay(closesOn) ? closesOn : onOrBefore(closesOn);
  return [
    { kind: 'survey-closes', dueOn: workingDaysBefore(deadline, o.surveyClosesDays) },
    { kind: 'draft-ready', dueOn: workingDaysBefore(deadline, o.draftReadyDays) },
    { kind: 'beredning', dueOn: workingDaysBefore(deadline, o.beredningDays) },
    { kind: 'decision', dueOn: workingDaysBefore(deadline, o.decisionDays) },
  ];
}

/** A milestone is met when the answer has moved past it. */
export function isMet(kind: MilestoneKind, status: AnswerStatus, draftReady: boolean): boolean {
  switch (kind) {
    case 'survey-closes':
      return hasReached(status, 'utkast');
    case 'draft-ready':
      return draftReady || hasReached(status, 'beredd');
    case 'beredning':
      return hasReached(status, 'beredd');
    case 'decision':
      return hasReached(status, 'beslutad');
  }
}

export interface MilestoneState extends Milestone {
  met: boolean;
  late: boolean;
}

/** Late: the day has passed (due before today) and it is not met. */
export function milestoneStates(
  ms: readonly Milestone[],
  status: AnswerStatus,
  draftReady: boolean,
  today: string,
): MilestoneState[] {
  return ms.map((m) => {
    const met = isMet(m.kind, status, draftReady);
    return { ...m, met, late: !met && m.dueOn < today };
  });
}

/** The first milestone not yet met, in schedule order. */
export function nextMilestone(states: readonly MilestoneState[]): MilestoneState | undefined {
  return [...states].sort((a, b) => a.dueOn.localeCompare(b.dueOn)).find((m) => !m.met);
}
