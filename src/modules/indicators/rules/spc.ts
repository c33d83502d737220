/**
 * Run charts and statistical process control (SPC) as pure functions.
 *
 * Conventions (documented in docs/followup.md), chosen so that a region's chart reads the same
 * way as in the Swedish and British improvement literature:
 *
 * - **Run chart** (centre line = median), rules of Perla, Provost & Murray, "The run chart: a
 *   simple analytical tool for learning from variation in healthcare processes", BMJ Qual Saf
 *   2011;20:46–51: a *shift* is 6 or more consecutive points on one side of the median (points
 *   on the median neither break nor add to it); a *trend* is 5 or more consecutive points all
 *   going up or all going down (equal neighbours neither break nor add); *too few or too many
 *   runs* compared with the Swed–Eisenhart distribution of runs (computed exactly here for the
 *   actual numbers above and below, 2.5 % in each tail, as their table). Run rules need at least
 *   {@link MIN_POINTS_RUN_RULES} useful points.
 * - **Control chart** (XmR / I-chart, centre line = mean, limits = mean ± 2.66 × mean moving
 *   range), rules of Provost & Murray, *The Health Care Data Guide* (2011), ch. 3: a point
 *   outside the limits; a *shift* of 8 or more consecutive points on one side of the centre
 *   line; a *trend* of 6 or more consecutive increasing or decreasing points; 2 out of 3
 *   consecutive points in the outer third (beyond 2 sigma) on the same side. Limits are drawn
 *   only from {@link MIN_POINTS_LIMITS} points (the guide recommends 20–25, and "trial limits"
 *   from 12); with fewer the chart says so instead of drawing limits.
 * - **Missing periods** are never interpolated: a gap is reported, and no moving range spans a
 *   gap (the difference between points two periods apart is not a moving range).
 */

export const MIN_POINTS_RUN_RULES = 10;
export const MIN_POINTS_LIMITS = 12;
export const RUN_SHIFT = 6;
export const RUN_TREND = 5;
export const SPC_SHIFT = 8;
export const SPC_TREND = 6;
/** d2 for moving ranges of two: 3 / 1.128 = 2.66. */
export const XMR_FACTOR = 2.66;

export interface Point {
  period: string;
  value: number | null;
}

export type SignalRule = 'outside-limits' | 'shift' | 'trend' | 'two-of-three' | 'too-few-runs' | 'too-many-runs';

export interface Signal {
  rule: SignalRule;
  /** Indices into the series (including missing periods) of the points that make up the signal. */
  indices: number[];
  /** Above or below the centre line, or up/down for trends; null for run counts. */
  side: 'above' | 'below' | 'up' | 'down' | null;
}

export interface RunChart {
  median: number | null;
  usefulObservations: number;
  runs: number;
  runsLimits: { fewest: number; most: number } | null;
  signals: Signal[];
  /** Why a rule could not be applied, in plain words for the chart's text summary. */
  notes: string[];
}

export interface ControlChart {
  mean: number | null;
  upperLimit: number | null;
  lowerLimit: number | null;
  /** The outer-third boundaries (mean ± 2 sigma). */
  upperTwoSigma: number | null;
  lowerTwoSigma: number | null;
  movingRangeMean: number | null;
  signals: Signal[];
  notes: string[];
}

export interface Analysis {
  points: Point[];
  missingPeriods: string[];
  run: RunChart;
  control: ControlChart;
}

const present = (pts: readonly Point[]) =>
  pts.flatMap((p, i) => (p.value === null || !Number.isFinite(p.value) ? [] : [{ i, v: p.value }]));

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

const EPS = 1e-9;

/** Runs of consecutive points strictly on one side of a centre line; points on the line are skipped. */
function sideRuns(pts: { i: number; v: number }[], centre: number, minLength: number): Signal[] {
  const out: Signal[] = [];
  let run: number[] = [];
  let side: 'above' | 'below' | null = null;
  const flush = () => {
    if (side && run.length >= minLength) out.push({ rule: 'shift', indices: run, side });
  };
  for (const p of pts) {
    if (Math.abs(p.v - centre) < EPS) continue;
    const s = p.v > centre ? 'above' : 'below';
    if (s === side) run.push(p.i);
    else {
      flush();
      side = s;
      run = [p.i];
    }
  }
  flush();
  return out;
}

/**
 * Trends: `minLength` consecutive points each higher (or lower) than the one before. Equal
 * neighbours are skipped: they neither break nor add to the trend (Perla et al.).
 */
