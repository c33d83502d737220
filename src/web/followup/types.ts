/** Shapes of the follow-up API (see the OpenAPI document, tag "Uppföljning" and "Införande och planer"). */
export const STATUSES = ['ej-paborjad', 'gap-analys', 'planerad', 'pagaende', 'inford', 'uppfoljd', 'ej-aktuell'] as const;
export type Status = (typeof STATUSES)[number];

export interface Indicator {
  id: string;
  code: string;
  goalId: string | null;
  name: string;
  definition: string;
  unit: string;
  direction: 'higher' | 'lower';
  periodicity: 'month' | 'quarter' | 'year';
  source: string;
  sourceName: string | null;
  targetValue: number | null;
  alertValue: number | null;
  programAreaId: string | null;
  version: number;
}

export interface Signal {
  chart: 'run' | 'control';
  rule: string;
  periods: string[];
  side: string | null;
  meaning: 'improvement' | 'deterioration' | 'unclear';
}

export interface Analysis {
  missingPeriods: string[];
  run: { median: number | null; usefulObservations: number; runs: number; notes: string[] };
  control: { mean: number | null; upperLimit: number | null; lowerLimit: number | null; notes: string[] };
}

export interface AreaSeries {
  area: string;
  name: string;
  values: (number | null)[];
  latest: { period: string; value: number } | null;
  meetsTarget: boolean | null;
  analysis: Analysis;
  signals: Signal[];
}

export interface SeriesResponse {
  indicator: Indicator;
  periods: string[];
  series: AreaSeries[];
}

export interface GoalNode {
  id: string;
  parentId: string | null;
  version: number;
  kind: 'promise' | 'goal';
  owner: string;
  title: string;
  description: string | null;
  children: GoalNode[];
  indicators: { id: string; code: string; name: string }[];
}

export interface HeatmapResponse {
  healthcareRegions: { id: string; name: string; regionCodes: string[] }[];
  regions: { code: string; name: string; shortName: string; healthcareRegionIds: string[] }[];
  supports: {
    id: string;
    title: string;
    type: string;
    programAreaIds: string[];
    statuses: (Status | null)[];
    implementedShare: number | null;
  }[];
  regionShares: { code: string; implemented: number; withStatus: number; share: number | null }[];
  total: number;
  limit: number;
  offset: number;
  asOf: string | null;
}

export interface RegionDrill {
  region: { code: string; name: string };
  groups: { id: string; name: string }[];
  supports: { id: string; title: string; regionStatus: Status | null; groupStatuses: (Status | null)[] }[];
  total: number;
}

export interface RowProblem {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface ValidationReport {
  header: string[];
  totalRows: number;
  validRows: number;
  problems: RowProblem[];
  fileProblems: string[];
  periods: string[];
  areas: string[];
}

export interface ImportStatus {
  id: string;
  status: 'rejected' | 'queued' | 'running' | 'done' | 'failed';
  totalRows: number;
  validRows: number;
  processedRows: number;
  importedRows: number;
  periods: string[];
  problems: RowProblem[];
  error: string | null;
}

export const RATIONALES = ['npo-plan', 'local-need', 'healthcare-region-decision', 'low-value-care'] as const;
export const PROGRESS = ['not-started', 'ongoing', 'done', 'cancelled'] as const;

export interface PlanItem {
  priority: number;
  title: string;
  rationaleKind: string;
  rationale: string | null;
  supportId: string | null;
  ownerName: string | null;
  startsOn: string | null;
  endsOn: string | null;
  workingGroupStartsOn: string | null;
  progress: string;
}

export interface PlanSummary {
  id: string;
  groupId: string;
  groupName: string;
  regionCode: string;
  startYear: number;
  endYear: number;
  title: string;
  state: 'drafted' | 'agreed' | 'established';
  agreedWith: string | null;
  decisionRef: string | null;
  establishedOn: string | null;
  version: number;
}

export interface Plan extends PlanSummary {
  items: PlanItem[];
  comparison: {
    previousStartYear: number;
    added: string[];
    removed: { title: string }[];
    reprioritised: { title: string; from: number; to: number }[];
  } | null;
}

export const PDSA_PHASES = ['plan', 'do', 'study', 'act', 'closed'] as const;
export type PdsaPhase = (typeof PDSA_PHASES)[number];

export interface Pdsa {
  id: string;
  indicatorId: string;
  groupId: string | null;
  version: number;
  regionCode: string;
  title: string;
  phase: PdsaPhase;
  plan: string | null;
  do: string | null;
  study: string | null;
  act: string | null;
  startedOn: string | null;
}

export interface ImplementationStatusRow {
  id: string;
  supportId: string;
  supportTitle: string;
  supportVersionId: string;
  versionLabel: string;
  regionCode: string;
  groupId: string | null;
  kind: 'implement' | 'phase-out';
  status: Status;
  notApplicableReason: string | null;
  decisionDate: string | null;
  decisionForum: string | null;
  decisionCaseRef: string | null;
  responsibleGroupId: string | null;
  plannedStart: string | null;
  plannedDone: string | null;
  actualStart: string | null;
  actualDone: string | null;
  notes: string | null;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface StatusHistoryItem {
  status: Status;
  validFrom: string;
  recordedAt: string;
}

const ORDER: Status[] = ['ej-paborjad', 'gap-analys', 'planerad', 'pagaende', 'inford', 'uppfoljd'];

/**
 * The states a status may move to (the server's rules/implementation.ts, mirrored so the form
 * offers only those): one step forward or back, "ej aktuell" before "införd", and from "ej
 * aktuell" back to the start.
 */
export function allowedNext(from: Status): Status[] {
  if (from === 'ej-aktuell') return ['ej-paborjad', 'gap-analys'];
  const i = ORDER.indexOf(from);
  const out: Status[] = [];
  if (i + 1 < ORDER.length) out.push(ORDER[i + 1]!);
  if (i > 0) out.push(ORDER[i - 1]!);
  if (i < ORDER.indexOf('inford')) out.push('ej-aktuell');
  return out;
}

/** Colours for the heatmap with at least 4.5:1 contrast against their text (checked by axe). */
export const STATUS_STYLE: Record<Status, { bg: string; fg: string; short: string }> = {
  'ej-paborjad': { bg: '#f2f2f2', fg: '#1a1a1a', short: 'EP' },
  'gap-analys': { bg: '#fde7c8', fg: '#1a1a1a', short: 'GA' },
  planerad: { bg: '#fff3a6', fg: '#1a1a1a', short: 'PL' },
  pagaende: { bg: '#b9dcf5', fg: '#1a1a1a', short: 'PÅ' },
  inford: { bg: '#1e6b3a', fg: '#ffffff', short: 'IN' },
  uppfoljd: { bg: '#0b4021', fg: '#ffffff', short: 'UF' },
  'ej-aktuell': { bg: '#ffffff', fg: '#4a4a4a', short: '–' },
};
