/** The national heatmap: knowledge supports × regions, grouped by healthcare region. */
import type { Queryable } from '../../platform/db/index.js';
import { heatmapQueries as impl, IMPLEMENTED, type ImplementationState } from '../implementation/index.js';
import * as repo from './repository.js';
import { regionAbbreviation } from './rules/region-abbreviation.js';

export interface HeatmapQuery extends impl.HeatmapFilter {
  limit: number;
  offset: number;
}

/** A cell that does not count in the shares: the support is not relevant in the region. */
const NOT_RELEVANT: ImplementationState = 'ej-aktuell';

const share = (implemented: number, of: number) => (of === 0 ? null : Math.round((implemented / of) * 1000) / 1000);

/** Healthcare regions from north to south, as the national reports list them. */
const NORTH_TO_SOUTH = ['norra', 'mellansverige', 'stockholm-gotland', 'vastra', 'sydostra', 'sodra'];

/** Columns: each region once, under the first healthcare region (north to south) it belongs to. */
export async function heatmapColumns(db: Queryable, healthcareRegion?: string) {
  const [hrs, regions] = await Promise.all([repo.healthcareRegions(db), repo.regionsWithHealthcareRegions(db)]);
  const rank = (id: string) => (NORTH_TO_SOUTH.includes(id) ? NORTH_TO_SOUTH.indexOf(id) : NORTH_TO_SOUTH.length);
  const groups = [...hrs]
    .sort((a, b) => rank(a.id) - rank(b.id))
    .filter((h) => !healthcareRegion || h.id === healthcareRegion)
    .map((h) => ({ id: h.id, name: h.name, regionCodes: [] as string[] }));
  const placed = new Set<string>();
  for (const g of groups) {
    for (const r of regions) {
      if (r.healthcareRegionIds.includes(g.id) && (healthcareRegion || !placed.has(r.code))) {
        g.regionCodes.push(r.code);
        placed.add(r.code);
      }
    }
  }
  const columns = groups.flatMap((g) => g.regionCodes.map((code) => regions.find((r) => r.code === code)!));
  return { groups, columns };
}

export async function heatmap(db: Queryable, q: HeatmapQuery) {
  const [{ groups, columns }, { page: supports, total }, shares] = await Promise.all([
    heatmapColumns(db, q.healthcareRegion),
    impl.heatmapSupports(db, q, q.limit, q.offset),
    impl.regionShares(db, q),
  ]);
  const cells = await impl.heatmapCells(
    db,
    supports.map((s) => s.id),
    q,
  );
  const bySupport = new Map<string, Map<string, ImplementationState>>();
  for (const c of cells) {
    if (!bySupport.has(c.support_id)) bySupport.set(c.support_id, new Map());
    bySupport.get(c.support_id)!.set(c.region_code, c.status);
  }
  const colCodes = columns.map((c) => c.code);
  const rows = supports.map((s) => {
    const m = bySupport.get(s.id) ?? new Map<string, ImplementationState>();
    const statuses = colCodes.map((code) => m.get(code) ?? null);
    const known = statuses.filter((x): x is ImplementationState => x !== null && x !== NOT_RELEVANT);
    return {
      id: s.id,
      title: s.title,
      type: s.type,
      programAreaIds: s.program_area_ids,
      statuses,
      implementedShare: share(known.filter((x) => IMPLEMENTED.has(x)).length, known.length),
    };
  });
  // Region shares over all matching supports, current or as of the date (not just the page).
  const byRegion = new Map(shares.map((r) => [r.region_code, r]));
  const regionShares = colCodes.map((code) => {
    const r = byRegion.get(code);
    return {
      code,
      implemented: r?.implemented ?? 0,
      withStatus: r?.with_status ?? 0,
      share: share(r?.implemented ?? 0, r?.with_status ?? 0),
    };
  });
  return {
    healthcareRegions: groups,
    regions: columns.map((r) => ({
      code: r.code,
      name: r.name,
      shortName: r.shortName,
      abbreviation: regionAbbreviation(r.code, r.shortName),
      healthcareRegionIds: r.healthcareRegionIds,
    })),
    supports: rows,
    regionShares,
    total,
    limit: q.limit,
    offset: q.offset,
    asOf: q.date ?? null,
  };
}
