/**
 * Compensation amounts in integer öre: a taxable fee for the time spent, travel (mileage and
 * other travel costs such as tickets) and documented loss of income up to the model's cap.
 * Integers only, so sums never drift.
 */
export const TIME_UNITS = ['meeting', 'half-day', 'full-day', 'hours'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

export interface Rates {
  meetingFeeOre: number;
  halfDayFeeOre: number;
  fullDayFeeOre: number;
  hourlyFeeOre: number;
  mileageOrePerKm: number;
  /** Loss of income paid per assignment day at most; null (or absent in older claims' copies): not compensated. */
  lossOfIncomeMaxOrePerDay?: number | null;
}

export interface ClaimInput {
  timeUnit: TimeUnit;
  /** Only for `hours`: the time spent in whole minutes. */
  minutes?: number | null;
  distanceKm: number;
  travelCostsOre: number;
  /** The documented loss of income for the day (intyg), öre. */
  lossOfIncomeOre?: number;
}

export interface Amounts {
  feeOre: number;
  mileageOre: number;
  travelCostsOre: number;
  lossOfIncomeOre: number;
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
  const claimedLoss = input.lossOfIncomeOre ?? 0;
  for (const [name, v] of Object.entries({
    distanceKm: input.distanceKm,
    travelCostsOre: input.travelCostsOre,
    lossOfIncomeOre: claimedLoss,
  })) {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must be a non-negative integer`);
  }
  const feeOre = feeFor(rates, input.timeUnit, input.minutes);
  const mileageOre = rates.mileageOrePerKm * input.distanceKm;
  const lossOfIncomeOre = Math.min(claimedLoss, rates.lossOfIncomeMaxOrePerDay ?? 0);
  return {
    feeOre,
    mileageOre,
    travelCostsOre: input.travelCostsOre,
    lossOfIncomeOre,
    totalOre: feeOre + mileageOre + input.travelCostsOre + lossOfIncomeOre,
  };
}

/** A model's dated period: from `validFrom`, through `validTo` (inclusive) or open when null. */
export interface Period {
  validFrom: string;
  validTo?: string | null;
}

const covers = (m: Period, date: string) => m.validFrom <= date && (m.validTo == null || date <= m.validTo);

/**
 * The model in force on a date: the one whose period covers it (the latest start, should an old
 * open-ended model still overlap); undefined is a gap: "Ersättningsnivåer saknas för perioden".
 */
export function modelOn<M extends Period>(models: readonly M[], date: string): M | undefined {
  let best: M | undefined;
  for (const m of models) if (covers(m, date) && (!best || m.validFrom > best.validFrom)) best = m;
  return best;
}

/** Whether two periods share a day. */
export const overlaps = (a: Period, b: Period) =>
  (a.validTo == null || b.validFrom <= a.validTo) && (b.validTo == null || a.validFrom <= b.validTo);

/**
 * The days from `from` through `to` that no model covers, as periods: what the rates page shows as
 * "Ersättningsnivåer saknas för perioden". An open end is `null`.
 */
export function gapsIn(models: readonly Period[], from: string, to: string | null): { from: string; to: string | null }[] {
  const sorted = [...models].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const gaps: { from: string; to: string | null }[] = [];
  let cursor: string | null = from;
  for (const m of sorted) {
    if (cursor === null || (to !== null && cursor > to)) break;
    if (m.validTo != null && m.validTo < cursor) continue;
    if (m.validFrom > cursor) {
      const end = dayBefore(m.validFrom);
      gaps.push({ from: cursor, to: to !== null && end > to ? to : end });
    }
    cursor = m.validTo == null ? null : dayAfter(m.validTo);
  }
  if (cursor !== null && (to === null || cursor <= to)) gaps.push({ from: cursor, to });
  return gaps;
}

const shift = (d: string, n: number) => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
};
const dayBefore = (d: string) => shift(d, -1);
const dayAfter = (d: string) => shift(d, 1);

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
