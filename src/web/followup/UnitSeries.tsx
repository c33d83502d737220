/**
 * The indicator at the level of units: the region's units that have values (named as the source
 * names them, with their HSA-id), a choice of one, and its run or control chart against the
 * country, with the unit's region beside it in the table and the source's attribution under the
 * chart. Shown when the indicator has values by unit (the national quality indicators give them).
 */
import { useState } from 'react';
import { $api } from '../client';
import { SelectField } from '../components/Fields';
import { TableScroll } from '../components/TableScroll';
import { useI18n } from '../i18n';
import { SeriesChart, type ChartKind } from './Chart';
import type { Indicator, SeriesResponse } from './types';

export function UnitSeries({
  id,
  indicator,
  region,
  kind,
}: {
  id: string;
  indicator: Indicator;
  region: string;
  kind: ChartKind;
}) {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const units = $api.useQuery('get', '/indicators/{id}/units', { params: { path: { id }, query: { region } } });
  const [chosen, setChosen] = useState<string | undefined>();
  const items = units.data?.items ?? [];
  const unit = items.find((u) => u.hsaId === chosen) ?? items[0];
  const series = $api.useQuery(
    'get',
    '/indicators/{id}/unit-series',
    { params: { path: { id }, query: { units: unit?.hsaId ?? '' } } },
    { enabled: !!unit },
  );
  if (!items.length || !unit) return null;
  const d = series.data as SeriesResponse | undefined;
  const own = d?.series.find((s) => s.area === unit.hsaId);
  const regional = d?.series.find((s) => s.area === unit.region);
  const nation = d?.series.find((s) => s.area === 'SE');
  const fmt = (v: number | null | undefined) => (v === null || v === undefined ? t('followup.chart.missing') : formatNumber(v));
  const attribution = i18n.tMaybe(`followup.indicator.sourceAttribution.${indicator.source}`);
  return (
    <section aria-labelledby="units-heading">
      <h2 id="units-heading">{t('followup.units.heading', { region: unit.regionName })}</h2>
      <p className="muted">{t('followup.units.intro')}</p>
      <div className="filter-grid filter-grid-fit">
        <SelectField id="ind-unit" label={t('followup.units.unit')} value={unit.hsaId} onChange={setChosen}>
          {items.map((u) => (
            <option key={u.hsaId} value={u.hsaId}>
              {t('followup.units.option', { name: u.name, hsaId: u.hsaId })}
            </option>
          ))}
        </SelectField>
      </div>
      {own && d && d.periods.length > 0 && (
        <>
          <h3 className="h-small">
            {own.name} ({t('followup.units.hsaId')} {unit.hsaId})
          </h3>
          <SeriesChart indicator={indicator} periods={d.periods} series={own} nation={nation} kind={kind} idPrefix="unit-chart" />
          {attribution && <p className="source-attribution">{attribution}</p>}
          <details>
            <summary>{t('followup.chart.table')}</summary>
            <TableScroll labelledBy="unit-values-caption">
              <table>
                <caption id="unit-values-caption">
                  {t('followup.units.tableCaption', { indicator: indicator.name, unit: own.name })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('followup.chart.period')}</th>
                    <th scope="col">{own.name}</th>
                    {regional && <th scope="col">{regional.name}</th>}
                    <th scope="col">{t('followup.chart.nation')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.periods.map((p, i) => (
                    <tr key={p}>
                      <th scope="row">{p}</th>
                      <td>{fmt(own.values[i])}</td>
                      {regional && <td>{fmt(regional.values[i])}</td>}
                      <td>{fmt(nation?.values[i])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </details>
        </>
      )}
    </section>
  );
}
