/**
 * The runs limits are computed from a table of ln(n!) and kept per (above, below) (issue 20:
 * the old computation summed logarithms for every binomial, quadratic in the points, for every
 * area on every request). These properties hold the new computation to the old one, kept here
 * as the reference, on random counts and on random series.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, runChart, runsLimits, runsProbability, type Point } from './spc.js';

function oldLogChoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  let s = 0;
  for (let j = 1; j <= k; j++) s += Math.log(n - k + j) - Math.log(j);
  return s;
}

function oldRunsProbability(n1: number, n2: number, r: number): number {
  if (n1 === 0 || n2 === 0) return r === 1 ? 1 : 0;
  const total = oldLogChoose(n1 + n2, n1);
  let lp: number;
  if (r % 2 === 0) {
    const k = r / 2;
    lp = Math.log(2) + oldLogChoose(n1 - 1, k - 1) + oldLogChoose(n2 - 1, k - 1);
  } else {
    const k = (r - 1) / 2;
    lp = Math.log(
      Math.exp(oldLogChoose(n1 - 1, k) + oldLogChoose(n2 - 1, k - 1)) +
        Math.exp(oldLogChoose(n1 - 1, k - 1) + oldLogChoose(n2 - 1, k)),
    );
  }
  return Number.isFinite(lp) ? Math.exp(lp - total) : 0;
}

function oldRunsLimits(n1: number, n2: number, tail = 0.025): { fewest: number; most: number } {
  const max = 2 * Math.min(n1, n2) + (n1 === n2 ? 0 : 1);
  let cum = 0;
  let fewest = 1;
  for (let r = 1; r <= max; r++) {
    cum += oldRunsProbability(n1, n2, r);
    if (cum > tail) {
      fewest = r;
      break;
    }
  }
  cum = 0;
  let most = max;
  for (let r = max; r >= 1; r--) {
    cum += oldRunsProbability(n1, n2, r);
    if (cum > tail) {
      most = r;
      break;
    }
  }
  return { fewest, most };
}

const series = (values: (number | null)[]): Point[] =>
  values.map((value, i) => ({ period: `2020-${String(i + 1).padStart(3, '0')}`, value }));

describe('runs limits from the ln(n!) table', () => {
  it('equal the old computation for every count of points above and below the median', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), (n1, n2) => {
        expect(runsLimits(n1, n2)).toEqual(oldRunsLimits(n1, n2));
        // Asked again: the kept answer, not a shared object a caller could change.
        const again = runsLimits(n1, n2);
        expect(again).toEqual(oldRunsLimits(n1, n2));
      }),
      { numRuns: 200 },
    );
  });

  it('give the same probabilities as the old computation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 }), fc.nat(400), (n1, n2, r) => {
        const a = runsProbability(n1, n2, r);
        const b = oldRunsProbability(n1, n2, r);
        expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1e-300, b) + 1e-300);
      }),
    );
  });

  it('leave the run chart of a random series as it was (gaps and ties included)', () => {
    const value = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 60 }));
    fc.assert(
      fc.property(fc.array(value, { minLength: 0, maxLength: 240 }), (v) => {
        const chart = runChart(series(v));
        const limits = chart.runsLimits;
        if (limits) {
          const pts = v.filter((x): x is number => x !== null);
          const m = chart.median!;
          const above = pts.filter((x) => x > m + 1e-9).length;
          const below = pts.filter((x) => x < m - 1e-9).length;
          expect(limits).toEqual(oldRunsLimits(above, below));
        }
        expect(analyse(series(v)).run).toEqual(chart);
      }),
      { numRuns: 300 },
    );
  });

  it('keep the published table: 20 useful points allow 7 to 15 runs', () => {
    expect(runsLimits(10, 10)).toEqual({ fewest: 7, most: 15 });
    expect(runsLimits(12, 12)).toEqual(oldRunsLimits(12, 12));
  });
});
