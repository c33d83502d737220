/** Shapes of the consultation-answer API (src/modules/consultation/schemas.ts) and small helpers. */
import { api } from '../api';

export type AnswerStatus = 'registrerad' | 'fordelad' | 'enkat-pagar' | 'utkast' | 'beredd' | 'beslutad' | 'skickad' | 'ersatt';
export type JointStatus = 'samordnas' | 'godkand' | 'skickad';
export type MilestoneKind = 'survey-closes' | 'draft-ready' | 'beredning' | 'decision';

export interface Round {
  id: string;
  title: string;
  track: string;
  opensOn: string;
  closesOn: string;
  status: string;
  sender: string;
  supportTitle: string | null;
  versionLabel: string | null;
}

export interface Milestone {
  kind: MilestoneKind;
  dueOn: string;
  met: boolean;
  late: boolean;
}

export interface AnswerSummary {
  id: string;
  roundId: string;
  region: string;
  regionName: string;
  caseId: string;
  caseNumber: string;
  status: AnswerStatus;
  nextMilestone: Milestone | null;
  late: boolean;
  version: number;
}

export interface Section {
  id: string;
  position: number;
  heading: string;
  body: string;
  updatedBy: string | null;
  updatedAt: string;
  version: number;
}

export interface Comment {
  id: string;
  sectionId: string;
  body: string;
  author: string;
  createdAt: string;
  response: string | null;
  respondedBy: string | null;
  respondedAt: string | null;
  version: number;
}

export interface Question {
  id: string;
  kind: 'text' | 'scale' | 'yes-no';
  topic: 'praxis' | 'resurser' | 'konsekvenser' | 'ovrigt';
  text: string;
  required: boolean;
}

export interface Survey {
  id: string;
  answerId: string;
  title: string;
  intro: string | null;
  closesOn: string;
  status: 'oppen' | 'stangd';
  questions: Question[];
  recipients: { id: string; unit: string; name: string | null; email: string | null; respondedAt: string | null }[];
  responded: number;
  summary: {
    questionId: string;
    answered: number;
    texts?: { unit: string; text: string }[];
    average?: number | null;
    distribution?: number[];
    yes?: number;
    no?: number;
  }[];
  version: number;
}

export interface JointRef {
  id: string;
  healthcareRegionId: string;
  healthcareRegionName: string;
  status: JointStatus;
}

export interface Answer extends AnswerSummary {
  round: Round | null;
  groups: { id: string; name: string; kind: string; lead: boolean }[];
  leadGroupId: string | null;
  beredningGroup: { id: string; name: string | null } | null;
  decisionGroup: { id: string; name: string | null } | null;
  milestones: Milestone[];
  draftReady: boolean;
  preparedAt: string | null;
  preparationNote: string | null;
  decisionRef: string | null;
  decidedOn: string | null;
  sentOn: string | null;
  sentNote: string | null;
  supersedesAnswerId: string | null;
  supersededReason: string | null;
  sections: Section[];
  comments: Comment[];
  survey: Survey | null;
  jointAnswers: JointRef[];
  permissions: Record<
    | 'route'
    | 'editDraft'
    | 'comment'
    | 'respond'
    | 'sendSurvey'
    | 'startDraft'
    | 'markDraftReady'
    | 'prepare'
    | 'return'
    | 'decide'
    | 'send'
    | 'supersede',
    boolean
  >;
}

export interface Overview {
  today: string;
  rounds: (Round & { regions: { region: string; regionName: string; status: AnswerStatus }[]; jointAnswers: JointRef[] })[];
}

export interface Board {
  region: string;
  regionName: string;
  today: string;
  mayRegister: boolean;
  items: { round: Round; answer: AnswerSummary | null }[];
  groups: { id: string; name: string; kind: string }[];
}

export interface Settings {
  region: string;
  surveyClosesDays: number;
  draftReadyDays: number;
  beredningDays: number;
  decisionDays: number;
  beredningGroupId: string | null;
  decisionGroupId: string | null;
  version: number;
  mayEdit?: boolean;
}

export interface SurveyForm {
  surveyId: string;
  title: string;
  intro: string | null;
  regionName: string;
  roundTitle: string;
  closesOn: string;
  unit: string;
  questions: Question[];
  answers: Record<string, string | number | boolean> | null;
  respondedAt: string | null;
}

export interface JointAnswer {
  id: string;
  roundId: string;
  round: Round | null;
  healthcareRegionId: string;
  healthcareRegionName: string;
  coordinatingGroup: { id: string; name: string | null };
  approvingGroup: { id: string; name: string | null };
  status: JointStatus;
  approvalRef: string | null;
  approvedOn: string | null;
  sentOn: string | null;
  sections: Section[];
  inputs: {
    region: string;
    regionName: string;
    answerId: string | null;
    status: AnswerStatus | null;
    caseNumber: string | null;
    sections: { heading: string; body: string }[];
  }[];
  permissions: { edit: boolean; approve: boolean; send: boolean };
  version: number;
}

export const CONSULTATIONS_PATH = '/remisser';
export const boardPath = (region: string) => `${CONSULTATIONS_PATH}/region/${region}`;
export const answerPath = (id: string) => `${CONSULTATIONS_PATH}/svar/${id}`;
export const jointPath = (id: string) => `${CONSULTATIONS_PATH}/gemensamma-svar/${id}`;

export const loadAnswer = (id: string, signal?: AbortSignal) =>
  api.get<Answer>(`/api/v1/consultation-answers/${id}`, undefined, signal);

/** Today in Sweden, 'YYYY-MM-DD'. */
export { today as todaySweden } from '../clock';
