import type { HealthcareRegionRow, MunicipalityRow, ProgramAreaRow, RegionRow, SourceRow } from './repository.js';

export type Sources = Map<string, SourceRow>;
export const sourcesOf = (ids: string[], all: Sources) =>
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

export const presentSource = (s: SourceRow) => ({ id: s.id, section: s.section, description: s.description, url: s.url });
