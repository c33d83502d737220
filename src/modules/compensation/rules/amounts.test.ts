import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeAmounts,
  feeFor,
  formatKronor,
  gapsIn,
  modelOn,
  overlaps,
  parseKronor,
  TIME_UNITS,
  type Rates,
} from './amounts.js';

const example: Rates = {
  meetingFeeOre: 50000,
  halfDayFeeOre: 90000,
  fullDayFeeOre: 180000,
  hourlyFeeOre: 22500,
  mileageOrePerKm: 250,
};

describe('compensation amounts (integer öre)', () => {
  it('pays the fee of the time unit, mileage per km and travel costs as given', () => {
    expect(computeAmounts(example, { timeUnit: 'half-day', distanceKm: 112, travelCostsOre: 4500 })).toEqual({
      feeOre: 90000,
      mileageOre: 28000,
      travelCostsOre: 4500,
      lossOfIncomeOre: 0,
      totalOre: 122500,
    });
    expect(computeAmounts(example, { timeUnit: 'meeting', distanceKm: 0, travelCostsOre: 0 }).totalOre).toBe(50000);
    expect(feeFor(example, 'full-day')).toBe(180000);
  });

  it('pays hours per minute, rounded half up to whole öre, capped at a full day', () => {
    expect(feeFor(example, 'hours', 60)).toBe(22500);
    expect(feeFor(example, 'hours', 90)).toBe(33750);
    // 333 öre/h × 1 min = 5.55 öre → 6
    expect(feeFor({ ...example, hourlyFeeOre: 333 }, 'hours', 1)).toBe(6);
    // 330 öre/h × 1 min = 5.5 öre → 6 (half up), 324 → 5.4 → 5
    expect(feeFor({ ...example, hourlyFeeOre: 330 }, 'hours', 1)).toBe(6);
    expect(feeFor({ ...example, hourlyFeeOre: 324 }, 'hours', 1)).toBe(5);
    expect(feeFor(example, 'hours', 12 * 60)).toBe(180000);
  });

  it('refuses negative or fractional travel input', () => {
    expect(() => computeAmounts(example, { timeUnit: 'meeting', distanceKm: -1, travelCostsOre: 0 })).toThrow(RangeError);
    expect(() => computeAmounts(example, { timeUnit: 'meeting', distanceKm: 1.5, travelCostsOre: 0 })).toThrow(RangeError);
  });

  const rates = fc.record({
    meetingFeeOre: fc.integer({ min: 0, max: 10_000_000 }),
    halfDayFeeOre: fc.integer({ min: 0, max: 10_000_000 }),
    fullDayFeeOre: fc.integer({ min: 0, max: 10_000_000 }),
    hourlyFeeOre: fc.integer({ min: 0, max: 10_000_000 }),
    mileageOrePerKm: fc.integer({ min: 0, max: 100_000 }),
  });
  const input = fc.record({
    timeUnit: fc.constantFrom(...TIME_UNITS),
    minutes: fc.integer({ min: 1, max: 1440 }),
    distanceKm: fc.integer({ min: 0, max: 10_000 }),
    travelCostsOre: fc.integer({ min: 0, max: 10_000_000 }),
  });

  it('property: every amount is a non-negative integer and the total is exactly their sum', () => {
    fc.assert(
      fc.property(rates, input, (r, i) => {
        const a = computeAmounts(r, i);
        for (const v of Object.values(a)) expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
        expect(a.totalOre).toBe(a.feeOre + a.mileageOre + a.travelCostsOre);
        expect(a.mileageOre).toBe(r.mileageOrePerKm * i.distanceKm);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: an hourly fee never exceeds a full day and never falls with more minutes', () => {
    fc.assert(
      fc.property(rates, fc.integer({ min: 1, max: 1439 }), (r, m) => {
        expect(feeFor(r, 'hours', m)).toBeLessThanOrEqual(r.fullDayFeeOre);
        expect(feeFor(r, 'hours', m + 1)).toBeGreaterThanOrEqual(feeFor(r, 'hours', m));
        // within half an öre of the exact fraction, unless capped
        const exact = (r.hourlyFeeOre * m) / 60;
        if (exact <= r.fullDayFeeOre) expect(Math.abs(feeFor(r, 'hours', m) - exact)).toBeLessThanOrEqual(0.5);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: summing many claims in öre has no drift (kronor formatting round-trips)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000_000 }), { maxLength: 200 }), (ores) => {
        const sum = ores.reduce((s, o) => s + o, 0);
        expect(
          parseKronor(
            formatKronor(sum)
              .replace(/\u00a0/g, '')
              .replace(' kr', ''),
          ),
        ).toBe(sum);
      }),
    );
  });

  it('formats and parses Swedish kronor', () => {
    expect(formatKronor(122500)).toBe('1\u00a0225,00 kr');
    expect(formatKronor(5)).toBe('0,05 kr');
    expect(parseKronor('45,5')).toBe(4550);
    expect(parseKronor('45.50 kr')).toBe(4550);
    expect(parseKronor('12')).toBe(1200);
    expect(parseKronor('-3')).toBeUndefined();
    expect(parseKronor('1,234')).toBeUndefined();
  });

  it('picks the model in force on the date, so old claims keep old rates', () => {
    const models = [
      { id: 'a', validFrom: '2024-01-01' },
      { id: 'b', validFrom: '2026-01-01' },
      { id: 'c', validFrom: '2025-01-01' },
    ];
    expect(modelOn(models, '2023-12-31')).toBeUndefined();
    expect(modelOn(models, '2024-06-30')?.id).toBe('a');
    expect(modelOn(models, '2025-12-31')?.id).toBe('c');
    expect(modelOn(models, '2026-01-01')?.id).toBe('b');
  });
});

describe('dated models (issue 21, item 20): periods, gaps and loss of income', () => {
  const h1 = { validFrom: '2026-01-01', validTo: '2026-06-30' };
  const h2 = { validFrom: '2026-07-01', validTo: null };
  it('takes the model whose period covers the day; none is a gap', () => {
    expect(modelOn([h1], '2026-06-30')).toBe(h1);
    expect(modelOn([h1], '2026-07-01')).toBeUndefined();
    expect(modelOn([h1, h2], '2027-03-01')).toBe(h2);
    expect(modelOn([], '2026-03-12')).toBeUndefined();
  });
  it('finds the days no model covers from a date on', () => {
    expect(gapsIn([], '2026-01-01', null)).toEqual([{ from: '2026-01-01', to: null }]);
    expect(gapsIn([h1], '2026-01-01', null)).toEqual([{ from: '2026-07-01', to: null }]);
    expect(gapsIn([h1, h2], '2026-01-01', null)).toEqual([]);
    expect(gapsIn([{ validFrom: '2026-03-01', validTo: '2026-03-31' }], '2026-01-01', '2026-12-31')).toEqual([
      { from: '2026-01-01', to: '2026-02-28' },
      { from: '2026-04-01', to: '2026-12-31' },
    ]);
  });
  it('says when two periods share a day', () => {
    expect(overlaps(h1, h2)).toBe(false);
    expect(overlaps(h1, { validFrom: '2026-06-30', validTo: null })).toBe(true);
    expect(overlaps({ validFrom: '2025-01-01', validTo: null }, h1)).toBe(true);
  });
  it('pays documented loss of income up to the cap, and none when the model has no cap', () => {
    const capped = { ...example, lossOfIncomeMaxOrePerDay: 120000 };
    const input = { timeUnit: 'meeting' as const, distanceKm: 0, travelCostsOre: 0, lossOfIncomeOre: 150000 };
    expect(computeAmounts(capped, input)).toMatchObject({ lossOfIncomeOre: 120000, totalOre: 170000 });
    expect(computeAmounts(capped, { ...input, lossOfIncomeOre: 80000 }).lossOfIncomeOre).toBe(80000);
    expect(computeAmounts(example, input).lossOfIncomeOre).toBe(0);
  });
});
