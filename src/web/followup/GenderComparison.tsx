/**
 * The region against its healthcare region and the country, split by gender: one small chart per
 * gender (Totalt, Kvinnor, Män) on a shared scale, the three levels told apart by line style and
 * marker as well as colour, a legend naming them, the source's attribution under the charts
 * ("Källa: Kolada" where Kolada's terms ask for it), and the numbers as a table for those who do
 * not read the pictures. Each chart is an image with a title and a description of its latest values.
 */
import { $api } from '../client';
import { TableScroll } from '../components/TableScroll';
import { useI18n } from '../i18n';
import type { AreaSeries, Indicator, SeriesResponse } from './types';

type Gender = 'T' | 'K' | 'M';
type Level = 'region' | 'healthcare-region' | 'country';
const GENDERS: readonly Gender[] = ['T', 'K', 'M'];
const LEVELS: readonly Level[] = ['region', 'healthcare-region', 'country'];
const STYLE: Record<Level, { stroke: string; dash: string; marker: 'circle' | 'square' | 'diamond' }> = {
  region: { stroke: '#1b5e9b', dash: '', marker: 'circle' },
  'healthcare-region': { stroke: '#8a4b08', dash: '7 4', marker: 'square' },
  country: { stroke: '#3d3d3d', dash: '2 3', marker: 'diamond' },
};

const W = 300;
const H = 190;
const PAD = { l: 44, r: 20, t: 12, b: 30 };

function Marker({ level, x, y }: { level: Level; x: number; y: number }) {
  const s = STYLE[level];
  if (s.marker === 'circle') return <circle cx={x} cy={y} r={3.5} fill={s.stroke} />;
  if (s.marker === 'square') return <rect x={x - 3.2} y={y - 3.2} width={6.4} height={6.4} fill={s.stroke} />;
  return <path d={`M${x},${y - 4.5}L${x + 4.5},${y}L${x},${y + 4.5}L${x - 4.5},${y}Z`} fill={s.stroke} />;
}

