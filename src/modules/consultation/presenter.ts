import { allowedActions } from '../../platform/lifecycle/index.js';
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

export const presentRound = (r: repo.RoundRow) => ({
  id: r.id,
  title: r.title,
  track: r.track,
  opensOn: r.opens_on,
  closesOn: r.closes_on,
  status: r.status,
  sender: r.sender,
  supportTitle: r.support_title,
  versionLabel: r.version_label,
});

export const presentMilestones = (a: repo.AnswerRow, ms: repo.MilestoneRow[], today: string): MilestoneState[] =>
  milestoneStates(
    ms.filter((m) => m.answer_id === a.id).map((m) => ({ kind: m.kind, dueOn: m.due_on })),
    a.status,
    a.draft_ready_at !== null,
    today,
  );

export function presentAnswerSummary(a: repo.AnswerRow, ms: repo.MilestoneRow[], today: string) {
  const states = presentMilestones(a, ms, today);
  const nextM = nextMilestone(states);
  return {
    id: a.id,
    roundId: a.round_id,
    region: a.region_code,
    regionName: a.region_name,
    caseId: a.case_id,
    caseNumber: a.case_number,
    status: a.status,
    nextMilestone: nextM ?? null,
    late: states.some((m) => m.late),
    version: a.version,
  };
}

export const presentSection = (s: repo.SectionRow) => ({
  id: s.id,
  position: s.position,
  heading: s.heading,
  body: s.body,
  updatedBy: s.updated_by_label,
  updatedAt: s.updated_at.toISOString(),
  version: s.version,
});

export const presentComment = (c: repo.CommentRow) => ({
  id: c.id,
  sectionId: c.section_id,
  body: c.body,
  author: c.author_label,
  createdAt: c.created_at.toISOString(),
  response: c.response,
  respondedBy: c.responded_by_label,
  respondedAt: c.responded_at ? c.responded_at.toISOString() : null,
  version: c.version,
});

/** The survey with its answers so far; `mayManage`: the caller leads the answer (may close it, add recipients). */
export function presentSurvey(s: repo.SurveyRow, recipients: repo.RecipientRow[], mayManage: boolean) {
  return {
    id: s.id,
    answerId: s.answer_id,
    title: s.title,
    intro: s.intro,
    closesOn: s.closes_on,
    status: s.status,
    questions: s.questions,
    recipients: recipients.map((r) => ({
      id: r.id,
      unit: r.unit,
      name: r.name,
      email: r.email,
      respondedAt: r.responded_at ? r.responded_at.toISOString() : null,
    })),
    responded: recipients.filter((r) => r.responded_at).length,
    summary: summarise(
      s.questions,
      recipients.filter((r) => r.responded_at).map((r) => ({ unit: r.unit, answers: r.answers })),
    ),
    allowedActions: allowedActions(surveyLifecycle, s.status, {}, () => mayManage),
    version: s.version,
  };
}

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
    round: x.round ? presentRound(x.round) : null,
    groups: x.routed.map((g) => ({ id: g.group_id, name: g.name, kind: g.kind, lead: g.is_lead })),
    leadGroupId: a.lead_group_id,
    beredningGroup: a.beredning_group_id ? { id: a.beredning_group_id, name: name(a.beredning_group_id) } : null,
    decisionGroup: a.decision_group_id ? { id: a.decision_group_id, name: name(a.decision_group_id) } : null,
    milestones: presentMilestones(a, x.milestones, x.today),
    draftReady: a.draft_ready_at !== null,
    preparedAt: a.prepared_at ? a.prepared_at.toISOString() : null,
    preparationNote: a.preparation_note,
    decisionRef: a.decision_ref,
    decidedOn: a.decided_on,
    sentOn: a.sent_on,
    sentNote: a.sent_note,
    supersedesAnswerId: a.supersedes_answer_id,
    supersededReason: a.superseded_reason,
    sections: x.sections.map(presentSection),
    comments: x.comments.map(presentComment),
    survey: x.survey,
    jointAnswers: x.joints.map((j) => ({
      id: j.id,
      healthcareRegionId: j.healthcare_region_id,
      healthcareRegionName: j.healthcare_region_name,
      status: j.status,
    })),
    permissions: {
      route: actions.includes('route'),
      editDraft: x.access.work && isDraftEditable(a.status),
      comment: x.access.comment && isCommentable(a.status),
      respond: x.access.work && isCommentable(a.status),
      sendSurvey: actions.includes('send-survey'),
      startDraft: actions.includes('start-draft'),
      markDraftReady: x.access.lead && mayMarkDraftReady(a.status) && a.draft_ready_at === null,
      prepare: actions.includes('prepare'),
      return: actions.includes('return'),
      decide: actions.includes('decide'),
      send: actions.includes('send'),
      supersede: actions.includes('supersede'),
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
    roundId: j.round_id,
    round: x.round ? presentRound(x.round) : null,
    healthcareRegionId: j.healthcare_region_id,
    healthcareRegionName: j.healthcare_region_name,
    coordinatingGroup: { id: j.coordinating_group_id, name: j.coordinating_group_name },
    approvingGroup: { id: j.approving_group_id, name: j.approving_group_name },
    status: j.status,
    approvalRef: j.approval_ref,
    approvedOn: j.approved_on,
    sentOn: j.sent_on,
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
