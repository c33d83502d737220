/** The consultation pages' types, from the contract (src/web/generated/api.ts), their paths and small helpers. */
import { $api, invalidate, type ApiResponse, type Schema } from '../client';

export type Answer = Schema<'ConsultationAnswer'>;
export type AnswerSummary = Schema<'ConsultationAnswerSummary'>;
export type AnswerStatus = Answer['status'];
export type AnswerAction = Answer['allowedActions'][number];
export type Survey = Schema<'ConsultationSurvey'>;
export type Question = Survey['questions'][number];
export type Section = Answer['sections'][number];
export type Comment = Answer['comments'][number];
export type Milestone = Answer['milestones'][number];
export type MilestoneKind = Milestone['kind'];
export type JointAnswer = Schema<'ConsultationJointAnswer'>;
export type JointStatus = JointAnswer['status'];
export type JointRef = Answer['jointAnswers'][number];
export type Round = NonNullable<Answer['round']>;
export type Overview = ApiResponse<'/consultation-overview'>;
export type Board = ApiResponse<'/consultation-board'>;
export type Settings = ApiResponse<'/consultation-settings/{region}'>;
export type SurveyForm = ApiResponse<'/survey-form/{id}'>;

export const CONSULTATIONS_PATH = '/remisser';
export const boardPath = (region: string) => `${CONSULTATIONS_PATH}/region/${region}`;
export const answerPath = (id: string) => `${CONSULTATIONS_PATH}/svar/${id}`;
export const jointPath = (id: string) => `${CONSULTATIONS_PATH}/gemensamma-svar/${id}`;

/** One answer, kept fresh by TanStack Query (every write below invalidates it). */
export const useAnswer = (id: string) => $api.useQuery('get', '/consultation-answers/{id}', { params: { path: { id } } });

/** After a write on an answer: refetch it and the lists that show its state. */
export const answerChanged = () =>
  Promise.all([invalidate('/consultation-answers'), invalidate('/consultation-board'), invalidate('/consultation-overview')]);

/** A file the API serves for download (a plain link: the browser saves it). */
export const downloadHref = (path: string) => `/api/v1${path}`;

/** Today in Sweden, 'YYYY-MM-DD'. */
export { today as todaySweden } from '../clock';
