import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyse,
  controlChart,
  countRuns,
  median,
  runChart,
  runsLimits,
  runsProbability,
  signalMeaning,
  type Point,
} from './spc.js';

const series = (values: (number | null)[]): Point[] =>
  values.map((value, i) => ({ period: `2026-${String(i + 1).padStart(2, '0')}`, value }));
const rules = (s: { signals: { rule: string }[] }) => s.signals.map((x) => x.rule).sort();

describe('run chart (Perla, Provost & Murray 2011)', () => {
  it('finds a shift of six points below and six above the median', () => {
    const r = runChart(series([1, 2, 1, 2, 1, 2, 5, 6, 5, 6, 5, 6]));
    expect(r.median).toBe(3.5);
    const shifts = r.signals.filter((s) => s.rule === 'shift');
    expect(shifts.map((s) => [s.side, s.indices.length])).toEqual([
      ['below', 6],
      ['above', 6],
    ]);
  });

  it('five points on one side is not a shift; points on the median neither break nor add', () => {
    expect(rules(runChart(series([1, 1, 1, 1, 1, 9, 9, 9, 9, 9, 5])))).not.toContain('shift');
    // 6 above with a point on the median in between: still a shift of 6
    const r = runChart(series([9, 9, 9, 5, 9, 9, 9, 1, 1, 1, 1, 1, 1, 5, 5]));
    expect(r.median).toBe(5);
    expect(r.signals.filter((s) => s.rule === 'shift').map((s) => s.indices)).toEqual([
      [0, 1, 2, 4, 5, 6],
      [7, 8, 9, 10, 11, 12],
    ]);
  });

  it('finds a trend of five rising points, skipping equal neighbours', () => {
    const r = runChart(series([5, 8, 7, 9, 1, 2, 3, 3, 4, 5, 2, 6, 8, 1]));
    const t = r.signals.filter((s) => s.rule === 'trend');
    expect(t).toHaveLength(1);
    expect(t[0]!.side).toBe('up');
    expect(t[0]!.indices).toEqual([4, 5, 6, 8, 9]);
  });

  it('runs limits follow Swed & Eisenhart: 20 useful points allow 7 to 15 runs', () => {
    expect(runsLimits(10, 10)).toEqual({ fewest: 7, most: 15 });
    expect(runsLimits(5, 5)).toEqual({ fewest: 3, most: 9 });
    let total = 0;
    for (let r = 1; r <= 20; r++) total += runsProbability(10, 10, r);
    expect(total).toBeCloseTo(1, 10);
  });

  it('signals too few runs (a slow drift) and too many runs (alternation)', () => {
    const drift = series([1, 2, 3, 4, 1, 2, 3, 4, 2, 3, 7, 8, 9, 10, 7, 8, 9, 10, 8, 9]);
    expect(rules(runChart(drift))).toContain('too-few-runs');
    const saw = series(Array.from({ length: 20 }, (_, i) => (i % 2 ? 10 : 1)));
    const r = runChart(saw);
    expect(r.runs).toBe(20);
    expect(rules(r)).toContain('too-many-runs');
  });

  it('says honestly when there are too few points for the rules', () => {
    const r = runChart(series([1, 2, 3, 4, 5, 6]));
    expect(r.signals).toEqual([]);
    expect(r.notes[0]).toMatch(/För få punkter/);
  });
});

