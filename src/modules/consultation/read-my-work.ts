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
  const answers = (await listVisibleAnswers(db, ctx, {})).filter((a) => !isSent(a.status));
  const works = (await requestScope(ctx, db).regionsWith('consultations.work')).length > 0;
  if (!answers.length && !works) return null;
  const titles = new Map<string, string>();
  const milestones: MilestoneWorkItem[] = [];
  const surveys: SurveyWorkItem[] = [];
  for (const a of answers) {
    if (!titles.has(a.roundId)) titles.set(a.roundId, (await repo.getRound(db, a.roundId))?.title ?? a.caseNumber);
    const m = a.nextMilestone;
    if (m)
      milestones.push({
        answerId: a.id,
        roundTitle: titles.get(a.roundId)!,
        caseNumber: a.caseNumber,
        region: a.region,
        regionName: a.regionName,
        kind: m.kind,
        label: MILESTONE_LABELS[m.kind],
        dueOn: m.dueOn,
        late: m.late,
      });
    const s = await repo.surveyOfAnswer(db, a.id);
    if (s && isSurveyOpen(s.status)) {
      const recipients = await repo.recipientsOf(db, s.id);
      surveys.push({
        surveyId: s.id,
        answerId: a.id,
        title: s.title,
        closesOn: s.closesOn,
        recipients: recipients.length,
        responded: recipients.filter((r) => r.respondedAt).length,
      });
    }
  }
  milestones.sort((x, y) => x.dueOn.localeCompare(y.dueOn));
  surveys.sort((x, y) => x.closesOn.localeCompare(y.closesOn));
  return { milestones, surveys };
}
