/** Shapes and helpers of the knowledge-support area (the API's KnowledgeSupport, versions, rounds). */
import type { I18n } from '../i18n';

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
] as const;
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
export const TRACKS = ['synpunktsinhamtning', 'oppen-remiss'] as const;
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

export interface KnowledgeSupport {
  id: string;
  type: string;
  typeLabel: string;
  title: string;
  status: string;
  statusLabel: string;
  allowedTransitions: string[];
  producerKind: string;
  producerGroupId: string | null;
  producerGroupName: string | null;
  producerName: string | null;
  sender: string | null;
  url: string | null;
  summary: string | null;
  targetGroups: string[];
  programAreaIds: string[];
  nextRevisionDate: string | null;
  validFrom: string | null;
  validUntil: string | null;
  replacedBySupportId: string | null;
  statusReason: string | null;
  isDemo: boolean;
  version: number;
}

export interface Consequence {
  dimension: string;
  significance: string;
  text: string | null;
  described: boolean;
}

export interface SupportVersion {
  id: string;
  supportId: string;
  label: string;
  status: string;
  allowedTransitions: string[];
  changeSummary: string | null;
  url: string | null;
  decidedOn: string | null;
  publishedOn: string | null;
  validFrom: string | null;
  validUntil: string | null;
  consequences: Consequence[];
  proposedTrack: string;
  proposedTrackBecause: string[];
  version: number;
}

export interface Recommendation {
  id: string;
  code: string | null;
  condition: string;
  measure: string;
  grade: string;
  priority: number | null;
  comment: string | null;
  version: number;
}

export interface LocalAddition {
  id: string;
  kind: string;
  ownerGroupId: string;
  ownerGroupName: string;
  regionCode: string;
  regionName: string;
  title: string;
  body: string | null;
  url: string | null;
  status: string;
  reviewDate: string | null;
  mayEdit: boolean;
  version: number;
}

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

export interface SupportDetail {
  support: KnowledgeSupport;
  versions: SupportVersion[];
  recommendations: Recommendation[];
  localAdditions: LocalAddition[];
  rounds: ConsultationRound[];
  replacedBy: { id: string; title: string } | null;
  permissions: { edit: boolean; createRound: boolean; localOwners: { id: string; name: string; owner: string }[] };
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

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const knowledgeCrumbs = (i18n: I18n) => [
  { to: '/', label: i18n.t('nav.start') },
  { to: KNOWLEDGE_PATH, label: i18n.t('knowledge.title') },
];
