/** Helpers of the knowledge-support area; the API's shapes come from the generated client. */
import type { ApiResponse } from '../client';
import type { I18n } from '../i18n';

/** The support's page in one answer (GET /knowledge-supports/{id}). */
export type SupportDetail = ApiResponse<'/knowledge-supports/{id}'>;
export type KnowledgeSupport = SupportDetail['support'];
export type SupportVersion = SupportDetail['versions'][number];
export type LocalAddition = SupportDetail['localAdditions'][number];
export type SupportAction = KnowledgeSupport['allowedActions'][number];
export type VersionAction = SupportVersion['allowedActions'][number];

/** The lifecycle's actions (the rest of allowedActions are edits), in the order the buttons show them. */
export const LIFECYCLE_ACTIONS = ['remit', 'takeBack', 'decide', 'publish', 'revise', 'replace', 'repeal'] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];
export const lifecycleMoves = (actions: readonly string[]): LifecycleAction[] =>
  LIFECYCLE_ACTIONS.filter((a) => actions.includes(a));

export const KNOWLEDGE_PATH = '/kunskapsstod';
export const ROUNDS_PATH = '/kunskapsstod/remissomgangar';
export const supportHref = (id: string) => `${KNOWLEDGE_PATH}/stod/${encodeURIComponent(id)}`;
export const editSupportHref = (id: string) => `${KNOWLEDGE_PATH}/stod/${encodeURIComponent(id)}/andra`;
export const newRoundHref = (versionId: string) => `${ROUNDS_PATH}/ny?version=${encodeURIComponent(versionId)}`;
/** The answers area (remisser) shows a round's answers; it owns that page. */
export const roundAnswersHref = (roundId: string) => `/remisser?omgang=${encodeURIComponent(roundId)}`;

export const SUPPORT_TYPES = [
  'kliniskt-kunskapsstod',
  'vardforlopp',
  'vardprogram',
  'vardriktlinje',
  'standardiserat-vardforlopp',
  'vard-och-insatsprogram',
  'nationella-riktlinjer',
  'regionalt-vardprogram',
  'regional-riktlinje',
  'rutin',
] as const;
export const CATALOGUE_IMPORT_PATH = '/kunskapsstod/katalogimport';
export const STATUSES = [
  'under-framtagande',
  'pa-remiss',
  'beslutad',
  'publicerad',
  'under-revision',
  'ersatt',
  'upphavd',
] as const;
export const PRODUCER_KINDS = ['npo', 'nag', 'rcc', 'agency', 'other'] as const;
export const DIMENSIONS = ['population', 'resources', 'organisation', 'competence', 'patient-safety', 'ethics'] as const;
export const SIGNIFICANCES = ['none', 'minor', 'significant'] as const;
export { ALL_TRACKS as TRACKS } from '../../shared/round-vocabulary';
export const DOC_KINDS = ['utkast', 'missiv', 'konsekvensbeskrivning', 'svarsmall'] as const;

export const STATUS_BADGE: Record<string, string> = {
  'under-framtagande': 'badge-partial',
  'pa-remiss': 'badge-weak',
  beslutad: 'badge-ok',
  publicerad: 'badge-ok',
  'under-revision': 'badge-partial',
  ersatt: 'badge-old',
  upphavd: 'badge-none',
};

export const PHASE_BADGE: Record<string, string> = {
  planerad: 'badge-partial',
  oppen: 'badge-ok',
  stangd: 'badge-old',
  avbruten: 'badge-none',
};

export interface RoundDocument {
  id: string;
  kind: string;
  title: string;
  url: string | null;
  fileName: string | null;
  sizeBytes: number | null;
  downloadUrl: string | null;
}

export interface ConsultationRound {
  id: string;
  supportId: string;
  supportTitle: string;
  supportVersionId: string;
  versionLabel: string;
  track: string;
  opensOn: string;
  closesOn: string;
  status: string;
  phase: string;
  title: string;
  sender: string;
  proposedTrack: string;
  trackOverridden: boolean;
  datesOverridden: boolean;
  overrideReason: string | null;
  recipients: { type: string; id: string; name: string }[];
  documents: RoundDocument[];
  version: number;
}

export interface Proposal {
  supportVersionId: string;
  supportId: string;
  supportTitle: string;
  versionLabel: string;
  versionStatus: string;
  today: string;
  proposedTrack: string;
  because: string[];
  proposedOpensOn: string;
  proposedClosesOn: string;
  track: string;
  opensOn: string;
  closesOn: string;
  trackOverridden: boolean;
  datesOverridden: boolean;
  errors: { path: string; message: string }[];
}

const label = (i18n: I18n, prefix: string, code: string) => i18n.tMaybe(`${prefix}.${code}`) ?? code;
export const typeLabel = (i18n: I18n, c: string) => label(i18n, 'knowledge.type', c);
export const statusLabel = (i18n: I18n, c: string) => label(i18n, 'knowledge.status', c);
export const producerKindLabel = (i18n: I18n, c: string) => label(i18n, 'knowledge.producerKind', c);
export const dimensionLabel = (i18n: I18n, c: string) => label(i18n, 'knowledge.dimension', c);
export const significanceLabel = (i18n: I18n, c: string) => label(i18n, 'knowledge.significance', c);
export const trackLabel = (i18n: I18n, c: string) => label(i18n, 'knowledge.track', c);
export const phaseLabel = (i18n: I18n, c: string) => label(i18n, 'knowledge.rounds.phase', c);
export const docLabel = (i18n: I18n, c: string) => label(i18n, 'knowledge.doc', c);
export const gradeLabel = (i18n: I18n, c: string) => label(i18n, 'knowledge.grade', c);
export const actionLabel = (i18n: I18n, c: string) => label(i18n, 'knowledge.action', c);

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const knowledgeCrumbs = (i18n: I18n) => [
  { to: '/', label: i18n.t('nav.start') },
  { to: KNOWLEDGE_PATH, label: i18n.t('knowledge.title') },
];