function trends(pts: { i: number; v: number }[], minLength: number): Signal[] {
  const out: Signal[] = [];
  const dedup: { i: number; v: number }[] = [];
  for (const p of pts) if (!dedup.length || Math.abs(dedup[dedup.length - 1]!.v - p.v) >= EPS) dedup.push(p);
  let start = 0;
  let dir: 'up' | 'down' | null = null;
  const flush = (end: number) => {
    if (dir && end - start + 1 >= minLength) {
      out.push({ rule: 'trend', indices: dedup.slice(start, end + 1).map((p) => p.i), side: dir });
    }
  };
  for (let k = 1; k < dedup.length; k++) {
    const d = dedup[k]!.v > dedup[k - 1]!.v ? 'up' : 'down';
    if (d !== dir) {
      flush(k - 1);
      dir = d;
      start = k - 1;
    }
  }
  flush(dedup.length - 1);
  return out;
}

/** Number of runs (sequences on one side of the centre), ignoring points on the line. */
export function countRuns(values: readonly number[], centre: number): { runs: number; above: number; below: number } {
  let runs = 0;
  let above = 0;
  let below = 0;
  let last: boolean | null = null;
  for (const v of values) {
    if (Math.abs(v - centre) < EPS) continue;
    const a = v > centre;
    if (a) above++;
    else below++;
    if (a !== last) runs++;
    last = a;
  }
  return { runs, above, below };
}

/** ln(n!) for n = 0, 1, 2, …, grown as needed: every binomial below is three look-ups. */
const logFactorials: number[] = [0];
function logFactorial(n: number): number {
  for (let i = logFactorials.length; i <= n; i++) logFactorials.push(logFactorials[i - 1]! + Math.log(i));
  return logFactorials[n]!;
}

function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/** P(R = r) for r runs of n1 and n2 items in random order (Swed & Eisenhart 1943). */
export function runsProbability(n1: number, n2: number, r: number): number {
  if (n1 === 0 || n2 === 0) return r === 1 ? 1 : 0;
  const total = logChoose(n1 + n2, n1);
  let lp: number;
  if (r % 2 === 0) {
    const k = r / 2;
    lp = Math.log(2) + logChoose(n1 - 1, k - 1) + logChoose(n2 - 1, k - 1);
  } else {
    const k = (r - 1) / 2;
    lp = Math.log(
      Math.exp(logChoose(n1 - 1, k) + logChoose(n2 - 1, k - 1)) + Math.exp(logChoose(n1 - 1, k - 1) + logChoose(n2 - 1, k)),
    );
  }
  return Number.isFinite(lp) ? Math.exp(lp - total) : 0;
}

/**
 * The fewest and most runs that are still expected (2.5 % in each tail): fewer runs than
 * `fewest` or more than `most` signals non-random variation. Each probability costs a few
 * look-ups of ln(n!), so this is linear in the number of points (it was quadratic, recomputed
 * for every area on every request), and the answer is kept per (above, below).
 */
export function runsLimits(n1: number, n2: number, tail = 0.025): { fewest: number; most: number } {
  const key = `${n1},${n2},${tail}`;
  const known = limitsMemo.get(key);
  if (known) return { ...known };
  const limits = computeRunsLimits(n1, n2, tail);
  // The pairs are few (points above and below the median of series of at most 600 periods).
  if (limitsMemo.size >= 20_000) limitsMemo.clear();
  limitsMemo.set(key, limits);
  return { ...limits };
}

const limitsMemo = new Map<string, { fewest: number; most: number }>();

function computeRunsLimits(n1: number, n2: number, tail: number): { fewest: number; most: number } {
  const max = 2 * Math.min(n1, n2) + (n1 === n2 ? 0 : 1);
  let cum = 0;
  let fewest = 1;
  for (let r = 1; r <= max; r++) {
    cum += runsProbability(n1, n2, r);
    if (cum > tail) {
      fewest = r;
      break;
    }
  }
  cum = 0;
  let most = max;
  for (let r = max; r >= 1; r--) {
    cum += runsProbability(n1, n2, r);
    if (cum > tail) {
      most = r;
      break;
    }
  }
  return { fewest, most };
}

