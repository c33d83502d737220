import { useEffect, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { Group } from '../api';
import { Link, navigate, useLocation } from '../app/router';
import { ErrorAlert, Loading } from '../components/Alerts';
import { SelectField } from '../components/Fields';
import { Page } from '../components/Page';
import { TableScroll } from '../components/TableScroll';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n';
import { groupHref, kindLabel, levelLabel, loadGroups, relationLabel, structureHref, useGeo, type Geo } from './groups';
import { CHART, layoutOrgChart, pathOf, type ChartLayout, type Measure } from './orgChartLayout';
import { downloadBlob, downloadPng, serializeSvg } from './orgChartExport';
import { useOrgCrumbs } from './OrganisationPage';

const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const FONTS = { box: `${CHART.FONT}px ${FONT_FAMILY}`, label: `600 13px ${FONT_FAMILY}`, legend: `12px ${FONT_FAMILY}` };
const COLOURS = {
  text: '#1b1f24',
  muted: '#4f5660',
  accent: '#1f5c99',
  ownBand: '#e8f0f8',
  aboveBand: '#f4f6f8',
  aboveStroke: '#6b7480',
  line: '#4f5660',
};

/** Text widths from the browser's own font metrics, so wrapped names fit their boxes. */
function useMeasure(): Measure {
  return useMemo(() => {
    const ctx = document.createElement('canvas').getContext('2d');
    return (text, font) => {
      if (!ctx) return text.length * (font === 'label' ? 7.5 : 6.8);
      ctx.font = FONTS[font];
      return ctx.measureText(text).width;
    };
  }, []);
}

interface ChartData {
  groups: Group[];
  mirrors: Map<string, Group>;
}

async function loadChart(owner: string, geo: Geo, signal: AbortSignal): Promise<ChartData> {
  const groups = await loadGroups({ owner, status: 'active' }, signal);
  const level = geo.levelOf(owner);
  const above =
    level === 'healthcare-region'
      ? ['national']
      : level === 'region'
        ? (geo.regions.find((r) => r.code === owner)?.healthcareRegionIds ?? [])
        : [];
  const wanted = new Set(groups.map((g) => g.mirrorsGroupId).filter((id): id is string => !!id));
  const mirrors = new Map<string, Group>();
  if (wanted.size > 0) {
    const lists = await Promise.all(above.map((o) => loadGroups({ owner: o, status: 'active' }, signal)));
    for (const g of lists.flat()) if (wanted.has(g.id)) mirrors.set(g.id, g);
  }
  return { groups, mirrors };
}

/** Organisationsschema: an owner's groups with reporting lines, and the groups they mirror one level up. */
export function OrgChartPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const crumbs = useOrgCrumbs();
  const { search } = useLocation();
  const owner = search.get('agare') ?? '';
  const geo = useGeo(t);
  const [input, setInput] = useState(owner);
  useEffect(() => setInput(owner), [owner]);
  const chart = useAsync(
    (signal) => (owner && geo.data ? loadChart(owner, geo.data, signal) : Promise.resolve(null)),
    [owner, geo.data],
  );
  const ownerName = owner && geo.data ? geo.data.ownerName(owner) : '';
  const title = ownerName ? t('chart.titleFor', { name: ownerName }) : t('chart.title');

  function submit(e: FormEvent) {
    e.preventDefault();
    navigate(`/organisation/organisationsschema${input ? `?agare=${encodeURIComponent(input)}` : ''}`);
  }

  return (
    <Page title={title} crumbs={crumbs} lead={<p>{t('chart.lead')}</p>}>
      {geo.error && <ErrorAlert error={geo.error} />}
      {geo.data && (
        <form className="filters inline-form" onSubmit={submit}>
          <SelectField id="chart-owner" label={t('chart.ownerLabel')} value={input} onChange={setInput}>
            <option value="">{t('group.chooseOwner')}</option>
            {(['national', 'healthcare-region', 'region'] as const).map((level) => (
              <optgroup key={level} label={levelLabel(i18n, level)}>
                {geo.data!.ownersOf(level).map((o) => (
                  <option key={o.owner} value={o.owner}>
                    {o.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          <button type="submit">{t('chart.show')}</button>
        </form>
      )}
      {chart.error && <ErrorAlert error={chart.error} />}
      {(chart.loading || geo.loading) && !chart.data && <Loading />}
      {!owner && <p>{t('chart.choose')}</p>}
      {chart.data && geo.data && owner && <Chart owner={owner} data={chart.data} geo={geo.data} />}
    </Page>
  );
}

function Chart({ owner, data, geo }: { owner: string; data: ChartData; geo: Geo }) {
  const i18n = useI18n();
  const { t } = i18n;
  const measure = useMeasure();
  const svgRef = useRef<SVGSVGElement>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const level = geo.levelOf(owner) ?? 'national';
  const ownerName = geo.ownerName(owner);
  const aboveLevel = level === 'region' ? 'healthcare-region' : 'national';

  const layout = useMemo(
    () =>
      layoutOrgChart({
        groups: data.groups,
        mirrors: data.mirrors,
        ownLabel:
          owner === 'national' ? t('chart.bandNational') : t('chart.band', { level: levelLabel(i18n, level), name: ownerName }),
        aboveLabel: t('chart.bandAbove', { level: levelLabel(i18n, aboveLevel) }),
        legend: {
          ownBox: t('chart.legend.ownBox', { name: ownerName }),
          aboveBox: t('chart.legend.aboveBox'),
          parentLine: t('chart.legend.parentLine'),
          mirrorLine: t('chart.legend.mirrorLine'),
        },
        measure,
      }),
    [data, measure, t, i18n, level, aboveLevel, ownerName, owner],
  );

  if (data.groups.length === 0) return <p>{t('chart.empty', { name: ownerName })}</p>;

  const fileBase = `organisationsschema-${owner}`;
  const title = t('chart.svgTitle', { name: ownerName });
  const desc = t('chart.svgDesc', { count: data.groups.length, mirrors: data.mirrors.size, name: ownerName });

  async function exportPng() {
    setExportError(null);
    const svg = svgRef.current;
    if (!svg) return;
    try {
      await downloadPng(svg, layout, `${fileBase}.png`);
    } catch {
      setExportError(t('chart.exportFailed'));
    }
  }

  return (
    <>
      <div className="button-row chart-tools">
        <button
          type="button"
          className="button-secondary"
          onClick={() =>
            svgRef.current && downloadBlob(new Blob([serializeSvg(svgRef.current)], { type: 'image/svg+xml' }), `${fileBase}.svg`)
          }
        >
          {t('chart.exportSvg')}
        </button>
        <button type="button" className="button-secondary" onClick={() => void exportPng()}>
          {t('chart.exportPng')}
        </button>
      </div>
      {exportError && (
        <div className="alert alert-error" role="alert">
          <p>{exportError}</p>
        </div>
      )}
      <p className="muted" id="chart-hint">
        {t('chart.hint')}
      </p>
      <TableScroll labelledBy="page-title">
        <ChartSvg layout={layout} svgRef={svgRef} title={title} desc={desc} data={data} />
      </TableScroll>
      <TextAlternative owner={owner} data={data} geo={geo} />
    </>
  );
}

function ChartSvg({
  layout,
  svgRef,
  title,
  desc,
  data,
}: {
  layout: ChartLayout;
  svgRef: RefObject<SVGSVGElement | null>;
  title: string;
  desc: string;
  data: ChartData;
}) {
  const names = new Map<string, string>([...data.groups, ...data.mirrors.values()].map((g) => [g.id, g.name]));
  const { width, height } = layout;
  return (
    <svg
      ref={svgRef}
      xmlns="http://www.w3.org/2000/svg"
      className="org-chart"
      role="img"
      aria-labelledby="chart-svg-title chart-svg-desc"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      // fits the column when it is a little too wide; a much wider chart scrolls instead of shrinking
      style={{ width: '100%', maxWidth: width, minWidth: Math.round(width * 0.82), height: 'auto' }}
      fontFamily={FONT_FAMILY}
    >
      <title id="chart-svg-title">{title}</title>
      <desc id="chart-svg-desc">{desc}</desc>
      <rect x={0} y={0} width={width} height={height} fill="#ffffff" />
      {layout.bands.map((b) => (
        <g key={b.band}>
          <rect x={0} y={b.y} width={width} height={b.h} fill={b.band === 'own' ? COLOURS.ownBand : COLOURS.aboveBand} />
          <line x1={0} x2={width} y1={b.y} y2={b.y} stroke="#c9d0d8" strokeWidth={1} />
        </g>
      ))}
      {layout.lines.map((l, i) => (
        <path
          key={i}
          d={pathOf(l.points)}
          fill="none"
          stroke={l.type === 'mirror' ? COLOURS.accent : COLOURS.line}
          strokeWidth={l.type === 'mirror' ? 1.25 : 1.5}
          strokeDasharray={l.type === 'mirror' ? '4 3' : undefined}
        />
      ))}
      {/* band labels over the lines, on a patch of the band's colour */}
      {layout.bands.map((b) => (
        <g key={`label-${b.band}`}>
          <rect
            x={CHART.MARGIN - 4}
            y={b.y + 6}
            width={b.labelWidth + 8}
            height={20}
            fill={b.band === 'own' ? COLOURS.ownBand : COLOURS.aboveBand}
          />
          <text x={CHART.MARGIN} y={b.y + 21} fontSize={13} fontWeight={600} fill={COLOURS.text}>
            {b.label}
          </text>
        </g>
      ))}
      {layout.boxes.map((b) => (
        <g key={`${b.band}-${b.id}`}>
          <title>{names.get(b.id) ?? ''}</title>
          <rect
            x={b.x}
            y={b.y}
            width={b.w}
            height={b.h}
            rx={4}
            fill="#ffffff"
            stroke={b.band === 'own' ? COLOURS.accent : COLOURS.aboveStroke}
            strokeWidth={b.band === 'own' ? 1.5 : 1}
          />
          <text x={b.x + CHART.PAD_X} y={b.y + CHART.PAD_Y} fontSize={CHART.FONT} fill={COLOURS.text}>
            {b.lines.map((line, i) => (
              <tspan key={i} x={b.x + CHART.PAD_X} dy={i === 0 ? CHART.LINE_H - 3 : CHART.LINE_H}>
                {line}
              </tspan>
            ))}
          </text>
        </g>
      ))}
      {layout.legend.map((item) => (
        <g key={item.type}>
          {item.type === 'own-box' || item.type === 'above-box' ? (
            <rect
              x={item.x}
              y={item.y + 3}
              width={CHART.LEGEND_SWATCH_W}
              height={14}
              rx={3}
              fill="#ffffff"
              stroke={item.type === 'own-box' ? COLOURS.accent : COLOURS.aboveStroke}
              strokeWidth={item.type === 'own-box' ? 1.5 : 1}
            />
          ) : (
            <line
              x1={item.x}
              x2={item.x + CHART.LEGEND_SWATCH_W}
              y1={item.y + 10}
              y2={item.y + 10}
              stroke={item.type === 'mirror-line' ? COLOURS.accent : COLOURS.line}
              strokeWidth={item.type === 'mirror-line' ? 1.25 : 1.5}
              strokeDasharray={item.type === 'mirror-line' ? '4 3' : undefined}
            />
          )}
          <text x={item.x + CHART.LEGEND_SWATCH_W + 8} y={item.y + 14} fontSize={12} fill={COLOURS.text}>
            {item.label}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** The same structure as a nested list, with links: the text alternative of the picture. */
function TextAlternative({ owner, data, geo }: { owner: string; data: ChartData; geo: Geo }) {
  const i18n = useI18n();
  const { t } = i18n;
  const ids = new Set(data.groups.map((g) => g.id));
  const children = new Map<string, Group[]>();
  for (const g of data.groups) {
    if (g.parentGroupId && ids.has(g.parentGroupId)) children.set(g.parentGroupId, [...(children.get(g.parentGroupId) ?? []), g]);
  }
  const roots = data.groups.filter((g) => !g.parentGroupId || !ids.has(g.parentGroupId));
  const mirroredBy = new Map<string, Group[]>();
  for (const g of data.groups) {
    if (g.mirrorsGroupId && data.mirrors.has(g.mirrorsGroupId))
      mirroredBy.set(g.mirrorsGroupId, [...(mirroredBy.get(g.mirrorsGroupId) ?? []), g]);
  }
  const seen = new Set<string>();
  const item = (g: Group, parent: Group | undefined) => {
    if (seen.has(g.id)) return null;
    seen.add(g.id);
    const kids = children.get(g.id) ?? [];
    const mirror = g.mirrorsGroupId ? data.mirrors.get(g.mirrorsGroupId) : undefined;
    return (
      <li key={g.id}>
        <Link to={groupHref(g.id)}>{g.name}</Link>
        <span className="muted">
          {' '}
          ({kindLabel(i18n, g.kind).toLowerCase()}
          {parent && `, ${relationLabel(i18n, g.parentRelation)} ${parent.name}`}
          {mirror && `, ${t('chart.mirrorsText', { name: mirror.name })}`})
        </span>
        {kids.length > 0 && <ul>{kids.map((k) => item(k, g))}</ul>}
      </li>
    );
  };
  const level = geo.levelOf(owner) ?? 'national';
  const aboveLevel = level === 'region' ? 'healthcare-region' : 'national';
  return (
    <details className="chart-text">
      <summary>{t('chart.asList')}</summary>
      <ul className="tree">
        {data.mirrors.size > 0 && (
          <li>
            <strong>{t('chart.bandAbove', { level: levelLabel(i18n, aboveLevel) })}</strong>
            <ul>
              {[...data.mirrors.values()].map((m) => (
                <li key={m.id}>
                  <Link to={groupHref(m.id)}>{m.name}</Link>
                  <span className="muted">
                    {' '}
                    ({geo.ownerName(m.owner)},{' '}
                    {t('chart.mirroredByText', { names: (mirroredBy.get(m.id) ?? []).map((g) => g.name).join(', ') })})
                  </span>
                </li>
              ))}
            </ul>
          </li>
        )}
        <li>
          <strong>
            {owner === 'national'
              ? t('chart.bandNational')
              : t('chart.band', { level: levelLabel(i18n, level), name: geo.ownerName(owner) })}
          </strong>
          <ul>{roots.map((r) => item(r, undefined))}</ul>
          <p>
            <Link to={structureHref(owner)}>{t('chart.structureLink', { name: geo.ownerName(owner) })}</Link>
          </p>
        </li>
      </ul>
    </details>
  );
}
