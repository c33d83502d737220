import { GROUP_KINDS, LEVELS, levelOfOwner, type Geography, type GroupKind, type Level } from './structure.js';

/**
 * reference/structures.json: the real structures the source texts name (Sydöstra, Västra,
 * Jönköping, Blekinge, …), loaded as reference data. Parsed and checked without I/O.
 */
export interface StructureGroup {
  key: string;
  kind: GroupKind;
  level: Level;
  owner: string;
  name: string;
  seedName?: string | null;
  shortName?: string | null;
  programAreaIds: string[];
  parentKey?: string | null;
  parentRelation?: 'reports-to' | 'prepares-for' | 'appointed-by' | 'part-of' | null;
  isSubGroup?: boolean;
  hostDescription?: string | null;
  /** The group one level up it mirrors, when not found by program area (an RSG's NSG). */
  mirrorKey?: string | null;
  /** The source's words that the group has no counterpart one level up (not a gap). */
  noCounterpart?: string | null;
  source: string;
  quote?: string | null;
}

/** A time-limited agreement: decided on a date by a group, valid for whole years. */
export interface StructureAgreement {
  key: string;
  owner: string;
  name: string;
  decidedByKey: string;
  decidedOn: string;
  limitYears: number;
  programAreaIds: string[];
  groupKeys: string[];
  source: string;
  quote?: string;
}

export interface StructuresFile {
  groups: StructureGroup[];
  councilCoverage?: { councilKey: string; programAreaIds: string[]; source: string; quote?: string }[];
  rules?: { owner: string; rule: string; source: string; quote?: string; expectedCount?: number }[];
  agreements?: StructureAgreement[];
  nationalHosting?: { programAreaId: string; healthcareRegionId: string; source: string; quote?: string }[];
  notes?: string[];
}

const RELATIONS = ['reports-to', 'prepares-for', 'appointed-by', 'part-of'];

/** Violations of the file's rules; `existingKeys` are reference keys already loaded (npo:…, nsg:…). */
export function checkStructures(f: StructuresFile, geo: Geography, existingKeys: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const g of f.groups) {
    const at = `grupp ${g.key}`;
    if (!/^[a-z0-9:-]+$/.test(g.key)) problems.push(`${at}: ogiltig nyckel`);
    if (keys.has(g.key) || existingKeys.has(g.key)) problems.push(`${at}: nyckeln finns redan`);
    keys.add(g.key);
    if (!GROUP_KINDS.includes(g.kind)) problems.push(`${at}: okänd typ ${g.kind}`);
    if (!LEVELS.includes(g.level)) problems.push(`${at}: okänd nivå ${g.level}`);
    if (levelOfOwner(g.owner, geo) !== g.level) problems.push(`${at}: ägaren ${g.owner} hör inte till nivån ${g.level}`);
    for (const a of g.programAreaIds) if (!geo.programAreaIds.has(a)) problems.push(`${at}: okänt programområde ${a}`);
    if (!g.name?.trim()) problems.push(`${at}: namn saknas`);
    if (g.parentRelation && !RELATIONS.includes(g.parentRelation)) problems.push(`${at}: okänd relation ${g.parentRelation}`);
    if (!/^(seed-\d{3}|S\d+)$/.test(g.source)) problems.push(`${at}: okänd källa ${g.source}`);
  }
  for (const g of f.groups) {
    if (g.parentKey && !keys.has(g.parentKey) && !existingKeys.has(g.parentKey))
      problems.push(`grupp ${g.key}: okänd överordnad ${g.parentKey}`);
    if (g.parentKey === g.key) problems.push(`grupp ${g.key}: överordnad sig själv`);
    if (g.mirrorKey && !keys.has(g.mirrorKey) && !existingKeys.has(g.mirrorKey))
      problems.push(`grupp ${g.key}: okänd speglad grupp ${g.mirrorKey}`);
    if (g.mirrorKey && g.noCounterpart) problems.push(`grupp ${g.key}: speglar en grupp men sägs sakna motsvarighet`);
  }
  for (const a of f.agreements ?? []) {
    const at = `överenskommelse ${a.key}`;
    if (!keys.has(a.decidedByKey)) problems.push(`${at}: okänd beslutande grupp ${a.decidedByKey}`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(a.decidedOn)) problems.push(`${at}: ogiltigt beslutsdatum`);
    if (!Number.isInteger(a.limitYears) || a.limitYears < 1) problems.push(`${at}: ogiltig giltighetstid`);
    for (const p of a.programAreaIds) if (!geo.programAreaIds.has(p)) problems.push(`${at}: okänt programområde ${p}`);
    for (const k of a.groupKeys) if (!keys.has(k) && !existingKeys.has(k)) problems.push(`${at}: okänd grupp ${k}`);
  }
  for (const r of f.rules ?? [])
    if (r.expectedCount !== undefined && (!Number.isInteger(r.expectedCount) || r.expectedCount < 1))
      problems.push(`regel ${r.owner}/${r.rule}: ogiltigt antal`);
  for (const c of f.councilCoverage ?? []) {
    if (!keys.has(c.councilKey)) problems.push(`täckning: okänt råd ${c.councilKey}`);
    for (const a of c.programAreaIds)
      if (!geo.programAreaIds.has(a)) problems.push(`täckning ${c.councilKey}: okänt programområde ${a}`);
  }
  return problems;
}

/** Program areas per group, with the councils' bundled areas merged in. */
export function areasWithCoverage(f: StructuresFile): Map<string, string[]> {
  const out = new Map(f.groups.map((g) => [g.key, [...g.programAreaIds]]));
  for (const c of f.councilCoverage ?? []) {
    const list = out.get(c.councilKey);
    if (list) for (const a of c.programAreaIds) if (!list.includes(a)) list.push(a);
  }
  return out;
}

/** Parents before children, so every parentKey is resolvable when its child is written. */
export function inDependencyOrder(groups: StructureGroup[]): StructureGroup[] {
  const byKey = new Map(groups.map((g) => [g.key, g]));
  const done = new Set<string>();
  const out: StructureGroup[] = [];
  const visit = (g: StructureGroup, path: Set<string>) => {
    if (done.has(g.key) || path.has(g.key)) return;
    path.add(g.key);
    const parent = g.parentKey ? byKey.get(g.parentKey) : undefined;
    if (parent) visit(parent, path);
    done.add(g.key);
    out.push(g);
  };
  const order: Level[] = ['national', 'healthcare-region', 'region'];
  for (const level of order) for (const g of groups.filter((x) => x.level === level)) visit(g, new Set());
  return out;
}
