/**
 * A run chart or XmR control chart as hand-written SVG: the region against the nation, centre
 * line, control limits (only when the server drew them), target line, and special-cause
 * signals marked with a larger ring-shaped point (shape, not colour alone). The chart is an
 * image with a title and description; the table and text summary beside it carry the numbers.
 */
import { useRef } from 'react';
import { useI18n } from '../i18n';
import type { AreaSeries, Indicator } from './types';

export type ChartKind = 'run' | 'control';

const W = 760;
const H = 320;
const PAD = { l: 56, r: 16, t: 16, b: 48 };

export function SeriesChart({
  indicator,
  periods,
  series,
  nation,
  kind,
  idPrefix,
  small = false,
}: {
  indicator: Indicator;
  periods: string[];
  series: AreaSeries;
  nation?: AreaSeries | undefined;
  kind: ChartKind;
  idPrefix: string;
  small?: boolean;
}) {
  const { t, formatNumber } = useI18n();
  const ref = useRef<SVGSVGElement>(null);
  const w = small ? 300 : W;
  const h = small ? 160 : H;
  const centre = kind === 'run' ? series.analysis.run.median : series.analysis.control.mean;
  const ucl = kind === 'control' ? series.analysis.control.upperLimit : null;
  const lcl = kind === 'control' ? series.analysis.control.lowerLimit : null;
  const all = [...series.values, ...(nation?.values ?? []), centre, ucl, lcl, indicator.targetValue].filter(
    (v): v is number => v !== null && v !== undefined,
  );
  const min = all.length ? Math.min(...all) : 0;
  const max = all.length ? Math.max(...all) : 1;
  const span = max - min || 1;
  const lo = min - span * 0.08;
  const hi = max + span * 0.08;
  const x = (i: number) => PAD.l + (periods.length <= 1 ? 0 : (i * (w - PAD.l - PAD.r)) / (periods.length - 1));
  const y = (v: number) => PAD.t + ((hi - v) * (h - PAD.t - PAD.b)) / (hi - lo);
  const path = (values: (number | null)[]) => {
    let d = '';
    let pen = false;
    values.forEach((v, i) => {
      if (v === null) {
        pen = false; // a gap is drawn as a gap
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  const signalled = new Set(series.signals.filter((s) => s.chart === kind).flatMap((s) => s.periods));
  const ticks = 5;
  const tickValues = Array.from({ length: ticks }, (_, k) => lo + ((hi - lo) * k) / (ticks - 1));
  const labelEvery = Math.max(1, Math.ceil(periods.length / (small ? 4 : 12)));
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  const hline = (v: number | null, stroke: string, dash: string, label: string) =>
    v === null ? null : (
      <g>
        <line x1={PAD.l} x2={w - PAD.r} y1={y(v)} y2={y(v)} stroke={stroke} strokeDasharray={dash} strokeWidth={1.5} />
        {!small && (
          <text x={w - PAD.r - 2} y={y(v) - 4} textAnchor="end" fontSize={11} fill={stroke}>
            {label} {formatNumber(Math.round(v * 10) / 10)}
          </text>
        )}
      </g>
    );

  return (
    <figure className="followup-chart" style={{ margin: 0 }}>
      <svg
        ref={ref}
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${w} ${h}`}
        width="100%"
        style={{ maxWidth: w, height: 'auto', background: '#fff' }}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
      >
        <title id={titleId}>{`${indicator.name}: ${series.name}`}</title>
        <desc
          id={descId}
        >{`${t(kind === 'run' ? 'followup.indicator.chart.run' : 'followup.indicator.chart.control')}, ${periods[0] ?? ''}–${periods[periods.length - 1] ?? ''}`}</desc>
        {tickValues.map((v) => (
          <g key={v}>
            <line x1={PAD.l} x2={w - PAD.r} y1={y(v)} y2={y(v)} stroke="#e3e3e3" />
            <text x={PAD.l - 6} y={y(v) + 4} textAnchor="end" fontSize={small ? 10 : 11} fill="#333">
              {formatNumber(Math.round(v * 10) / 10)}
            </text>
          </g>
        ))}
        {periods.map((p, i) =>
          i % labelEvery === 0 ? (
            <text key={p} x={x(i)} y={h - PAD.b + 16} textAnchor="middle" fontSize={small ? 10 : 11} fill="#333">
              {p}
            </text>
          ) : null,
        )}
        {hline(indicator.targetValue, '#1e6b3a', '2 4', t('followup.chart.target'))}
        {hline(centre, '#555555', '6 3', t(kind === 'run' ? 'followup.chart.median' : 'followup.chart.mean'))}
        {hline(ucl, '#b3261e', '4 3', t('followup.chart.limits'))}
        {hline(lcl, '#b3261e', '4 3', '')}
        {nation && <path d={path(nation.values)} fill="none" stroke="#6b6b6b" strokeWidth={1.5} strokeDasharray="3 3" />}
        <path d={path(series.values)} fill="none" stroke="#1f4e79" strokeWidth={2} />
        {series.values.map((v, i) =>
          v === null ? null : signalled.has(periods[i]!) ? (
            <circle key={i} cx={x(i)} cy={y(v)} r={small ? 4 : 6} fill="#fff" stroke="#b3261e" strokeWidth={3}>
              <title>{`${periods[i]}: ${formatNumber(v)} – ${t('followup.chart.signal')}`}</title>
            </circle>
          ) : (
            <circle key={i} cx={x(i)} cy={y(v)} r={small ? 2.5 : 3.5} fill="#1f4e79" />
          ),
        )}
        {!small && (
          <g fontSize={11}>
            <line x1={PAD.l} x2={PAD.l + 24} y1={h - 12} y2={h - 12} stroke="#1f4e79" strokeWidth={2} />
            <text x={PAD.l + 28} y={h - 8} fill="#222">
              {series.name}
            </text>
            {nation && (
              <>
                <line
                  x1={PAD.l + 200}
                  x2={PAD.l + 224}
                  y1={h - 12}
                  y2={h - 12}
                  stroke="#6b6b6b"
                  strokeDasharray="3 3"
                  strokeWidth={1.5}
                />
                <text x={PAD.l + 228} y={h - 8} fill="#222">
                  {t('followup.chart.nation')}
                </text>
              </>
            )}
            <circle cx={PAD.l + 320} cy={h - 12} r={5} fill="#fff" stroke="#b3261e" strokeWidth={3} />
            <text x={PAD.l + 330} y={h - 8} fill="#222">
              {t('followup.chart.signal')}
            </text>
          </g>
        )}
      </svg>
      {!small && <ChartExport svg={ref} name={`${indicator.code}-${series.area}-${kind}`} />}
    </figure>
  );
}

/** Saves the chart as SVG (the element itself) or PNG (drawn on a canvas at twice the size). */
function ChartExport({ svg, name }: { svg: React.RefObject<SVGSVGElement | null>; name: string }) {
  const { t } = useI18n();
  const download = (href: string, file: string) => {
    const a = document.createElement('a');
    a.href = href;
    a.download = file;
    document.body.appendChild(a);
    a.click();
    a.remove();
  };
  const svgText = () => new XMLSerializer().serializeToString(svg.current!);
  const saveSvg = () => {
    const url = URL.createObjectURL(new Blob([svgText()], { type: 'image/svg+xml' }));
    download(url, `${name}.svg`);
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const savePng = () => {
    const el = svg.current!;
    const vb = el.viewBox.baseVal;
    const img = new Image();
    const url = URL.createObjectURL(new Blob([svgText()], { type: 'image/svg+xml' }));
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = vb.width * 2;
      canvas.height = vb.height * 2;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      download(canvas.toDataURL('image/png'), `${name}.png`);
    };
    img.src = url;
  };
  return (
    <div className="chart-tools button-row">
      <button type="button" className="button-secondary button-small" onClick={saveSvg}>
        {t('followup.chart.exportSvg')}
      </button>
      <button type="button" className="button-secondary button-small" onClick={savePng}>
        {t('followup.chart.exportPng')}
      </button>
    </div>
  );
}
