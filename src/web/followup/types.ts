/**
 * Follow-up's types, from the generated contract (src/web/generated/api.ts): nothing here
 * restates an API shape, except the series' analysis, which the API documents as free-form.
 */
import type { ApiResponse, Schema } from '../client';

export type Status = Schema<'ImplementationStatus'>['status'];
/** The statuses in the order the legend and the status page list them. */
export const STATUSES: readonly Status[] = [
  'ej-paborjad',
  'gap-analys',
  'planerad',
  'pagaende',
  'inford',
  'uppfoljd',
  'ej-aktuell',
];

/** The status whose reason the form asks for, and those that need the date the work was done. */
export const NOT_APPLICABLE: Status = 'ej-aktuell';
export const IMPLEMENTED: ReadonlySet<Status> = new Set<Status>(['inford', 'uppfoljd']);

export type Indicator = Schema<'Indicator'>;
export type GoalNode = Schema<'GoalNode'>;
export type GoalTree = ApiResponse<'/goals'>;

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
  level: 'country' | 'healthcare-region' | 'region';
  values: (number | null)[];
  latest: { period: string; value: number } | null;
  meetsTarget: boolean | null;
  analysis: Analysis;
  signals: Signal[];
}

/** The series answer, with its free-form analysis read as the charts read it. */
export type SeriesResponse = Omit<ApiResponse<'/indicators/{id}/series'>, 'series'> & { series: AreaSeries[] };

export type HeatmapResponse = ApiResponse<'/implementation/heatmap'>;
export type RegionDrill = ApiResponse<'/implementation/regions/{code}'>;
export type ValidationReport = ApiResponse<'/indicators/{id}/imports', 'post'>;
export type ImportStatus = Schema<'ImportStatus'>;
export type RowProblem = ImportStatus['problems'][number];

export type Plan = ApiResponse<'/plans/{id}'>;
export type PlanSummary = ApiResponse<'/plans'>['items'][number];
export type PlanItem = Plan['items'][number];
/** The option lists of a plan item's form. */
export const RATIONALES: readonly PlanItem['rationaleKind'][] = [
  'npo-plan',
  'local-need',
  'healthcare-region-decision',
  'low-value-care',
];
export const PROGRESS: readonly PlanItem['progress'][] = ['not-started', 'ongoing', 'done', 'cancelled'];

export type Pdsa = ApiResponse<'/indicators/{id}/pdsa-cycles'>['items'][number];
export type PdsaPhase = Pdsa['phase'];

export type ImplementationStatusRow = Schema<'ImplementationStatus'>;
export type StatusHistoryItem = ApiResponse<'/implementation-statuses/{id}/history'>['items'][number];

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
