import { parse } from 'csv-parse/sync';

/**
 * The national reference data as shipped in reference/: parsed and checked without I/O, so
 * a broken data file is caught by a unit test and never half-loaded.
 */

export const HOST_STATUSES = ['confirmed', 'partly_confirmed', 'historical', 'seed_only', 'unknown'] as const;
export type HostStatus = (typeof HOST_STATUSES)[number];

export interface ReferenceSource {
  id: string;
  section: string;
  description: string;
  url: string | null;
}
export interface HealthcareRegionRec {
  id: string;
  name: string;
  memberRegionCodes: string[];
}
export interface RegionRec {
  code: string;
  name: string;
  shortName: string;
  countyName: string;
  healthcareRegionIds: string[];
}
export interface MunicipalityRec {
  code: string;
  name: string;
  regionCode: string;
}
export interface MunicipalitySplitRec {
  code: string;
  healthcareRegionId: string;
  basis: string;
}
export interface ProgramAreaRec {
  id: string;
  name: string;
  kind: 'npo' | 'primarvardsrad';
  hostHealthcareRegionId: string | null;
  hostOther: string | null;
  hostStatus: HostStatus;
  hostBasis: string | null;
  sourceIds: string[];
}
export interface CollaborationGroupRec {
  slug: string;
  name: string;
  /** Listed only by older sources (status historical): not one of today's groups. */
  historical: boolean;
  status: string;
  evidenceDates: string | null;
  notes: string | null;
  sourceIds: string[];
}

export interface ReferenceData {
  sources: ReferenceSource[];
  healthcareRegions: HealthcareRegionRec[];
  regions: RegionRec[];
  municipalities: MunicipalityRec[];
  municipalitySplits: MunicipalitySplitRec[];
  programAreas: ProgramAreaRec[];
  collaborationGroups: CollaborationGroupRec[];
}

export type ReferenceFiles = Record<
  'SOURCES.md' | 'sjukvardsregioner.csv' | 'regioner.csv' | 'kommuner.csv' | 'halland_kommuner_sjukvardsregion.csv' | 'npo.csv' | 'nsg.csv',
  string
>;

export const REFERENCE_FILE_NAMES: (keyof ReferenceFiles)[] = [
  'SOURCES.md',
  'sjukvardsregioner.csv',
  'regioner.csv',
  'kommuner.csv',
  'halland_kommuner_sjukvardsregion.csv',
  'npo.csv',
  'nsg.csv',
];

