/**
 * Rotation of chair and secretary between the regions of a body in fixed periods (seed 001:
 * two-year periods in Sydöstra's samverkansnämnd and regionsjukvårdsledning). Without I/O.
 */
import type { FieldError } from '../../../platform/errors.js';
import { addDays } from '../../people/index.js';
import { addYears } from '../../people/index.js';
import type { CompositionRule } from './composition.js';

export interface RotationPeriod {
  index: number;
  startDate: string;
  endDate: string;
  region: string;
}

type RotationRule = Pick<CompositionRule, 'roles' | 'years' | 'regionOrder' | 'anchorDate'>;

const yearOf = (d: string) => Number(d.slice(0, 4));

/** The period (of any index, also before the anchor) that contains `date`. */
export function periodAt(rule: RotationRule, date: string): RotationPeriod | null {
  if (!rule.anchorDate || !rule.years || rule.regionOrder.length === 0) return null;
  let k = Math.floor((yearOf(date) - yearOf(rule.anchorDate)) / rule.years) - 1;
  // Step to the period whose start is the last one on or before the date (anniversaries are not 1 January everywhere).
  while (addYears(rule.anchorDate, (k + 1) * rule.years) <= date) k++;
  while (addYears(rule.anchorDate, k * rule.years) > date) k--;
  return period(rule, k);
}

function period(rule: RotationRule, k: number): RotationPeriod {
  const years = rule.years!;
  const n = rule.regionOrder.length;
  return {
    index: k,
    startDate: addYears(rule.anchorDate!, k * years),
    endDate: addDays(addYears(rule.anchorDate!, (k + 1) * years), -1),
    region: rule.regionOrder[((k % n) + n) % n]!,
  };
}

/** The periods that overlap [from, to]. */
export function rotationSchedule(rule: RotationRule, from: string, to: string): RotationPeriod[] {
  const first = periodAt(rule, from);
  if (!first) return [];
  const out: RotationPeriod[] = [];
  for (let k = first.index; out.length < 100; k++) {
    const p = period(rule, k);
    if (p.startDate > to) break;
    out.push(p);
  }
  return out;
}

/**
 * An appointment to a rotating role must come from the region whose turn it is on its first
 * day, and should not run past the end of that turn. A seat whose region is unknown is not
 * judged here (the composition check asks for it).
 */
export function checkRotation(
  rule: RotationRule,
  seat: { role: string; represents: string | null; startDate: string; endDate: string | null },
  names: ReadonlyMap<string, string> = new Map(),
): FieldError[] {
  if (!rule.roles.includes(seat.role) || !seat.represents) return [];
  const p = periodAt(rule, seat.startDate);
  if (!p) return [];
  const name = (r: string) => names.get(r) ?? r;
  const errors: FieldError[] = [];
  if (p.region !== seat.represents) {
    errors.push({
      path: 'represents',
      message: `Rotationen: perioden ${p.startDate}–${p.endDate} är det ${name(p.region)}s tur, inte ${name(seat.represents)}s.`,
    });
  } else if (seat.endDate === null || seat.endDate > p.endDate) {
    errors.push({
      path: 'endDate',
      message: `Rotationen: ${name(p.region)}s period slutar ${p.endDate}; uppdraget ska inte löpa längre.`,
    });
  }
  return errors;
}
