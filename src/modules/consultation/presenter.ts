import { allowedActions, isFinal } from '../../platform/lifecycle/index.js';
import { mayTakeAnswerStep, mayTakeJointStep, type AnswerAccess, type JointAccess } from './policy.js';
import type * as repo from './repository.js';
import {
  answerLifecycle,
  isCommentable,
  isDraftEditable,
  mayMarkDraftReady,
  type AnswerFacts,
} from './rules/answer-lifecycle.js';
import { isJointEditable, jointLifecycle } from './rules/joint-lifecycle.js';
import { surveyLifecycle } from './rules/survey-lifecycle.js';
import { milestoneStates, nextMilestone, type MilestoneState } from './rules/milestones.js';
import { summarise } from './rules/survey.js';

export const presentMilestones = (a: repo.AnswerRow, ms: repo.MilestoneRow[], today: string): MilestoneState[] =>
  milestoneStates(
    ms.filter((m) => m.answerId === a.id).map((m) => ({ kind: m.kind, dueOn: m.dueOn })),
    a.status,
    a.draftReadyAt !== null,
    today,
  );

/** An answer in the lists: its own fields, and its next milestone and lateness counted for today. */
export function presentAnswerSummary(a: repo.AnswerRow, ms: repo.MilestoneRow[], today: string) {
  const states = presentMilestones(a, ms, today);
  return {
    id: a.id,
    roundId: a.roundId,
    region: a.region,
    regionName: a.regionName,
    caseId: a.caseId,
    caseNumber: a.caseNumber,
    diarienummer: a.diarienummer,
    status: a.status,
    nextMilestone: nextMilestone(states) ?? null,
    late: states.some((m) => m.late),
    version: a.version,
  };
}

/** A section as the API shows it, without the answer it belongs to. */
export const presentSection = ({ answerId: _, ...s }: repo.SectionRow) => s;

/** A comment as the API shows it, without the answer it belongs to. */
export const presentComment = ({ answerId: _, ...c }: repo.CommentRow) => c;

/** The survey with its answers so far; `mayManage`: the caller leads the answer (may close it, add recipients). */
export function presentSurvey(s: repo.SurveyRow, recipients: repo.RecipientRow[], mayManage: boolean) {
  const responded = recipients.filter((r) => r.respondedAt);
  return {
    id: s.id,
    answerId: s.answerId,
    title: s.title,
    intro: s.intro,
    closesOn: s.closesOn,
    status: s.status,
    questions: s.questions,
    recipients: recipients.map((r) => ({ id: r.id, unit: r.unit, name: r.name, email: r.email, respondedAt: r.respondedAt })),
    responded: responded.length,
    summary: summarise(
      s.questions,
      responded.map((r) => ({ unit: r.unit, answers: r.answers })),
    ),
    allowedActions: allowedActions(surveyLifecycle, s.status, {}, () => mayManage),
    version: s.version,
  };
}

/** A joint answer as an answer or a round lists it. */
export const presentJointRef = (j: repo.JointRow) => ({
  id: j.id,
  healthcareRegionId: j.healthcareRegionId,
  healthcareRegionName: j.healthcareRegionName,
  status: j.status,
});

export function presentAnswer(
  a: repo.AnswerRow,
  x: {
    round: repo.RoundRow | undefined;
    routed: repo.RoutedGroupRow[];
    deciding: repo.GroupBrief[];
    milestones: repo.MilestoneRow[];
    sections: repo.SectionRow[];
    comments: repo.CommentRow[];
    survey: ReturnType<typeof presentSurvey> | null;
    joints: repo.JointRow[];
    access: AnswerAccess;
    facts: AnswerFacts;
    today: string;
  },
) {
  const name = (id: string | null) => (id ? (x.deciding.find((g) => g.id === id)?.name ?? null) : null);
  const actions = allowedActions(answerLifecycle, a.status, x.facts, (act) => mayTakeAnswerStep(x.access, act));
  return {
    ...presentAnswerSummary(a, x.milestones, x.today),
    round: x.round ?? null,
    groups: x.routed.map(({ answerId: _, ...g }) => g),
    leadGroupId: a.leadGroupId,
    beredningGroup: a.beredningGroupId ? { id: a.beredningGroupId, name: name(a.beredningGroupId) } : null,
    decisionGroup: a.decisionGroupId ? { id: a.decisionGroupId, name: name(a.decisionGroupId) } : null,
    milestones: presentMilestones(a, x.milestones, x.today),
    draftReady: a.draftReadyAt !== null,
    preparedAt: a.preparedAt,
    preparationNote: a.preparationNote,
    decisionRef: a.decisionRef,
    decidedOn: a.decidedOn,
    sentOn: a.sentOn,
    sentNote: a.sentNote,
    supersedesAnswerId: a.supersedesAnswerId,
    supersededReason: a.supersededReason,
    sections: x.sections.map(presentSection),
    comments: x.comments.map(presentComment),
    survey: x.survey,
    jointAnswers: x.joints.map(presentJointRef),
    permissions: {
      route: actions.includes('route'),
      editDraft: x.access.work && isDraftEditable(a.status),
      comment: x.access.comment && isCommentable(a.status),
      respond: x.access.work && isCommentable(a.status),
      sendSurvey: actions.includes('send-survey'),
      startDraft: actions.includes('start-draft'),
      markDraftReady: x.access.lead && mayMarkDraftReady(a.status) && a.draftReadyAt === null,
      prepare: actions.includes('prepare'),
      return: actions.includes('return'),
      decide: actions.includes('decide'),
      send: actions.includes('send'),
      supersede: actions.includes('supersede'),
      setDiarienummer: x.access.register && !isFinal(answerLifecycle, a.status),
    },
    allowedActions: actions,
  };
}

export function presentJoint(
  j: repo.JointRow,
  x: { sections: repo.SectionRow[]; inputs: unknown[]; access: JointAccess; round: repo.RoundRow | undefined; today: string },
) {
  const actions = allowedActions(jointLifecycle, j.status, { today: x.today }, (act) => mayTakeJointStep(x.access, act));
  return {
    id: j.id,
    roundId: j.roundId,
    round: x.round ?? null,
    healthcareRegionId: j.healthcareRegionId,
    healthcareRegionName: j.healthcareRegionName,
    coordinatingGroup: { id: j.coordinatingGroupId, name: j.coordinatingGroupName },
    approvingGroup: { id: j.approvingGroupId, name: j.approvingGroupName },
    status: j.status,
    approvalRef: j.approvalRef,
    approvedOn: j.approvedOn,
    sentOn: j.sentOn,
    sections: x.sections.map(presentSection),
    inputs: x.inputs,
    permissions: {
      edit: x.access.work && isJointEditable(j.status),
      approve: actions.includes('approve'),
      send: actions.includes('send'),
    },
    allowedActions: actions,
    version: j.version,
  };
}