export function GenderComparison({
  id,
  indicator,
  region,
  healthcareRegion,
}: {
  id: string;
  indicator: Indicator;
  region: string;
  healthcareRegion: string | undefined;
}) {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const regions = [region, healthcareRegion].filter(Boolean).join(',');
  const query = (gender: Gender) => ({ params: { path: { id }, query: { regions, gender } } });
  const byGender = {
    T: $api.useQuery('get', '/indicators/{id}/series', query('T')),
    K: $api.useQuery('get', '/indicators/{id}/series', query('K')),
    M: $api.useQuery('get', '/indicators/{id}/series', query('M')),
  };
  const data = GENDERS.map((g) => byGender[g].data as SeriesResponse | undefined);
  if (data.some((d) => !d)) return null;
  // One time axis for all: every period any gender has.
  const periods = [...new Set(data.flatMap((d) => d!.periods))].sort();
  if (!periods.length) return null;
  const valuesOf = (g: Gender, level: Level): { name: string; values: (number | null)[] } | undefined => {
    const d = data[GENDERS.indexOf(g)]!;
    const s = d.series.find((x) => (x as AreaSeries & { level?: Level }).level === level);
    if (!s) return undefined;
    return {
      name: s.name,
      values: periods.map((p) => (d.periods.includes(p) ? (s.values[d.periods.indexOf(p)] ?? null) : null)),
    };
  };
  const shown = GENDERS.filter((g) => LEVELS.some((l) => valuesOf(g, l)?.values.some((v) => v !== null)));
  const levels = LEVELS.filter((l) => shown.some((g) => valuesOf(g, l)?.values.some((v) => v !== null)));
  const all = shown.flatMap((g) => levels.flatMap((l) => valuesOf(g, l)?.values ?? [])).filter((v): v is number => v !== null);
  if (!all.length) return null;
  const names = Object.fromEntries(levels.map((l) => [l, shown.map((g) => valuesOf(g, l)?.name).find(Boolean) ?? l])) as Record<
    Level,
    string
  >;
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const lo = min - span * 0.1;
  const hi = max + span * 0.1;
  const x = (i: number) =>
    PAD.l + (periods.length <= 1 ? (W - PAD.l - PAD.r) / 2 : (i * (W - PAD.l - PAD.r)) / (periods.length - 1));
  const y = (v: number) => PAD.t + ((hi - v) * (H - PAD.t - PAD.b)) / (hi - lo);
  const fmt = (v: number | null | undefined) =>
    v === null || v === undefined ? t('followup.chart.missing') : formatNumber(Math.round(v * 10) / 10);
  const attribution = i18n.tMaybe(`followup.indicator.sourceAttribution.${indicator.source}`);
  const genderName = (g: Gender) => t(`followup.compare.gender.${g}`);

  return (
    <section aria-labelledby="compare-heading" className="gender-comparison">
      <h2 id="compare-heading">{t('followup.compare.heading')}</h2>
      {shown.length === 1 && shown[0] === 'T' && <p>{t('followup.compare.noGender')}</p>}
      <ul className="compare-legend" aria-label={t('followup.compare.legend')}>
        {levels.map((l) => (
          <li key={l}>
            <svg width="36" height="12" aria-hidden="true" focusable="false">
              <line x1="2" y1="6" x2="34" y2="6" stroke={STYLE[l].stroke} strokeWidth="2.5" strokeDasharray={STYLE[l].dash} />
              <Marker level={l} x={18} y={6} />
            </svg>
            <span>
              {names[l]} <span className="muted">({t(`followup.compare.level.${l}`)})</span>
            </span>
          </li>
        ))}
      </ul>
      <div className="compare-panels">
        {shown.map((g) => {
          const last = [...periods.keys()].reverse().find((i) => levels.some((l) => valuesOf(g, l)?.values[i] != null));
          const desc = t('followup.compare.desc', {
            period: last === undefined ? '–' : periods[last]!,
            values: levels
              .map((l) => `${names[l]} ${fmt(last === undefined ? null : valuesOf(g, l)?.values[last])} ${indicator.unit}`)
              .join(', '),
          });
          return (
            <figure key={g} className="compare-panel">
              <figcaption className="h-small">{genderName(g)}</figcaption>
              <svg
                viewBox={`0 0 ${W} ${H}`}
                width="100%"
                role="img"
                aria-labelledby={`compare-${g}-title compare-${g}-desc`}
                style={{ maxWidth: W }}
              >
                <title id={`compare-${g}-title`}>{`${indicator.name}: ${genderName(g)}`}</title>
                <desc id={`compare-${g}-desc`}>{desc}</desc>
                {[lo + (hi - lo) * 0.1, (lo + hi) / 2, hi - (hi - lo) * 0.1].map((v) => (
                  <g key={v}>
                    <line x1={PAD.l} x2={W - PAD.r} y1={y(v)} y2={y(v)} stroke="#ddd" />
                    <text x={PAD.l - 4} y={y(v) + 4} textAnchor="end" fontSize="10" fill="#444">
                      {formatNumber(Math.round(v * 10) / 10)}
                    </text>
                  </g>
                ))}
                {periods.map((p, i) =>
                  periods.length <= 6 || i % Math.ceil(periods.length / 6) === 0 ? (
                    <text key={p} x={x(i)} y={H - 10} textAnchor="middle" fontSize="10" fill="#444">
                      {p}
                    </text>
                  ) : null,
                )}
                {levels.map((l) => {
                  const vals = valuesOf(g, l)?.values ?? [];
                  let d = '';
                  let pen = false;
                  vals.forEach((v, i) => {
                    if (v === null) return void (pen = false);
                    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
                    pen = true;
                  });
                  return (
                    <g key={l}>
                      <path d={d} fill="none" stroke={STYLE[l].stroke} strokeWidth="2" strokeDasharray={STYLE[l].dash} />
                      {vals.map((v, i) => (v === null ? null : <Marker key={i} level={l} x={x(i)} y={y(v)} />))}
                    </g>
                  );
                })}
              </svg>
            </figure>
          );
        })}
      </div>
      {attribution && <p className="source-attribution">{attribution}</p>}
      <details>
        <summary>{t('followup.compare.table')}</summary>
        <TableScroll labelledBy="compare-caption">
          <table>
            <caption id="compare-caption">{t('followup.compare.tableCaption', { indicator: indicator.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('followup.chart.period')}</th>
                <th scope="col">{t('followup.compare.genderColumn')}</th>
                {levels.map((l) => (
                  <th key={l} scope="col">
                    {names[l]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {periods.flatMap((p, i) =>
                shown.map((g) => (
                  <tr key={`${p}-${g}`}>
                    <th scope="row">{p}</th>
                    <td>{genderName(g)}</td>
                    {levels.map((l) => (
                      <td key={l}>{fmt(valuesOf(g, l)?.values[i])}</td>
                    ))}
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </section>
  );
}
