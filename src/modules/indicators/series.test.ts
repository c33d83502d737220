/**
 * The series' analyses are kept per series (issue 20). A kept answer must be the answer a fresh
 * analysis gives, for every series asked again, and never one kept for another series.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from './rules/spc.js';
import { analyseOnce } from './series.js';

const months = (n: number, start = 0) =>
  Array.from({ length: n }, (_, i) => {
    const m = start + i;
    return `${2015 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });

const fresh = (points: { period: string; value: number | null }[]) => {
  const { points: _p, ...analysis } = analyse(points);
  void _p;
  return analysis;
};

describe('the kept series analysis', () => {
  it('equals a fresh analysis, asked once or again', () => {
    const value = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 20 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 130 }), fc.nat(24), (values, start) => {
        const points = months(values.length, start).map((period, i) => ({ period, value: values[i]! }));
        expect(analyseOnce(points)).toEqual(fresh(points));
        expect(analyseOnce(points)).toEqual(fresh(points));
      }),
      { numRuns: 300 },
    );
  });

  it('tells apart series that differ only in a missing value, a value or where they start', () => {
    const a = months(14).map((period, i) => ({ period, value: i === 3 ? null : i % 5 }));
    const b = a.map((p, i) => (i === 3 ? { ...p, value: 0 } : p));
    const c = months(14, 1).map((period, i) => ({ period, value: a[i]!.value }));
    for (const s of [a, b, c, a]) expect(analyseOnce(s)).toEqual(fresh(s));
    expect(analyseOnce(a).missingPeriods).toEqual([a[3]!.period]);
    expect(analyseOnce(c).missingPeriods).toEqual([c[3]!.period]);
  });
});
