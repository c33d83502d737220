import type { GroupRow, HealthcareRegionRow, MunicipalityRow, ProgramAreaRow, RegionRow, SourceRow } from './repository.js';

type Sources = Map<string, SourceRow>;
const sourcesOf = (ids: string[], all: Sources) =>
  ids.map((id) => {
    const s = all.get(id);
    return { id, description: s?.description ?? id, url: s?.url ?? null };
  });

export const presentHealthcareRegion = (r: HealthcareRegionRow) => ({ id: r.id, name: r.name, regionCodes: r.region_codes, version: r.version });

export const presentRegion = (r: RegionRow) => ({
  code: r.code,
  name: r.name,
  shortName: r.short_name,
  countyName: r.county_name,
  healthcareRegionIds: r.healthcare_region_ids,
  municipalityCount: r.municipality_count,
  version: r.version,
});

export const presentMunicipality = (m: MunicipalityRow) => ({
  code: m.code,
  name: m.name,
  regionCode: m.region_code,
  healthcareRegionId: m.healthcare_region_id,
  healthcareRegionBasis: m.healthcare_region_basis,
});

export const presentProgramArea = (p: ProgramAreaRow, sources: Sources) => ({
  id: p.id,
  name: p.name,
  kind: p.kind,
  hostHealthcareRegionId: p.host_healthcare_region_id,
  hostOther: p.host_other,
  hostStatus: p.host_status,
  hostBasis: p.host_basis,
  sources: sourcesOf(p.source_ids, sources),
  version: p.version,
});

export const presentGroup = (g: GroupRow, sources: Sources) => ({
  id: g.id,
  kind: g.kind,
  level: g.level,
  owner: g.owner,
  name: g.name,
  shortName: g.short_name,
  programAreaIds: g.program_area_ids,
  mirrorsGroupId: g.mirrors_group_id,
  parentGroupId: g.parent_group_id,
  factStatus: g.fact_status,
  factBasis: g.fact_basis,
  sources: sourcesOf(g.source_ids, sources),
  isDemo: g.is_demo,
  startDate: g.start_date,
  endDate: g.end_date,
  version: g.version,
});

export const presentSource = (s: SourceRow) => ({ id: s.id, section: s.section, description: s.description, url: s.url });
