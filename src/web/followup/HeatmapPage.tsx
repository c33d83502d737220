/**
 * Införande i landet: knowledge supports × regions grouped by healthcare region, coloured by
 * status with a text label in every cell, the share implemented per support and per region,
 * filters, paging, drill-down to a region's LPOs, CSV/XLSX export and a PNG of the view.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiHref } from '../api';
import { Link, navigate, useLocation } from '../app/router';
import { useMyRegions } from '../auth/regions';
import { $api } from '../client';
import { ErrorAlert, Loading } from '../components/Alerts';
import { SelectField, TextField } from '../components/Fields';
import { Page } from '../components/Page';
import { TableScroll } from '../components/TableScroll';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n';
import { SUPPORT_TYPES } from '../knowledge/knowledge';
import { loadHealthcareRegions, loadProgramAreas } from '../organisation/reference';
import { drawHeatmap, downloadPng } from './heatmapPng';
import { StatusCell, StatusLegend } from './StatusCell';
import type { HeatmapResponse } from './types';
import { useStatusRegions } from './permissions';
import { regionStatusHref } from './RegionStatusPage';

export const HEATMAP_PATH = '/inforande';
/** The national kinds of knowledge support (the heatmap follows national supports). */
const TYPES = SUPPORT_TYPES.filter((x) => !['regionalt-vardprogram', 'regional-riktlinje', 'rutin'].includes(x));
const FILTERS = ['programArea', 'type', 'healthcareRegion', 'date', 'q'] as const;
const LIMIT = 50;

const pct = (n: number | null) => (n === null ? '–' : `${Math.round(n * 100)} %`);
/** "Sjukvårdsregion Norr" → "Norr", "Västra sjukvårdsregionen" → "Västra": the column groups. */
const groupName = (name: string) => name.replace(/^Sjukvårdsregion\s+/, '').replace(/\s+sjukvårdsregionen$/, '');

/**
 * The columns in the order shown: the caller's own region(s) pinned first under their own
 * heading, then the healthcare regions north to south. Indexes into the response's regions.
 */
export function heatmapColumns(h: Pick<HeatmapResponse, 'regions' | 'healthcareRegions'>, mine: readonly string[]) {
  const all = h.regions.map((_, i) => i);
  const pinned = all.filter((i) => mine.includes(h.regions[i]!.code));
  const groups: { id: string; name: string | null; cols: number[] }[] = [
    ...(pinned.length ? [{ id: 'mine', name: null, cols: pinned }] : []),
    ...h.healthcareRegions.map((g) => ({
      id: g.id,
      name: groupName(g.name),
      cols: all.filter((i) => g.regionCodes.includes(h.regions[i]!.code) && !pinned.includes(i)),
    })),
  ].filter((g) => g.cols.length > 0);
  return { groups, cols: groups.flatMap((g) => g.cols) };
}

