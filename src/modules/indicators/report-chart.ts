/**
 * The follow-up report's run chart and control chart (XmR) for one indicator, drawn as PNG images
 * with the platform's small raster (no native dependency), so DOCX and PDF embed the same picture.
 * The picture carries axes, gridlines and numbers; what each line means is said in the caption
 * and the alternative text, which the documents print next to it.
 */
import { hex, Raster, textWidth } from '../../platform/export/png.js';
import type { AreaSeries } from './series.js';

export interface ReportChart {
  kind: 'run' | 'control';
  caption: string;
  /** What the picture shows, for readers who cannot see it (the PDF's /Alt, the DOCX's description). */
  alt: string;
  png: Buffer;
  width: number;
  height: number;
}

const W = 1000;
const H = 380;
const PLOT = { left: 78, right: W - 24, top: 22, bottom: H - 56 };
const C = {
  grid: hex('#E3E3E3'),
  axis: hex('#7F7F7F'),
  label: hex('#404040'),
  own: hex('#1F4E79'),
  nation: hex('#A6A6A6'),
  centre: hex('#2E7D32'),
  limit: hex('#C00000'),
  target: hex('#7030A0'),
  signal: hex('#E36C09'),
};

/** The Shewhart and run-chart rules in plain Swedish. */
export const RULE_SV: Record<string, string> = {
  'outside-limits': 'punkt utanför styrgräns',
  shift: 'förskjutning',
  trend: 'trend',
  'two-of-three': 'två av tre nära styrgräns',
  'too-few-runs': 'för få serier',
  'too-many-runs': 'för många serier',
};

const fmt = (n: number) => n.toLocaleString('sv-SE', { maximumFractionDigits: 1 });

function niceStep(range: number, ticks = 5): number {
  const raw = range / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

interface Lines {
  centre: number | null;
  upper?: number | null;
  lower?: number | null;
  target: number | null;
}

function draw(periods: string[], own: AreaSeries, nation: AreaSeries | undefined, lines: Lines, signalIdx: Set<number>): Buffer {
  const r = new Raster(W, H, 2);
  const values = [...own.values, ...(nation?.values ?? []), lines.centre, lines.upper, lines.lower, lines.target].filter(
    (v): v is number => typeof v === 'number' && Number.isFinite(v),
  );
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const step = niceStep(hi - lo);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const y = (v: number) => PLOT.bottom - ((v - lo) / (hi - lo)) * (PLOT.bottom - PLOT.top);
  const n = periods.length;
  const x = (i: number) =>
    n <= 1 ? (PLOT.left + PLOT.right) / 2 : PLOT.left + 10 + (i / (n - 1)) * (PLOT.right - PLOT.left - 20);

  for (let v = lo; v <= hi + step / 2; v += step) {
    r.line(PLOT.left, y(v), PLOT.right, y(v), C.grid, 1);
    r.text(PLOT.left - 10, y(v) - 7, fmt(v), C.label, 2, 'right');
  }
  r.line(PLOT.left, PLOT.top, PLOT.left, PLOT.bottom, C.axis, 1.5);
  r.line(PLOT.left, PLOT.bottom, PLOT.right, PLOT.bottom, C.axis, 1.5);
  const every = Math.max(1, Math.ceil(((textWidth(periods[0] ?? '', 2) + 16) * n) / (PLOT.right - PLOT.left)));
  periods.forEach((p, i) => {
    if (i % every !== 0) return;
    r.line(x(i), PLOT.bottom, x(i), PLOT.bottom + 6, C.axis, 1.5);
    r.text(x(i), PLOT.bottom + 14, p, C.label, 2, 'center');
  });

  const hline = (v: number | null | undefined, c: readonly [number, number, number], dash?: [number, number]) => {
    if (typeof v === 'number' && Number.isFinite(v)) r.line(PLOT.left, y(v), PLOT.right, y(v), c, 2, dash);
  };
  hline(lines.target, C.target, [3, 5]);
  hline(lines.upper, C.limit, [10, 6]);
  hline(lines.lower, C.limit, [10, 6]);
  hline(lines.centre, C.centre, lines.upper === undefined ? [10, 6] : undefined);

  const series = (vals: (number | null)[], c: readonly [number, number, number], width: number, dot: number) => {
    vals.forEach((v, i) => {
      const next = vals[i + 1];
      if (v !== null && next !== null && next !== undefined) r.line(x(i), y(v), x(i + 1), y(next), c, width);
    });
    vals.forEach((v, i) => v !== null && r.disc(x(i), y(v), dot, c));
  };
  if (nation && nation !== own) series(nation.values, C.nation, 2, 3);
  series(own.values, C.own, 3, 4.5);
  for (const i of signalIdx) {
    const v = own.values[i];
    if (v === null || v === undefined) continue;
    r.disc(x(i), y(v), 8, C.signal);
    r.disc(x(i), y(v), 4.5, C.own);
  }
  return r.toPng();
}

/** The run chart and the control chart of the region's series, against the nation; none without two values. */
export function indicatorCharts(
  indicatorName: string,
  unit: string,
  target: number | null,
  periods: string[],
  own: AreaSeries,
  nation: AreaSeries | undefined,
): ReportChart[] {
  if (own.values.filter((v) => v !== null).length < 2) return [];
  const u = unit ? ` ${unit}` : '';
  const signalsOf = (chart: 'run' | 'control') =>
    new Set(
      own.signals.filter((s) => s.chart === chart).flatMap((s) => s.periods.map((p) => periods.indexOf(p)).filter((i) => i >= 0)),
    );
  const common = `Blå linje: ${own.name}.${nation && nation !== own ? ' Grå linje: riket.' : ''}${target !== null ? ` Lila prickad linje: målnivå ${fmt(target)}${u}.` : ''}`;
  const run = own.analysis.run;
  const control = own.analysis.control;
  const runSignals = signalsOf('run');
  const controlSignals = signalsOf('control');
  const signalText = (chart: 'run' | 'control', set: Set<number>) => {
    if (!set.size) return ' Inga särskilda orsaker.';
    const rules = [...new Set(own.signals.filter((s) => s.chart === chart).map((s) => RULE_SV[s.rule] ?? s.rule))].join(', ');
    return ` Orange ring: ${set.size === 1 ? 'perioden' : `de ${set.size} perioder`} som visar särskild orsak (${rules}).`;
  };
  const charts: ReportChart[] = [
    {
      kind: 'run',
      caption: `Seriediagram – ${indicatorName}`,
      alt: `${common}${run.median !== null ? ` Grön streckad linje: median ${fmt(run.median)}${u}.` : ''}${signalText('run', runSignals)}`,
      png: draw(periods, own, nation, { centre: run.median, target }, runSignals),
      width: W,
      height: H,
    },
  ];
  if (control.mean !== null) {
    charts.push({
      kind: 'control',
      caption: `Styrdiagram (XmR) – ${indicatorName}`,
      alt: `${common} Grön linje: medelvärde ${fmt(control.mean)}${u}.${control.upperLimit !== null && control.lowerLimit !== null ? ` Röda streckade linjer: styrgränser ${fmt(control.lowerLimit)}–${fmt(control.upperLimit)}${u}.` : ''}${signalText('control', controlSignals)}`,
      png: draw(
        periods,
        own,
        nation,
        { centre: control.mean, upper: control.upperLimit, lower: control.lowerLimit, target },
        controlSignals,
      ),
      width: W,
      height: H,
    });
  }
  return charts;
}
