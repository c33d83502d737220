/**
 * Gallring as pure rules: what the retention rules (data, see migrations 0010 and 0042) say
 * about a kind of record on a given day. The job (run-gallring.ts) asks these and touches only
 * the kinds whose rule says 'gallras' with a period, and for which Navet knows how to remove.
 */

export type Disposition = 'gallras' | 'bevaras';

/** What the gallring job does with a kind of record. */
export type GallringAction =
  | 'remove' // the rule says gallras, the period has a length and Navet knows the records
  | 'archive' // the rule says bevaras and the records are closed cases: candidates for the e-archive
  | 'keep' // the rule says bevaras: nothing is removed
  | 'manual'; // gallras, but without a period or without a known way to remove: nothing is touched

/** The kinds of record the job can remove, and how each finds its records (in the repository). */
export const REMOVABLE = ['compensation-claim'] as const;
export type RemovableType = (typeof REMOVABLE)[number];
export const isRemovable = (t: string): t is RemovableType => (REMOVABLE as readonly string[]).includes(t);

/** The kinds whose kept records go to the e-archive when closed. */
export const ARCHIVABLE = ['case'] as const;

export function gallringAction(rule: {
  recordType: string;
  disposition: Disposition;
  retentionYears: number | null;
}): GallringAction {
  if (rule.disposition === 'bevaras') return (ARCHIVABLE as readonly string[]).includes(rule.recordType) ? 'archive' : 'keep';
  if (rule.retentionYears === null || !isRemovable(rule.recordType)) return 'manual';
  return 'remove';
}

/**
 * The first day that is still kept: records dated before it have passed their period. A period
 * runs from the end of the calendar year of the record's date (bokföringslagen 7 kap. 2 §), so a
 * claim of 2018 with seven years is kept through 2025-12-31 and removed from 2026-01-01 on.
 */
export function gallringCutoff(today: string, years: number): string {
  const year = Number(today.slice(0, 4)) - years;
  return `${String(year).padStart(4, '0')}-01-01`;
}