const list = (v: string | undefined): string[] =>
  (v ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
/** Project source texts (shared/seeds) cited as "seed 002" in the data files. */
export const SEED_SOURCES: Record<string, string> = {
  'seed-000': 'Underlag 000: Region Jönköpings län, Uppdraget till länsgemensamma programområden',
  'seed-001': 'Underlag 001: Sydöstra sjukvårdsregionen, samverkan och kunskapsråd',
  'seed-002': 'Underlag 002: Region Blekinge, styrande dokument för kunskapsstyrning (2024–2025)',
  'seed-003': 'Underlag 003: Västra sjukvårdsregionen, regional kunskapsstyrning',
  'seed-004': 'Underlag 004: Kunskapsstyrning, jäv och nationella grupper',
};
const sourceId = (s: string): string => s.replace(/^seed\s+(\d{3})$/i, 'seed-$1');

const opt = (v: string | undefined): string | null => (v && v.trim() ? v.trim() : null);

function csv(text: string): Record<string, string>[] {
  return parse<Record<string, string>>(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
}

/** SOURCES.md: "- **S01** description … URL", continuation lines indented, grouped under "## " sections. */
export function parseSources(md: string): ReferenceSource[] {
  const out: ReferenceSource[] = [];
  let section = '';
  let current: ReferenceSource | undefined;
  for (const line of md.split('\n')) {
    const heading = /^##\s+(.*)$/.exec(line);
    if (heading?.[1]) {
      section = heading[1].trim();
      current = undefined;
      continue;
    }
    const item = /^- \*\*(S\d+)\*\*\s*(.*)$/.exec(line);
    if (item?.[1]) {
      current = { id: item[1], section, description: (item[2] ?? '').trim(), url: null };
      out.push(current);
    } else if (current && /^\s{2,}\S/.test(line)) {
      current.description += ` ${line.trim()}`;
    } else {
      current = undefined;
    }
  }
  for (const [id, description] of Object.entries(SEED_SOURCES)) out.push({ id, section: 'Underlag', description, url: null });
  for (const s of out) {
    const urls = s.description.match(/https?:\/\/[^\s)]+/g);
    s.url = urls?.[0] ?? null;
  }
  return out;
}

export function parseReference(files: ReferenceFiles): ReferenceData {
  return {
    sources: parseSources(files['SOURCES.md']),
    healthcareRegions: csv(files['sjukvardsregioner.csv']).map((r) => ({
      id: r.id!,
      name: r.name!,
      memberRegionCodes: list(r.member_region_codes),
    })),
    regions: csv(files['regioner.csv']).map((r) => ({
      code: r.lanskod!,
      name: r.region_name!,
      shortName: r.short_name!,
      countyName: r.lan_name!,
      healthcareRegionIds: list(r.sjukvardsregion_ids),
    })),
    municipalities: csv(files['kommuner.csv']).map((r) => ({ code: r.kommunkod!, name: r.kommunnamn!, regionCode: r.lanskod! })),
    municipalitySplits: csv(files['halland_kommuner_sjukvardsregion.csv']).map((r) => ({
      code: r.kommunkod!,
      healthcareRegionId: r.sjukvardsregion_id!,
      basis: r.basis ?? '',
    })),
    programAreas: csv(files['npo.csv']).map((r) => ({
      id: r.slug!,
      name: r.name!,
      kind: r.kind as 'npo' | 'primarvardsrad',
      hostHealthcareRegionId: opt(r.host_sjukvardsregion_id),
      hostOther: opt(r.host_other),
      hostStatus: r.host_status as HostStatus,
      hostBasis: opt(r.host_basis),
      sourceIds: list(r.sources).map(sourceId),
    })),
    collaborationGroups: csv(files['nsg.csv'])
      .filter((r) => !isPlaceholderName(r.name!))
      .map((r) => ({
        slug: r.slug!,
        name: r.name!,
        historical: r.status === 'historical',
        status: r.status!,
        evidenceDates: opt(r.evidence_dates),
        notes: opt(r.notes),
        sourceIds: list(r.sources).map(sourceId),
      })),
  };
}

/** Every rule the data must keep; returns the violations (empty when the data is sound). */
export function checkReference(d: ReferenceData): string[] {
  const problems: string[] = [];
  const hr = new Set(d.healthcareRegions.map((h) => h.id));
  const regions = new Map(d.regions.map((r) => [r.code, r]));
  const sources = new Set(d.sources.map((s) => s.id));
  for (const h of d.healthcareRegions) {
    if (!/^[a-z-]+$/.test(h.id)) problems.push(`sjukvårdsregion ${h.id}: ogiltigt id`);
    for (const c of h.memberRegionCodes) {
      const r = regions.get(c);
      if (!r) problems.push(`sjukvårdsregion ${h.id}: okänd region ${c}`);
      else if (!r.healthcareRegionIds.includes(h.id)) problems.push(`region ${c} saknar ${h.id} fast ${h.id} listar den`);
    }
  }
  for (const r of d.regions) {
    if (!/^\d{2}$/.test(r.code)) problems.push(`region ${r.code}: länskod ska vara två siffror`);
    if (r.healthcareRegionIds.length === 0) problems.push(`region ${r.code}: ingen sjukvårdsregion`);
    for (const id of r.healthcareRegionIds) {
      if (!hr.has(id)) problems.push(`region ${r.code}: okänd sjukvårdsregion ${id}`);
      else if (!d.healthcareRegions.find((h) => h.id === id)!.memberRegionCodes.includes(r.code)) {
        problems.push(`sjukvårdsregion ${id} listar inte region ${r.code}`);
      }
    }
  }
  const seen = new Set<string>();
  for (const m of d.municipalities) {
    if (!/^\d{4}$/.test(m.code)) problems.push(`kommun ${m.code}: kommunkod ska vara fyra siffror`);
    if (seen.has(m.code)) problems.push(`kommun ${m.code}: dubblett`);
    seen.add(m.code);
    if (!regions.has(m.regionCode)) problems.push(`kommun ${m.code}: okänd region ${m.regionCode}`);
    if (m.code.slice(0, 2) !== m.regionCode) problems.push(`kommun ${m.code}: koden börjar inte med länskoden ${m.regionCode}`);
  }
  for (const s of d.municipalitySplits) {
    const m = d.municipalities.find((x) => x.code === s.code);
    if (!m) problems.push(`uppdelning: okänd kommun ${s.code}`);
    else if (!regions.get(m.regionCode)?.healthcareRegionIds.includes(s.healthcareRegionId)) {
      problems.push(`uppdelning: kommun ${s.code} kan inte tillhöra ${s.healthcareRegionId}`);
    }
  }
  for (const r of d.regions.filter((x) => x.healthcareRegionIds.length > 1)) {
    const unsplit = d.municipalities.filter((m) => m.regionCode === r.code && !d.municipalitySplits.some((s) => s.code === m.code));
    if (unsplit.length) problems.push(`region ${r.code} delas mellan sjukvårdsregioner men kommunerna ${unsplit.map((m) => m.code).join(', ')} saknar uppdelning`);
  }
  for (const p of d.programAreas) {
    if (!/^[a-z0-9-]+$/.test(p.id)) problems.push(`programområde ${p.id}: ogiltig slug`);
    if (!HOST_STATUSES.includes(p.hostStatus)) problems.push(`programområde ${p.id}: okänd status ${p.hostStatus}`);
    if (p.hostHealthcareRegionId && !hr.has(p.hostHealthcareRegionId)) problems.push(`programområde ${p.id}: okänd värd ${p.hostHealthcareRegionId}`);
    for (const s of p.sourceIds) if (!sources.has(s)) problems.push(`programområde ${p.id}: okänd källa ${s}`);
  }
  for (const g of d.collaborationGroups) for (const s of g.sourceIds) if (!sources.has(s)) problems.push(`samverkansgrupp ${g.slug}: okänd källa ${s}`);
  return problems;
}

/**
 * The reference data writes "(exact name not found) - area 'x'" where no source it read gives a
 * group's name. Such a row is not published: a placeholder is not a name, and a name made up from
 * the area would be one no source gives either. nsg.csv's only such row, area 'utveckling' (Norra's
 * pages 2020–2024), is the group seed 002 and the LSVO agreement 2024 name "Nationell
 * samverkansgrupp stöd för utveckling" (row stod-for-utveckling): publishing it would list that
 * group twice. Migration 0041 removes the group an earlier load made of it.
 */
export function isPlaceholderName(name: string): boolean {
  return /^\(exact name not found\)/i.test(name.trim());
}
