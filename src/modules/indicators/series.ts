/** An indicator's values as chart series: region(s) against the nation, with run and control chart analysis. */
import type { Queryable } from '../../platform/db/index.js';
import * as repo from './repository.js';
import type { Gender } from './rules/places.js';
import { periodicityOf, periodRange } from './rules/periods.js';
import { analyse, signalMeaning, type Analysis } from './rules/spc.js';

/**
 * What a series (and a unit's) is built from, for the cached reads (read-cache.ts): the indicator,
 * its values and the units' names (topic 'indicators', migration 0058) and the regions' names.
 */
export const SERIES_TOPICS = ['indicators', 'reference'];

export interface SeriesOptions {
  /** The regions asked for (the nation is always added); every region when left out. */
  areas?: string[];
  subArea?: string;
  from?: string;
  to?: string;
  /** T (the total, default), K or M. */
  gender?: Gender;
}

export interface AreaSeries {
  area: string;
  name: string;
  /** The country ('SE'), a healthcare region (its id, e.g. 'sydostra'), a region (its code) or a unit (its HSA-id). */
  level: 'country' | 'healthcare-region' | 'region' | 'unit';
  values: (number | null)[];
  latest: { period: string; value: number } | null;
  meetsTarget: boolean | null;
  analysis: Omit<Analysis, 'points'>;
  signals: { chart: 'run' | 'control'; rule: string; periods: string[]; side: string | null; meaning: string }[];
}

/**
 * The analysis of one series is a pure function of its periods and values, so it is kept for the
 * series it was computed for (issue 20: every area was analysed again on every request). The key
 * is the series itself, not the indicator and its last import: a new import, a Kolada refresh or
 * another filter gives other values and so another key, and a kept answer is never stale. The
 * least recently used answers go first; the kept objects are shared, so nothing may change them.
 */
const ANALYSIS_CACHE_SIZE = 2_000;
const analyses = new Map<string, Omit<Analysis, 'points'>>();

export function analyseOnce(points: { period: string; value: number | null }[]): Omit<Analysis, 'points'> {
  // Periods are consecutive (periodRange), so the first period and the count name them all;
  // a number's string form is exact, and a missing value ('') cannot be mistaken for one.
  const key = `${points[0]?.period ?? ''}:${points.length}:${points.map((p) => (p.value === null ? '' : String(p.value))).join(',')}`;
  const known = analyses.get(key);
  if (known) {
    analyses.delete(key);
    analyses.set(key, known);
    return known;
  }
  const { points: _p, ...analysis } = analyse(points);
  void _p;
  if (analyses.size >= ANALYSIS_CACHE_SIZE) analyses.delete(analyses.keys().next().value!);
  analyses.set(key, analysis);
  return analysis;
}

export async function indicatorSeries(db: Queryable, indicator: repo.IndicatorRecord, opts: SeriesOptions) {
  // Every region when none is named: the regions are read once, for the names and the areas.
  const regionsRead = repo.regionsWithHealthcareRegions(db);
  const regions = opts.areas ? undefined : await regionsRead;
  const areas = [...new Set([...(opts.areas ?? regions!.map((r) => r.code)), 'SE'])];
  const [values, regionList] = await Promise.all([
    repo.seriesValues(db, indicator.id, areas, opts.subArea ?? '', opts.from, opts.to, opts.gender),
    regions ?? regionsRead,
  ]);
  const present = [...new Set(values.map((v) => v.period))].sort();
  const valid = (p: string | undefined) => (p && periodicityOf(p) === indicator.periodicity ? p : undefined);
  const first = valid(opts.from) ?? present[0];
  const last = valid(opts.to) ?? present[present.length - 1];
  const periods = first && last && first <= last ? periodRange(first, last, 600) : [];
  const byArea = new Map<string, Map<string, number>>();
  for (const v of values) {
    if (!byArea.has(v.area)) byArea.set(v.area, new Map());
    byArea.get(v.area)!.set(v.period, v.value);
  }
  // Healthcare regions (by id, e.g. 'sydostra') are compared beside their regions and the country.
  const healthcare = areas.some((a) => /^[a-z]/.test(a)) ? await repo.healthcareRegions(db) : [];
  const levelOf = (a: string): AreaSeries['level'] =>
    a === 'SE' ? 'country' : /^[a-z]/.test(a) ? 'healthcare-region' : 'region';
  const nameOf = (a: string) =>
    a === 'SE' ? 'Riket' : (regionList.find((r) => r.code === a)?.name ?? healthcare.find((h) => h.id === a)?.name ?? a);
  const series: AreaSeries[] = areas.map((area) =>
    seriesOf(indicator, periods, { area, name: nameOf(area), level: levelOf(area) }, byArea.get(area)),
  );
  return { periods, series };
}

