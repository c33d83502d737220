/**
 * One indicator: its definition, a run or control chart of a region against the nation with
 * the target line, a text summary of the signals, the values as a table, all regions side by
 * side, and the PDSA cycles linked to it.
 */
import { useState, type FormEvent } from 'react';
import { Link, navigate, useLocation } from '../app/router';
import { useSession } from '../auth/session';
import { $api } from '../client';
import { ErrorAlert, Loading } from '../components/Alerts';
import { SelectField } from '../components/Fields';
import { Page } from '../components/Page';
import { TableScroll } from '../components/TableScroll';
import { useAsync } from '../components/useAsync';
import { useMyRegions } from '../auth/regions';
import { useI18n, type I18n } from '../i18n';
import { loadAllMunicipalities, loadHealthcareRegions, loadRegions } from '../organisation/reference';
import { SeriesChart, type ChartKind } from './Chart';
import { FOLLOWUP_PATH, indicatorHref } from './FollowupHomePage';
import { GenderComparison } from './GenderComparison';
import { editIndicatorHref } from './IndicatorFormPage';
import { UnitSeries } from './UnitSeries';
import type { AreaSeries, Indicator, SeriesResponse } from './types';

function summary(
  i18n: I18n,
  ind: Indicator,
  s: AreaSeries,
  nation: AreaSeries | undefined,
  periods: string[],
  kind: ChartKind,
): string[] {
  const { t, formatNumber } = i18n;
  const out: string[] = [];
  const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatNumber(Math.round(v * 10) / 10));
  if (s.latest) {
    const nat = nation?.values[periods.indexOf(s.latest.period)];
    out.push(
      t('followup.chart.summary.latest', {
        name: s.name,
        value: fmt(s.latest.value),
        unit: ind.unit,
        period: s.latest.period,
        nation: fmt(nat),
      }),
    );
  }
  if (ind.targetValue !== null && s.meetsTarget !== null) {
    out.push(
      t('followup.chart.summary.target', {
        target: fmt(ind.targetValue),
        unit: ind.unit,
        met: t(s.meetsTarget ? 'followup.chart.summary.met' : 'followup.chart.summary.notMet'),
      }),
    );
  }
  const centre = kind === 'run' ? s.analysis.run.median : s.analysis.control.mean;
  out.push(
    t('followup.chart.summary.center', {
      center: t(kind === 'run' ? 'followup.chart.median' : 'followup.chart.mean'),
      value: fmt(centre),
      unit: ind.unit,
    }),
  );
  out.push(...(kind === 'run' ? s.analysis.run.notes : s.analysis.control.notes));
  const signals = s.signals.filter((x) => x.chart === kind);
  out.push(
    signals.length
      ? t('followup.chart.summary.signals', {
          list: signals
            .map(
              (x) =>
                `${i18n.tMaybe(`followup.signal.${x.rule}`) ?? x.rule}${x.periods.length ? ` (${x.periods[0]}–${x.periods[x.periods.length - 1]})` : ''}, ${i18n.tMaybe(`followup.signal.${x.meaning}`) ?? x.meaning}`,
            )
            .join('; '),
        })
      : t('followup.chart.summary.noSignals'),
  );
  if (s.analysis.missingPeriods.length)
    out.push(t('followup.chart.summary.missing', { list: s.analysis.missingPeriods.join(', ') }));
  return out;
}

