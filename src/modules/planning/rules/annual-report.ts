/**
 * The annual report (årsrapport) of a program area (RMPO, LPO): the kunskapsråd follows the
 * RMPOs' work through their verksamhetsplan and årsrapport (seed 001). A report is written as a
 * draft, submitted by the program area, and noted (tagen del av) by the group it reports to
 * (its kunskapsråd, or Jönköping's sjukvårdens ledningsgrupp), with that group's decision.
 * A submitted report is locked: its text is what was submitted.
 */
import { defineLifecycle, type GuardFailure } from '../../../platform/lifecycle/lifecycle.js';

export const REPORT_STATES = ['draft', 'submitted', 'noted'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

const after =
  (previous: ReportState, to: ReportState) =>
  (_facts: object, from: ReportState): GuardFailure | null =>
    from === previous
      ? null
      : { conflict: true, message: `En årsrapport som är "${REPORT_LABELS[from]}" kan inte bli "${REPORT_LABELS[to]}".` };

export const REPORT_LABELS: Record<ReportState, string> = { draft: 'utkast', submitted: 'inlämnad', noted: 'behandlad' };

export const annualReportLifecycle = defineLifecycle<ReportState, 'submit' | 'note', object>({
  entity: 'annual-report',
  noun: 'Årsrapporten',
  statuses: REPORT_STATES,
  labels: REPORT_LABELS,
  actions: {
    submit: {
      label: 'lämna in årsrapporten',
      from: ['draft', 'submitted'],
      to: 'submitted',
      guard: after('draft', 'submitted'),
      audit: 'submit',
    },
    note: {
      label: 'notera årsrapporten',
      from: ['draft', 'submitted'],
      to: 'noted',
      guard: after('submitted', 'noted'),
      audit: 'note',
    },
  },
  locked: ['submitted', 'noted'],
  final: ['noted'],
});
export type ReportAction = (typeof annualReportLifecycle.actionNames)[number];
export const REPORT_ACTION_TO: Record<'submitted' | 'noted', ReportAction> = { submitted: 'submit', noted: 'note' };

/** Which groups write annual reports: program areas, a region's (LPO) and a healthcare region's (RMPO). */
export function makesAnnualReports(g: { level: string; kind: string }): boolean {
  return g.kind === 'program-area' && (g.level === 'region' || g.level === 'healthcare-region');
}

/** A report covers a year that has begun (the product's today), and is submitted no earlier than its year. */
export function checkReportYear(year: number, today: string): string | null {
  return year > Number(today.slice(0, 4)) ? `Årsrapporten för ${year} kan inte skrivas före året.` : null;
}