/** One place's series over the periods: its values, the latest, the target, the run and control chart analysis. */
function seriesOf(
  indicator: repo.IndicatorRecord,
  periods: string[],
  place: Pick<AreaSeries, 'area' | 'name' | 'level'>,
  values: Map<string, number> | undefined,
): AreaSeries {
  const m = values ?? new Map<string, number>();
  const points = periods.map((period) => ({ period, value: m.get(period) ?? null }));
  const analysis = analyseOnce(points);
  const lastPoint = [...points].reverse().find((p) => p.value !== null);
  const target = indicator.targetValue;
  const signals = [
    ...analysis.run.signals.map((s) => ({ chart: 'run' as const, s })),
    ...analysis.control.signals.map((s) => ({ chart: 'control' as const, s })),
  ].map(({ chart, s }) => ({
    chart,
    rule: s.rule,
    periods: s.indices.map((i) => periods[i]!),
    side: s.side,
    meaning: signalMeaning(s, indicator.direction),
  }));
  return {
    ...place,
    values: points.map((p) => p.value),
    latest: lastPoint ? { period: lastPoint.period, value: lastPoint.value! } : null,
    meetsTarget:
      lastPoint && target !== null
        ? indicator.direction === 'higher'
          ? lastPoint.value! >= target
          : lastPoint.value! <= target
        : null,
    analysis,
    signals,
  };
}

export interface UnitSeriesOptions {
  /** The units asked for, by HSA-id. */
  units: string[];
  from?: string;
  to?: string;
  gender?: Gender;
}

/**
 * Units by HSA-id against their regions and the country: one series per unit (named by the
 * source's unit name when Navet has it), then each unit's region, then the nation.
 */
export async function unitSeries(db: Queryable, indicator: repo.IndicatorRecord, opts: UnitSeriesOptions) {
  const [unitValues, units, regions] = await Promise.all([
    repo.unitValues(db, indicator.id, opts.units, opts.from, opts.to, opts.gender),
    repo.unitsOf(db, indicator.id, { hsaIds: opts.units }),
    repo.regionsWithHealthcareRegions(db),
  ]);
  const unitRegion = new Map(unitValues.map((v) => [v.subArea, v.area]));
  const areas = [...new Set([...opts.units.map((u) => unitRegion.get(u)).filter((a): a is string => !!a), 'SE'])];
  const areaValues = await repo.seriesValues(db, indicator.id, areas, '', opts.from, opts.to, opts.gender);
  const present = [...new Set([...unitValues, ...areaValues].map((v) => v.period))].sort();
  const valid = (p: string | undefined) => (p && periodicityOf(p) === indicator.periodicity ? p : undefined);
  const first = valid(opts.from) ?? present[0];
  const last = valid(opts.to) ?? present[present.length - 1];
  const periods = first && last && first <= last ? periodRange(first, last, 600) : [];
  const group = (vs: repo.SeriesValue[], key: (v: repo.SeriesValue) => string) => {
    const out = new Map<string, Map<string, number>>();
    for (const v of vs) {
      if (!out.has(key(v))) out.set(key(v), new Map());
      out.get(key(v))!.set(v.period, v.value);
    }
    return out;
  };
  const byUnit = group(unitValues, (v) => v.subArea);
  const byArea = group(areaValues, (v) => v.area);
  const unitName = new Map(units.map((u) => [u.hsaId, u.name]));
  const series: AreaSeries[] = [
    ...opts.units.map((u) => seriesOf(indicator, periods, { area: u, name: unitName.get(u) ?? u, level: 'unit' }, byUnit.get(u))),
    ...areas.map((a) =>
      seriesOf(
        indicator,
        periods,
        {
          area: a,
          name: a === 'SE' ? 'Riket' : (regions.find((r) => r.code === a)?.name ?? a),
          level: a === 'SE' ? 'country' : 'region',
        },
        byArea.get(a),
      ),
    ),
  ];
  return { periods, series };
}