export function runChart(points: readonly Point[]): RunChart {
  const pts = present(points);
  const m = median(pts.map((p) => p.v));
  const notes: string[] = [];
  if (m === null) return { median: null, usefulObservations: 0, runs: 0, runsLimits: null, signals: [], notes: ['Inga värden.'] };
  const { runs, above, below } = countRuns(
    pts.map((p) => p.v),
    m,
  );
  const useful = above + below;
  if (useful < MIN_POINTS_RUN_RULES) {
    notes.push(
      `För få punkter för regler om förskjutning, trend och antal serier (${useful} användbara punkter, minst ${MIN_POINTS_RUN_RULES} behövs).`,
    );
    return { median: m, usefulObservations: useful, runs, runsLimits: null, signals: [], notes };
  }
  const signals: Signal[] = [...sideRuns(pts, m, RUN_SHIFT), ...trends(pts, RUN_TREND)];
  const limits = runsLimits(above, below);
  if (runs < limits.fewest) signals.push({ rule: 'too-few-runs', indices: [], side: null });
  if (runs > limits.most) signals.push({ rule: 'too-many-runs', indices: [], side: null });
  return { median: m, usefulObservations: useful, runs, runsLimits: limits, signals, notes };
}

export function controlChart(points: readonly Point[]): ControlChart {
  const pts = present(points);
  const notes: string[] = [];
  const empty = {
    mean: null,
    upperLimit: null,
    lowerLimit: null,
    upperTwoSigma: null,
    lowerTwoSigma: null,
    movingRangeMean: null,
  };
  if (pts.length < MIN_POINTS_LIMITS) {
    notes.push(`Styrgränser ritas inte: ${pts.length} punkter, minst ${MIN_POINTS_LIMITS} behövs.`);
    return { ...empty, mean: mean(pts.map((p) => p.v)), signals: [], notes };
  }
  const mu = mean(pts.map((p) => p.v))!;
  // Moving ranges only between neighbouring periods: a gap breaks the chain.
  const mrs: number[] = [];
  for (let k = 1; k < pts.length; k++) {
    if (pts[k]!.i === pts[k - 1]!.i + 1) mrs.push(Math.abs(pts[k]!.v - pts[k - 1]!.v));
  }
  if (mrs.length < MIN_POINTS_LIMITS - 1) {
    notes.push(`Styrgränser ritas inte: för många luckor i serien (${mrs.length} glidande variationsbredder).`);
    return { ...empty, mean: mu, signals: [], notes };
  }
  const mrBar = mean(mrs)!;
  const sigma = (XMR_FACTOR * mrBar) / 3;
  const ucl = mu + XMR_FACTOR * mrBar;
  const lcl = mu - XMR_FACTOR * mrBar;
  const signals: Signal[] = [];
  for (const p of pts) {
    if (p.v > ucl + EPS) signals.push({ rule: 'outside-limits', indices: [p.i], side: 'above' });
    else if (p.v < lcl - EPS) signals.push({ rule: 'outside-limits', indices: [p.i], side: 'below' });
  }
  signals.push(...sideRuns(pts, mu, SPC_SHIFT), ...trends(pts, SPC_TREND));
  // 2 of 3 consecutive points beyond 2 sigma on the same side (reported once per window start).
  const up2 = mu + 2 * sigma;
  const lo2 = mu - 2 * sigma;
  let lastEnd = -1;
  for (let k = 0; k + 2 < pts.length; k++) {
    const w = pts.slice(k, k + 3);
    for (const side of ['above', 'below'] as const) {
      const beyond = w.filter((p) => (side === 'above' ? p.v > up2 + EPS : p.v < lo2 - EPS));
      if (beyond.length >= 2 && beyond[beyond.length - 1]!.i > lastEnd) {
        signals.push({ rule: 'two-of-three', indices: beyond.map((p) => p.i), side });
        lastEnd = beyond[beyond.length - 1]!.i;
      }
    }
  }
  return {
    mean: mu,
    upperLimit: ucl,
    lowerLimit: lcl,
    upperTwoSigma: up2,
    lowerTwoSigma: lo2,
    movingRangeMean: mrBar,
    signals,
    notes,
  };
}

export function analyse(points: readonly Point[]): Analysis {
  return {
    points: [...points],
    missingPeriods: points.filter((p) => p.value === null).map((p) => p.period),
    run: runChart(points),
    control: controlChart(points),
  };
}

/** Whether a signal means better or worse, given which direction is better for the indicator. */
export function signalMeaning(s: Signal, direction: 'higher' | 'lower'): 'improvement' | 'deterioration' | 'unclear' {
  if (s.side === null) return 'unclear';
  const high = s.side === 'above' || s.side === 'up';
  return high === (direction === 'higher') ? 'improvement' : 'deterioration';
}