export function HeatmapPage() {
  const { t, tMaybe, formatDate } = useI18n();
  const { regions: myRegions } = useMyRegions();
  const { search } = useLocation();
  const current = Object.fromEntries(FILTERS.map((k) => [k, search.get(k) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const offset = Number(search.get('offset') ?? 0) || 0;
  const [draft, setDraft] = useState(current);
  const areas = useAsync(() => loadProgramAreas(), []);
  const hrs = useAsync(() => loadHealthcareRegions(), []);
  const filters = Object.fromEntries(Object.entries(current).filter(([, v]) => v !== ''));
  const data = $api.useQuery(
    'get',
    '/implementation/heatmap',
    { params: { query: { ...filters, limit: LIMIT, offset } } },
    { placeholderData: keepPreviousData },
  );
  const h = data.data;

  const go = (params: Record<string, string | number>) => {
    const qs = new URLSearchParams(
      Object.entries(params)
        .filter(([, v]) => v !== '' && v !== 0)
        .map(([k, v]) => [k, String(v)]),
    ).toString();
    navigate(qs ? `${HEATMAP_PATH}?${qs}` : HEATMAP_PATH, { replace: true });
  };
  function submit(e: FormEvent) {
    e.preventDefault();
    go(draft);
  }
  const set = (k: (typeof FILTERS)[number]) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const exportHref = (format: 'csv' | 'xlsx') => apiHref('/implementation/heatmap/export', { query: { ...current, format } });
  const savePng = (view: HeatmapResponse) => {
    const more =
      view.total > view.supports.length ? t('followup.heatmap.more', { shown: view.supports.length, total: view.total }) : '';
    const asOf = view.asOf ? ` ${t('followup.heatmap.asOf', { date: formatDate(view.asOf) })}` : '';
    const canvas = drawHeatmap(view, {
      title: t('followup.heatmap.caption'),
      subtitle: `${more}${t('followup.heatmap.count', { count: view.total })}${asOf}`,
      support: t('followup.heatmap.support'),
      share: t('followup.heatmap.share'),
      regionShare: t('followup.heatmap.regionShare'),
      legend: t('followup.heatmap.legend'),
      none: t('followup.heatmap.none'),
      status: (st) => t(`followup.status.${st}`),
      groupName,
      pct,
    });
    downloadPng(canvas, `varmekarta-${view.asOf ?? 'aktuell'}${view.offset ? `-${view.offset + 1}` : ''}.png`);
  };

  return (
    <Page
      title={t('followup.heatmap.title')}
      crumbs={[{ to: '/', label: t('nav.start') }]}
      lead={<p>{t('followup.heatmap.lead')}</p>}
    >
      <form className="filters form" onSubmit={submit} aria-labelledby="heatmap-filter-heading">
        <h2 id="heatmap-filter-heading" className="h-small">
          {t('followup.heatmap.filters')}
        </h2>
        <div className="filter-grid filter-grid-wide">
          <SelectField
            id="hm-programArea"
            label={t('followup.heatmap.programArea')}
            value={draft.programArea}
            onChange={set('programArea')}
          >
            <option value="">{t('followup.heatmap.all')}</option>
            {(areas.data ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </SelectField>
          <SelectField id="hm-type" label={t('followup.heatmap.type')} value={draft.type} onChange={set('type')}>
            <option value="">{t('followup.heatmap.all')}</option>
            {TYPES.map((x) => (
              <option key={x} value={x}>
                {tMaybe(`knowledge.type.${x}`) ?? x}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="hm-hr"
            label={t('followup.heatmap.healthcareRegion')}
            value={draft.healthcareRegion}
            onChange={set('healthcareRegion')}
          >
            <option value="">{t('followup.heatmap.all')}</option>
            {(hrs.data ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </SelectField>
          <TextField id="hm-date" type="date" label={t('followup.heatmap.date')} value={draft.date} onChange={set('date')} />
          <TextField id="hm-q" label={t('followup.heatmap.q')} value={draft.q} onChange={set('q')} autoComplete="off" />
        </div>
        <button type="submit">{t('followup.heatmap.show')}</button>
      </form>
      <StatusLegend />
      <p className="hint">{t('followup.heatmap.abbreviations')}</p>
      {data.error && <ErrorAlert error={data.error} />}
      {data.isPending && <Loading />}
      {h && (
        <>
          <p className="result-count" role="status">
            {h.total > h.supports.length && t('followup.heatmap.more', { shown: h.supports.length, total: h.total })}
            {t('followup.heatmap.count', { count: h.total })} {h.asOf && t('followup.heatmap.asOf', { date: formatDate(h.asOf) })}
          </p>
          <p className="button-row">
            <a className="button button-secondary button-small" href={exportHref('csv')}>
              {t('followup.heatmap.exportCsv')}
            </a>
            <a className="button button-secondary button-small" href={exportHref('xlsx')}>
              {t('followup.heatmap.exportXlsx')}
            </a>
            <button type="button" className="button-secondary button-small" onClick={() => savePng(h)}>
              {t('followup.heatmap.exportPng')}
            </button>
          </p>
          <HeatmapTable h={h} mine={myRegions} />
          <p className="button-row">
            {offset > 0 && (
              <button
                type="button"
                className="button-secondary"
                onClick={() => go({ ...current, offset: Math.max(0, offset - LIMIT) })}
              >
                {t('followup.heatmap.prev')}
              </button>
            )}
            {offset + LIMIT < h.total && (
              <button type="button" className="button-secondary" onClick={() => go({ ...current, offset: offset + LIMIT })}>
                {t('followup.heatmap.next')}
              </button>
            )}
          </p>
        </>
      )}
    </Page>
  );
}

/** The table: compact cells, abbreviated region headers (full name as accessible name and tooltip), own regions first. */
function HeatmapTable({ h, mine }: { h: HeatmapResponse; mine: readonly string[] }) {
  const { t } = useI18n();
  const { groups, cols } = heatmapColumns(h, mine);
  const pinned = new Set(groups[0]?.id === 'mine' ? groups[0].cols : []);
  // The full name shown on hover and focus can be dismissed with Escape without moving (WCAG 1.4.13).
  const [tipHidden, setTipHidden] = useState<string | null>(null);
  return (
    <TableScroll labelledBy="heatmap-caption">
      <table className="matrix followup-heatmap">
        <caption id="heatmap-caption">{t('followup.heatmap.caption')}</caption>
        <thead>
          <tr>
            <td />
            {groups.map((g) => (
              <th key={g.id} scope="colgroup" colSpan={g.cols.length} className={g.id === 'mine' ? 'hm-mine' : undefined}>
                {g.name ?? t(g.cols.length > 1 ? 'followup.heatmap.yourRegions' : 'followup.heatmap.yourRegion')}
              </th>
            ))}
            <td />
          </tr>
          <tr>
            <th scope="col">{t('followup.heatmap.support')}</th>
            {cols.map((i) => {
              const r = h.regions[i]!;
              return (
                <th
                  key={r.code}
                  scope="col"
                  className={`hm-region${pinned.has(i) ? ' hm-mine' : ''}${tipHidden === r.code ? ' hm-tip-hidden' : ''}`}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') setTipHidden(r.code);
                  }}
                  onMouseLeave={() => setTipHidden(null)}
                  onBlur={() => setTipHidden(null)}
                >
                  <Link
                    to={`${HEATMAP_PATH}/regioner/${r.code}`}
                    aria-label={t('followup.heatmap.regionHeader', { abbreviation: r.abbreviation, name: r.name })}
                    aria-describedby="hm-drill-hint"
                  >
                    <span aria-hidden="true">{r.abbreviation}</span>
                    <span className="hm-tip" aria-hidden="true">
                      {r.name}
                    </span>
                  </Link>
                </th>
              );
            })}
            <th scope="col">{t('followup.heatmap.share')}</th>
          </tr>
        </thead>
        <tbody>
          {h.supports.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.title}</th>
              {cols.map((i) => (
                <StatusCell key={h.regions[i]!.code} status={s.statuses[i] ?? null} />
              ))}
              <td className="nowrap">{pct(s.implementedShare)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('followup.heatmap.regionShare')}</th>
            {cols.map((i) => (
              <td key={h.regions[i]!.code} className="nowrap">
                {pct(h.regionShares[i]?.share ?? null)}
              </td>
            ))}
            <td />
          </tr>
        </tfoot>
      </table>
      <p id="hm-drill-hint" className="visually-hidden">
        {t('followup.heatmap.drill')}
      </p>
    </TableScroll>
  );
}

export function RegionDrillPage({ code }: { code: string }) {
  const { t } = useI18n();
  const access = useStatusRegions();
  const data = $api.useQuery('get', '/implementation/regions/{code}', { params: { path: { code }, query: { limit: 200 } } });
  const d = data.data;
  return (
    <Page
      title={d ? t('followup.drill.title', { name: d.region.name }) : t('followup.heatmap.title')}
      crumbs={[
        { to: '/', label: t('nav.start') },
        { to: HEATMAP_PATH, label: t('followup.heatmap.title') },
      ]}
      lead={<p>{t('followup.drill.lead')}</p>}
    >
      {data.error && <ErrorAlert error={data.error} />}
      {data.isPending && <Loading />}
      {d && (
        <>
          {access.regions.includes(code) && (
            <p>
              <Link to={regionStatusHref(code)}>{t('followup.home.statusHeading')}</Link>
            </p>
          )}
          <StatusLegend />
          {d.groups.length === 0 && <p>{t('followup.drill.noGroups')}</p>}
          <TableScroll labelledBy="drill-caption">
            <table className="matrix">
              <caption id="drill-caption">{t('followup.drill.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('followup.heatmap.support')}</th>
                  <th scope="col">{t('followup.drill.region')}</th>
                  {d.groups.map((g) => (
                    <th key={g.id} scope="col">
                      <Link to={`/organisation/grupper/${g.id}`}>{g.name}</Link>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {d.supports.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{s.title}</th>
                    <StatusCell status={s.regionStatus} />
                    {s.groupStatuses.map((st, i) => (
                      <StatusCell key={d.groups[i]!.id} status={st} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </Page>
  );
}
