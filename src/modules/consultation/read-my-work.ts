import { requireActor } from '../../platform/auth/policy.js';
import { requestScope } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { listVisibleAnswers } from './read-answers.js';
import * as repo from './repository.js';
import { isSent } from './rules/answer-lifecycle.js';
import { MILESTONE_LABELS } from './rules/milestones.js';
import { isSurveyOpen } from './rules/survey-lifecycle.js';

export interface MilestoneWorkItem {
  answerId: string;
  roundTitle: string;
  caseNumber: string;
  region: string;
  regionName: string;
  kind: string;
  label: string;
  dueOn: string;
  late: boolean;
}

export interface SurveyWorkItem {
  surveyId: string;
  answerId: string;
  title: string;
  closesOn: string;
  recipients: number;
  responded: number;
}

/**
 * The remiss work that needs the caller, for Min översikt: the next milestone of every answer
 * they may read that is not yet sent, and the open gap-analysis surveys of those answers with
 * how many have answered. Null when the caller works with remisser nowhere and sees none.
 */
export async function readMyConsultationWork(
  db: Db,
  ctx: Ctx,
): Promise<{ milestones: MilestoneWorkItem[]; surveys: SurveyWorkItem[] } | null> {
  requireActor(ctx.actor);
  const [visible, workRegions] = await Promise.all([
    listVisibleAnswers(db, ctx, {}),
    requestScope(ctx, db).regionsWith('consultations.work'),
  ]);
  const answers = visible.filter((a) => !isSent(a.status));
  if (!answers.length && !workRegions.length) return null;
  // Each round's title once, and each answer's survey, read at once rather than answer by answer.
  const roundIds = [...new Set(answers.map((a) => a.roundId))];
  const rounds = await Promise.all(roundIds.map((id) => repo.getRound(db, id)));
  const roundTitles = new Map(
    roundIds.map((id, i) => [id, rounds[i]?.title ?? answers.find((a) => a.roundId === id)!.caseNumber]),
  );
  const open = await Promise.all(
    answers.map(async (a) => {
      const s = await repo.surveyOfAnswer(db, a.id);
      return s && isSurveyOpen(s.status) ? { s, recipients: await repo.recipientsOf(db, s.id) } : undefined;
    }),
  );
  const milestones: MilestoneWorkItem[] = [];
  const surveys: SurveyWorkItem[] = [];
  answers.forEach((a, i) => {
    const m = a.nextMilestone;
    if (m)
      milestones.push({
        answerId: a.id,
        roundTitle: roundTitles.get(a.roundId)!,
        caseNumber: a.caseNumber,
        region: a.region,
        regionName: a.regionName,
        kind: m.kind,
        label: MILESTONE_LABELS[m.kind],
        dueOn: m.dueOn,
        late: m.late,
      });
    const survey = open[i];
    if (survey)
      surveys.push({
        surveyId: survey.s.id,
        answerId: a.id,
        title: survey.s.title,
        closesOn: survey.s.closesOn,
        recipients: survey.recipients.length,
        responded: survey.recipients.filter((r) => r.respondedAt).length,
      });
  });
  milestones.sort((x, y) => x.dueOn.localeCompare(y.dueOn));
  surveys.sort((x, y) => x.closesOn.localeCompare(y.closesOn));
  return { milestones, surveys };
}