export function IndicatorPage({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const { user } = useSession();
  const { search } = useLocation();
  const { preferredRegion } = useMyRegions();
  const region = search.get('region') ?? preferredRegion ?? '07';
  const kind: ChartKind = search.get('chart') === 'run' ? 'run' : 'control';
  const [draft, setDraft] = useState<{ region: string; kind: string }>({ region, kind });
  const regions = useAsync(() => loadRegions(), []);
  const data = $api.useQuery('get', '/indicators/{id}/series', { params: { path: { id } } });
  const owner = data.data?.indicator.owner;
  // The owner by name: the nation, a healthcare region, a region or a municipality.
  const ownerName = useAsync(async () => {
    // TanStack Query refuses undefined as an answer: null when there is no name to show.
    if (!owner || owner === 'national') return null;
    if (/^[0-9]{4}$/.test(owner)) return (await loadAllMunicipalities()).find((m) => m.code === owner)?.name ?? null;
    if (/^[0-9]{2}$/.test(owner)) return (await loadRegions()).find((r) => r.code === owner)?.name ?? null;
    return (await loadHealthcareRegions()).find((h) => h.id === owner)?.name ?? null;
  }, [owner]);
  // What the person may change here (edit the definition, set the targets): the server says.
  const detail = $api.useQuery('get', '/indicators/{id}', { params: { path: { id } } }, { enabled: !!user });
  const pdsa = $api.useQuery('get', '/indicators/{id}/pdsa-cycles', { params: { path: { id } } }, { enabled: !!user });
  // The series' analysis is free-form in the contract; the charts read it as SeriesResponse.
  const d = data.data as SeriesResponse | undefined;
  const ind = d?.indicator;
  const nation = d?.series.find((s) => s.area === 'SE');
  const own = d?.series.find((s) => s.area === region);
  const fmt = (v: number | null | undefined) => (v === null || v === undefined ? t('followup.chart.missing') : formatNumber(v));

  function submit(e: FormEvent) {
    e.preventDefault();
    navigate(`${indicatorHref(id)}?region=${draft.region}&chart=${draft.kind}`, { replace: true });
  }

  return (
    <Page
      title={ind?.name ?? t('followup.indicator.name')}
      crumbs={[
        { to: '/', label: t('nav.start') },
        { to: FOLLOWUP_PATH, label: t('followup.home.title') },
      ]}
    >
      {data.error && <ErrorAlert error={data.error} />}
      {data.isPending && <Loading />}
      {ind && d && (
        <>
          <dl className="facts">
            <dt>{t('followup.indicator.definition')}</dt>
            <dd>{ind.definition}</dd>
            <dt>{t('followup.indicator.direction')}</dt>
            <dd>{t(`followup.indicator.direction.${ind.direction}`)}</dd>
            <dt>{t('followup.indicator.periodicity')}</dt>
            <dd>{t(`followup.indicator.periodicity.${ind.periodicity}`)}</dd>
            <dt>{t('followup.indicator.source')}</dt>
            <dd>{ind.sourceName ?? i18n.tMaybe(`followup.indicator.source.${ind.source}`) ?? ind.source}</dd>
            <dt>{t('followup.indicator.owner')}</dt>
            <dd>{ind.owner === 'national' ? t('followup.indicator.owner.national') : (ownerName.data ?? ind.owner)}</dd>
            <dt>{t('followup.indicator.target')}</dt>
            <dd>{ind.targetValue === null ? '–' : `${fmt(ind.targetValue)} ${ind.unit}`}</dd>
          </dl>
          {user && (
            <p className="button-row">
              <Link className="button button-secondary" to={`${indicatorHref(id)}/import`}>
                {t('followup.indicator.import')}
              </Link>
              {(detail.data?.allowedActions.length ?? 0) > 0 && (
                <Link className="button button-secondary" to={editIndicatorHref(id)}>
                  {t('followup.indicator.edit')}
                </Link>
              )}
            </p>
          )}
          <form className="filters form" onSubmit={submit} aria-labelledby="ind-filter-heading">
            <h2 id="ind-filter-heading" className="h-small">
              {t('followup.indicator.chartKind')}
            </h2>
            {/* Wide enough for the longest region name and chart type: no cut-off drop-downs (issue 17). */}
            <div className="filter-grid filter-grid-fit">
              <SelectField
                id="ind-region"
                label={t('followup.indicator.region')}
                value={draft.region}
                onChange={(v) => setDraft((x) => ({ ...x, region: v }))}
              >
                {(regions.data ?? []).map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.name}
                  </option>
                ))}
              </SelectField>
              <SelectField
                id="ind-kind"
                label={t('followup.indicator.chartKind')}
                value={draft.kind}
                onChange={(v) => setDraft((x) => ({ ...x, kind: v }))}
              >
                <option value="control">{t('followup.indicator.chart.control')}</option>
                <option value="run">{t('followup.indicator.chart.run')}</option>
              </SelectField>
            </div>
            <button type="submit">{t('followup.indicator.show')}</button>
          </form>
          {d.periods.length === 0 && <p>{t('followup.indicator.noValues')}</p>}
          {own && d.periods.length > 0 && (
            <section aria-labelledby="chart-heading">
              <h2 id="chart-heading">
                {own.name}: {t(kind === 'run' ? 'followup.indicator.chart.run' : 'followup.indicator.chart.control')}
              </h2>
              <SeriesChart indicator={ind} periods={d.periods} series={own} nation={nation} kind={kind} idPrefix="main-chart" />
              {/* Kolada's terms of use: data shown from Kolada says so. */}
              {i18n.tMaybe(`followup.indicator.sourceAttribution.${ind.source}`) && (
                <p className="source-attribution">{i18n.tMaybe(`followup.indicator.sourceAttribution.${ind.source}`)}</p>
              )}
              <div className="chart-summary" aria-live="polite">
                {summary(i18n, ind, own, nation, d.periods, kind).map((line) => (
                  <p key={line}>{line}</p>
                ))}
              </div>
              <details>
                <summary>{t('followup.chart.table')}</summary>
                <TableScroll labelledBy="values-caption">
                  <table>
                    <caption id="values-caption">{t('followup.chart.tableCaption', { indicator: ind.name })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('followup.chart.period')}</th>
                        <th scope="col">{own.name}</th>
                        <th scope="col">{t('followup.chart.nation')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.periods.map((p, i) => (
                        <tr key={p}>
                          <th scope="row">{p}</th>
                          <td>{fmt(own.values[i])}</td>
                          <td>{fmt(nation?.values[i])}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </details>
            </section>
          )}
          {d.periods.length > 0 && regions.data && (
            <GenderComparison
              id={id}
              indicator={ind}
              region={region}
              healthcareRegion={regions.data.find((r) => r.code === region)?.healthcareRegionIds[0]}
            />
          )}
          {d.periods.length > 0 && <UnitSeries id={id} indicator={ind} region={region} kind={kind} />}
          {d.periods.length > 0 && (
            <section aria-labelledby="side-heading">
              <h2 id="side-heading">{t('followup.indicator.sideBySide')}</h2>
              <ul className="cards" style={{ listStyle: 'none', padding: 0 }}>
                {d.series
                  .filter((s) => s.area !== 'SE')
                  .map((s) => (
                    <li key={s.area} className="card">
                      <h3 className="h-small">
                        <Link to={`${indicatorHref(id)}?region=${s.area}&chart=${kind}`}>{s.name}</Link>
                      </h3>
                      <SeriesChart
                        indicator={ind}
                        periods={d.periods}
                        series={s}
                        nation={nation}
                        kind={kind}
                        idPrefix={`small-${s.area}`}
                        small
                      />
                      <p className="muted">
                        {s.latest ? `${fmt(s.latest.value)} ${ind.unit} (${s.latest.period})` : t('followup.chart.missing')}
                        {s.signals.some((x) => x.chart === kind) ? ` – ${t('followup.chart.signal')}` : ''}
                      </p>
                    </li>
                  ))}
              </ul>
              {i18n.tMaybe(`followup.indicator.sourceAttribution.${ind.source}`) && (
                <p className="source-attribution">{i18n.tMaybe(`followup.indicator.sourceAttribution.${ind.source}`)}</p>
              )}
            </section>
          )}
          {pdsa.data && (
            <section aria-labelledby="pdsa-heading">
              <h2 id="pdsa-heading">{t('followup.indicator.pdsa')}</h2>
              {pdsa.data.items.length === 0 && <p>{t('followup.indicator.noPdsa')}</p>}
              <p>
                <Link to={`${indicatorHref(id)}/pdsa`}>{t('followup.indicator.pdsaWork')}</Link>
              </p>
              <ul>
                {pdsa.data.items.map((p) => (
                  <li key={p.id}>
                    <strong>{p.title}</strong> ({p.regionCode}, {t(`followup.pdsa.phase.${p.phase}`)})
                    {p.plan ? `: ${p.plan}` : ''}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </Page>
  );
}
