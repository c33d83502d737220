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

export interface PlanItem {
  priority: number;
  title: string;
  rationaleKind: string;
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
  decisionRef: string | null;
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

export interface Pdsa {
  id: string;
  regionCode: string;
  title: string;
  phase: string;
  plan: string | null;
  do: string | null;
  study: string | null;
  act: string | null;
  startedOn: string | null;
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