describe('XmR control chart (Provost & Murray, The Health Care Data Guide)', () => {
  const stable = [10, 12, 11, 13, 10, 12, 11, 12, 10, 13, 11, 12, 10, 11, 12, 13, 11, 12, 10, 12];

  it('computes mean and limits from the mean moving range', () => {
    const c = controlChart(series(stable));
    const mu = stable.reduce((a, b) => a + b) / stable.length;
    const mrs = stable.slice(1).map((v, i) => Math.abs(v - stable[i]!));
    const mr = mrs.reduce((a, b) => a + b) / mrs.length;
    expect(c.mean).toBeCloseTo(mu, 10);
    expect(c.movingRangeMean).toBeCloseTo(mr, 10);
    expect(c.upperLimit).toBeCloseTo(mu + 2.66 * mr, 10);
    expect(c.lowerLimit).toBeCloseTo(mu - 2.66 * mr, 10);
    expect(c.signals).toEqual([]);
  });

  it('flags a point outside the limits', () => {
    const c = controlChart(series([...stable.slice(0, 15), 25, ...stable.slice(15)]));
    expect(c.signals.filter((s) => s.rule === 'outside-limits')).toEqual([
      { rule: 'outside-limits', indices: [15], side: 'above' },
    ]);
  });

  it('flags a shift of eight on one side, but not seven', () => {
    const base = [10, 12, 10, 12, 10, 12, 10, 12];
    const eight = controlChart(series([...base, 13, 13.5, 13, 13.5, 13, 13.5, 13, 13.5]));
    expect(rules(eight)).toContain('shift');
    const seven = controlChart(series([...base, 11, 13, 13.5, 13, 13.5, 13, 13.5, 13, 10, 12]));
    expect(seven.signals.filter((s) => s.rule === 'shift')).toEqual([]);
  });

  it('flags a trend of six, not five', () => {
    expect(rules(controlChart(series([10, 12, 10, 12, 10, 12, 9, 10, 11, 12, 13, 14])))).toContain('trend');
    expect(rules(controlChart(series([10, 12, 10, 12, 10, 12, 9, 10, 11, 12, 13, 11])))).not.toContain('trend');
  });

  it('flags two of three points beyond two sigma', () => {
    const c = controlChart(series([...Array.from({ length: 30 }, (_, i) => (i % 2 ? 11 : 10)), 12.6, 10.5, 12.6]));
    expect(c.upperTwoSigma).toBeLessThan(12.6);
    expect(c.upperLimit).toBeGreaterThan(12.6);
    expect(c.signals).toEqual([{ rule: 'two-of-three', indices: [30, 32], side: 'above' }]);
  });

  it('draws no limits with fewer than 12 points, and says so', () => {
    const c = controlChart(series(stable.slice(0, 11)));
    expect(c.upperLimit).toBeNull();
    expect(c.notes[0]).toMatch(/minst 12/);
  });

  it('reports missing periods and never takes a moving range across a gap', () => {
    const withGap = [...stable.slice(0, 10), null, ...stable.slice(10)];
    const a = analyse(series(withGap));
    expect(a.missingPeriods).toEqual(['2026-11']);
    const mrs = [
      ...stable.slice(1, 10).map((v, i) => Math.abs(v - stable[i]!)),
      ...stable.slice(11).map((v, i) => Math.abs(v - stable[i + 10]!)),
    ];
    expect(a.control.movingRangeMean).toBeCloseTo(mrs.reduce((x, y) => x + y) / mrs.length, 10);
  });

  it('reads a signal as improvement or deterioration from the direction', () => {
    expect(signalMeaning({ rule: 'shift', indices: [], side: 'above' }, 'higher')).toBe('improvement');
    expect(signalMeaning({ rule: 'shift', indices: [], side: 'above' }, 'lower')).toBe('deterioration');
    expect(signalMeaning({ rule: 'trend', indices: [], side: 'down' }, 'lower')).toBe('improvement');
  });
});

describe('properties', () => {
  const values = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 60 });

  it('the median lies between the smallest and largest value', () => {
    fc.assert(fc.property(values, (v) => median(v)! >= Math.min(...v) && median(v)! <= Math.max(...v)));
  });

  it('limits are symmetric around the mean and contain it; every signal points at real points', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 12, maxLength: 60 }), (v) => {
        const c = controlChart(series(v));
        expect(c.upperLimit! - c.mean!).toBeCloseTo(c.mean! - c.lowerLimit!, 8);
        for (const s of [...c.signals, ...runChart(series(v)).signals])
          for (const i of s.indices) expect(i).toBeLessThan(v.length);
      }),
    );
  });

  it('adding a constant moves the centre lines and keeps every signal', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 12, maxLength: 40 }),
        fc.integer({ min: -500, max: 500 }),
        (v, k) => {
          const a = analyse(series(v));
          const b = analyse(series(v.map((x) => x + k)));
          expect(b.run.median! - a.run.median!).toBeCloseTo(k, 8);
          expect(b.control.mean! - a.control.mean!).toBeCloseTo(k, 8);
          expect(b.run.signals).toEqual(a.run.signals);
          expect(b.control.signals).toEqual(a.control.signals);
        },
      ),
    );
  });

  it('the number of runs is between 1 and the number of points off the centre', () => {
    fc.assert(
      fc.property(values, (v) => {
        const { runs, above, below } = countRuns(v, median(v)!);
        return above + below === 0 ? runs === 0 : runs >= 1 && runs <= above + below;
      }),
    );
  });
});
