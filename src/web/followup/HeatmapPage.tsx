/**
 * Införande i landet: knowledge supports × regions grouped by healthcare region, coloured by
 * status with a text label in every cell, the share implemented per support and per region,
 * filters, paging, drill-down to a region's LPOs, CSV/XLSX export and a PNG of the view.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiHref } from '../api';
import { Link, navigate, useLocation } from '../app/router';
import { $api } from '../client';
import { ErrorAlert, Loading } from '../components/Alerts';
import { SelectField, TextField } from '../components/Fields';
import { Page } from '../components/Page';
import { TableScroll } from '../components/TableScroll';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n';
import { loadHealthcareRegions, loadProgramAreas } from '../organisation/reference';
import { drawHeatmap, downloadPng } from './heatmapPng';
import { StatusCell, StatusLegend } from './StatusCell';
import type { HeatmapResponse } from './types';
import { useStatusRegions } from './permissions';
import { regionStatusHref } from './RegionStatusPage';

export const HEATMAP_PATH = '/inforande';
const TYPES = [
  'kliniskt-kunskapsstod',
  'vardforlopp',
  'vardprogram',
  'vardriktlinje',
  'standardiserat-vardforlopp',
  'vard-och-insatsprogram',
  'nationella-riktlinjer',
];
const FILTERS = ['programArea', 'type', 'healthcareRegion', 'date', 'q'] as const;
const LIMIT = 50;

const pct = (n: number | null) => (n === null ? '–' : `${Math.round(n * 100)} %`);
/** "Sjukvårdsregion Norr" → "Norr", "Västra sjukvårdsregionen" → "Västra": the column groups. */
const groupName = (name: string) => name.replace(/^Sjukvårdsregion\s+/, '').replace(/\s+sjukvårdsregionen$/, '');

export function HeatmapPage() {
  const { t, formatDate } = useI18n();
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
                {x}
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
          <TableScroll labelledBy="heatmap-caption">
            <table className="matrix followup-heatmap">
              <caption id="heatmap-caption">{t('followup.heatmap.caption')}</caption>
              <thead>
                <tr>
                  <td />
                  {h.healthcareRegions.map((g) => (
                    <th key={g.id} scope="colgroup" colSpan={g.regionCodes.length}>
                      {groupName(g.name)}
                    </th>
                  ))}
                  <td />
                </tr>
                <tr>
                  <th scope="col">{t('followup.heatmap.support')}</th>
                  {h.regions.map((r) => (
                    <th key={r.code} scope="col" title={r.name}>
                      <Link to={`${HEATMAP_PATH}/regioner/${r.code}`} aria-label={`${r.name}: ${t('followup.heatmap.drill')}`}>
                        {r.shortName}
                      </Link>
                    </th>
                  ))}
                  <th scope="col">{t('followup.heatmap.share')}</th>
                </tr>
              </thead>
              <tbody>
                {h.supports.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{s.title}</th>
                    {s.statuses.map((st, i) => (
                      <StatusCell key={h.regions[i]!.code} status={st} />
                    ))}
                    <td className="nowrap">{pct(s.implementedShare)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('followup.heatmap.regionShare')}</th>
                  {h.regionShares.map((r) => (
                    <td key={r.code} className="nowrap">
                      {pct(r.share)}
                    </td>
                  ))}
                  <td />
                </tr>
              </tfoot>
            </table>
          </TableScroll>
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
