/**
 * Compensation amounts in integer öre: a taxable fee for the time spent plus travel (mileage
 * and other travel costs such as tickets). Integers only, so sums never drift.
 */
export const TIME_UNITS = ['meeting', 'half-day', 'full-day', 'hours'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

export interface Rates {
  meetingFeeOre: number;
  halfDayFeeOre: number;
  fullDayFeeOre: number;
  hourlyFeeOre: number;
  mileageOrePerKm: number;
}

export interface ClaimInput {
  timeUnit: TimeUnit;
  /** Only for `hours`: the time spent in whole minutes. */
  minutes?: number | null;
  distanceKm: number;
  travelCostsOre: number;
}

export interface Amounts {
  feeOre: number;
  mileageOre: number;
  travelCostsOre: number;
  totalOre: number;
}

/** Hourly fees are paid per started minute, rounded half up to whole öre, and never above a full day. */
export function feeFor(rates: Rates, unit: TimeUnit, minutes?: number | null): number {
  switch (unit) {
    case 'meeting':
      return rates.meetingFeeOre;
    case 'half-day':
      return rates.halfDayFeeOre;
    case 'full-day':
      return rates.fullDayFeeOre;
    case 'hours': {
      const m = minutes ?? 0;
      // integer arithmetic: (a * m + 30) / 60 rounded down is a*m/60 rounded half up
      const fee = Math.floor((rates.hourlyFeeOre * m + 30) / 60);
      return Math.min(fee, rates.fullDayFeeOre);
    }
  }
}

export function computeAmounts(rates: Rates, input: ClaimInput): Amounts {
  for (const [name, v] of Object.entries({ distanceKm: input.distanceKm, travelCostsOre: input.travelCostsOre })) {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must be a non-negative integer`);
  }
  const feeOre = feeFor(rates, input.timeUnit, input.minutes);
  const mileageOre = rates.mileageOrePerKm * input.distanceKm;
  return { feeOre, mileageOre, travelCostsOre: input.travelCostsOre, totalOre: feeOre + mileageOre + input.travelCostsOre };
}

/** The model in force on a date: the latest one whose validity starts on or before it. */
export function modelOn<M extends { validFrom: string }>(models: readonly M[], date: string): M | undefined {
  let best: M | undefined;
  for (const m of models) if (m.validFrom <= date && (!best || m.validFrom > best.validFrom)) best = m;
  return best;
}

/** "1 234,50 kr" — öre shown as kronor with a Swedish decimal comma, without floating point. */
export function formatKronor(ore: number): string {
  const sign = ore < 0 ? '−' : '';
  const abs = Math.abs(ore);
  const kr = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${sign}${kr},${String(abs % 100).padStart(2, '0')} kr`;
}

/** Parses "123,45" / "123.45" / "123" kronor into öre; undefined when it is not an amount. */
export function parseKronor(text: string): number | undefined {
  const m = /^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*(?:kr)?\s*$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}
