import type { FieldError } from '../../../platform/errors.js';

/**
 * The rules of the mirrored structure, without I/O. Mirrors are linked by program area,
 * never by name: the sources spell the same area differently.
 */

import { GROUP_KINDS, GROUP_LEVELS, type GroupKind } from '../../../shared/vocabularies.js';

export { GROUP_KINDS, type GroupKind };
export const LEVELS = GROUP_LEVELS;
export type Level = (typeof LEVELS)[number];

export interface GroupFacts {
  id: string;
  kind: string;
  level: Level;
  owner: string;
  name: string;
  programAreaIds: string[];
  status: 'active' | 'closed' | 'merged';
  isSubGroup: boolean;
}

export type { Geography } from '../../../platform/auth/scope.js';
import type { Geography } from '../../../platform/auth/scope.js';

const LEVEL_ABOVE: Record<Level, Level | undefined> = {
  national: undefined,
  'healthcare-region': 'national',
  region: 'healthcare-region',
};

/** Level and owner agree, and every program area exists. */
export function checkPlacement(g: Pick<GroupFacts, 'level' | 'owner' | 'programAreaIds' | 'kind'>, geo: Geography): FieldError[] {
  const errors: FieldError[] = [];
  if (g.level === 'national' && g.owner !== 'national') {
    errors.push({ path: 'owner', message: 'En nationell grupp ägs av "national".' });
  }
  if (g.level === 'healthcare-region' && !geo.healthcareRegionIds.has(g.owner)) {
    errors.push({
      path: 'owner',
      message: `"${g.owner}" är ingen sjukvårdsregion. En sjukvårdsregional grupp ägs av en sjukvårdsregion.`,
    });
  }
  if (g.level === 'region' && !geo.regionHealthcareRegions.has(g.owner)) {
    errors.push({ path: 'owner', message: `"${g.owner}" är ingen region (länskod). En regional grupp ägs av en region.` });
  }
  g.programAreaIds.forEach((id, i) => {
    if (!geo.programAreaIds.has(id)) errors.push({ path: `programAreaIds.${i}`, message: `Okänt programområde "${id}".` });
  });
  if (g.kind === 'program-area' && g.programAreaIds.length === 0) {
    errors.push({ path: 'programAreaIds', message: 'En programområdesgrupp täcker minst ett nationellt programområde.' });
  }
  return errors;
}

/**
 * A group reports to (is part of, prepares for, is appointed by) a group of its own owner or of
 * the body just above it — never a group of another region or one further down.
 */
export function checkParent(
  g: Pick<GroupFacts, 'level' | 'owner'>,
  parent: Pick<GroupFacts, 'owner'>,
  geo: Geography,
): FieldError[] {
  if (parent.owner === g.owner || ownersAbove(g, geo).includes(parent.owner)) return [];
  return [
    {
      path: 'parentGroupId',
      message: 'Den överordnade gruppen ska höra till samma ägare eller till nivån närmast ovanför.',
    },
  ];
}

/** The owners one level up that a group may mirror: the nation, or the region's healthcare region(s). */
export function ownersAbove(g: Pick<GroupFacts, 'level' | 'owner'>, geo: Geography): string[] {
  if (g.level === 'healthcare-region') return ['national'];
  if (g.level === 'region') return [...(geo.regionHealthcareRegions.get(g.owner) ?? [])];
  return [];
}

const overlaps = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

/**
 * An RPO mirrors a national program-area group covering the same area; an LPO mirrors an RPO
 * of its region's healthcare region covering the same area. Returns the broken rule, if any.
 */
export function checkMirror(g: GroupFacts, mirror: GroupFacts, geo: Geography): FieldError[] {
  const above = LEVEL_ABOVE[g.level];
  const path = 'mirrorsGroupId';
  if (!above) return [{ path, message: 'En nationell grupp speglar ingen grupp ovanför sig.' }];
  if (mirror.level !== above) {
    return [{ path, message: `Regel: en grupp på ${levelName(g.level)} nivå speglar en grupp på ${levelName(above)} nivå.` }];
  }
  if (!ownersAbove(g, geo).includes(mirror.owner)) {
    return [
      {
        path,
        message: `Regel: en regional grupp speglar en grupp i sin egen sjukvårdsregion (${ownersAbove(g, geo).join(' eller ')}).`,
      },
    ];
  }
  if (g.kind === 'program-area' && (mirror.kind !== 'program-area' || !overlaps(g.programAreaIds, mirror.programAreaIds))) {
    return [{ path, message: 'Regel: en programområdesgrupp speglar en programområdesgrupp som täcker samma programområde.' }];
  }
  if (mirror.status !== 'active') return [{ path, message: 'Gruppen som speglas är stängd.' }];
  return [];
}

/** The one active group above that a new group mirrors by program area, when unambiguous. */
export function findMirror(g: GroupFacts, candidates: readonly GroupFacts[], geo: Geography): GroupFacts | undefined {
  if (g.kind !== 'program-area') return undefined;
  const owners = ownersAbove(g, geo);
  const above = LEVEL_ABOVE[g.level];
  const matches = candidates.filter(
    (c) =>
      c.status === 'active' &&
      c.kind === 'program-area' &&
      c.level === above &&
      owners.includes(c.owner) &&
      !c.isSubGroup &&
      overlaps(c.programAreaIds, g.programAreaIds),
  );
  return matches.length === 1 ? matches[0] : undefined;
}

/** Two active program-area groups for the same area at one owner, unless one is a sub-group. */
export function checkDuplicateArea(g: GroupFacts, sameOwner: readonly GroupFacts[]): FieldError[] {
  if (g.kind !== 'program-area' || g.isSubGroup || g.status !== 'active') return [];
  const clash = sameOwner.find(
    (o) =>
      o.id !== g.id &&
      o.kind === 'program-area' &&
      o.status === 'active' &&
      !o.isSubGroup &&
      overlaps(o.programAreaIds, g.programAreaIds),
  );
  if (!clash) return [];
  const area = g.programAreaIds.find((a) => clash.programAreaIds.includes(a));
  return [
    {
      path: 'programAreaIds',
      message: `Regel: ett programområde har en aktiv programområdesgrupp per ägare. "${clash.name}" täcker redan ${area}. Markera den nya som undergrupp om det är avsikten.`,
    },
  ];
}

/**
 * The one definition of "mirrored" (docs/organisation.md), used by the mirroring matrix, the
 * mirroring report, the group page and the org chart alike: a group mirrors another only through
 * its explicit mirror link (`mirrorsGroupId`) to an active group one level up. A program-area
 * group mirrors the national program areas it shares with that group. A program-area group
 * without such a link covers its areas but mirrors nothing: the matrix shows it as "unlinked", a
 * gap of its own, never as mirrored.
 */
export function mirroredAreas(
  g: Pick<GroupFacts, 'kind' | 'status' | 'programAreaIds'>,
  mirror: Pick<GroupFacts, 'kind' | 'status' | 'programAreaIds'> | undefined,
): string[] {
  if (g.status !== 'active' || g.kind !== 'program-area' || !mirror || mirror.status !== 'active') return [];
  return g.programAreaIds.filter((a) => mirror.programAreaIds.includes(a));
}

export type MirrorState = 'mirrored' | 'unlinked' | 'covered' | 'missing';

export interface Cell {
  state: MirrorState;
  groupIds: string[];
}

/**
 * For one owner: per national program area, whether it is mirrored (a group with a mirror link
 * to a group above covering the area), unlinked (a group covers it but mirrors nothing above),
 * deliberately covered by another group, or missing. At the national level nothing is above, so
 * a group covering the area is enough.
 */
export function mirrorStates(
  programAreaIds: readonly string[],
  groupsAtOwner: readonly (GroupFacts & { mirrorsGroupId?: string | null })[],
  coverage: ReadonlyMap<string, string>,
  above: ReadonlyMap<string, GroupFacts> = new Map(),
): Map<string, Cell> {
  const out = new Map<string, Cell>();
  const covering = (g: GroupFacts, area: string) =>
    g.status === 'active' && g.kind === 'program-area' && g.programAreaIds.includes(area);
  for (const area of programAreaIds) {
    const groups = groupsAtOwner.filter((g) => covering(g, area));
    const linked = groups.filter(
      (g) =>
        g.level === 'national' || mirroredAreas(g, g.mirrorsGroupId ? above.get(g.mirrorsGroupId) : undefined).includes(area),
    );
    if (linked.length) out.set(area, { state: 'mirrored', groupIds: linked.map((g) => g.id) });
    else if (groups.length) out.set(area, { state: 'unlinked', groupIds: groups.map((g) => g.id) });
    else if (coverage.has(area)) out.set(area, { state: 'covered', groupIds: [coverage.get(area)!] });
    else out.set(area, { state: 'missing', groupIds: [] });
  }
  return out;
}

export type CounterpartState = 'mirrored' | 'no-counterpart' | 'unlinked';

/**
 * A collaboration group (RSG, LSG) mirrors its counterpart one level up through its mirror link
 * (an RSG its NSG); one the source says has no counterpart is recorded as such, not a gap.
 */
export function counterpartState(
  g: { mirrorsGroupId: string | null; noCounterpartReason: string | null },
  mirror: Pick<GroupFacts, 'status'> | undefined,
): CounterpartState {
  if (g.mirrorsGroupId && mirror?.status === 'active') return 'mirrored';
  if (g.noCounterpartReason) return 'no-counterpart';
  return 'unlinked';
}

export interface ProcessTeamGap {
  groupId: string;
  name: string;
  missing: 'regional-process-team' | 'local-process-team';
}

/**
 * Seed 003 (Västra): every regional program area (and the Primärvårdsråd) has started at least one
 * regional processteam, each mirrored by a local processteam in a region. Returns each program-area
 * group without a regional processteam below it, and each regional processteam that no local
 * processteam mirrors.
 */
export function processTeamGaps(
  groups: readonly (GroupFacts & { parentGroupId: string | null; mirrorsGroupId: string | null })[],
  localTeams: readonly { status: string; kind: string; mirrorsGroupId: string | null }[],
): ProcessTeamGap[] {
  const active = groups.filter((g) => g.status === 'active');
  const teams = active.filter((g) => g.kind === 'process-team');
  const out: ProcessTeamGap[] = [];
  for (const g of active.filter((x) => x.kind === 'program-area' && !x.isSubGroup))
    if (!teams.some((t) => t.parentGroupId === g.id)) out.push({ groupId: g.id, name: g.name, missing: 'regional-process-team' });
  for (const t of teams)
    if (!localTeams.some((l) => l.status === 'active' && l.kind === 'process-team' && l.mirrorsGroupId === t.id))
      out.push({ groupId: t.id, name: t.name, missing: 'local-process-team' });
  return out;
}

/** How many program-area groups a rule expects an owner to have, and how many are recorded. */
export function expectedCount(
  rule: { expectedCount: number | null },
  groupsAtOwner: readonly GroupFacts[],
): { expected: number; recorded: number } | undefined {
  if (rule.expectedCount === null) return undefined;
  const recorded = groupsAtOwner.filter((g) => g.status === 'active' && g.kind === 'program-area' && !g.isSubGroup).length;
  return { expected: rule.expectedCount, recorded };
}

export function levelName(l: Level): string {
  return { national: 'nationell', 'healthcare-region': 'sjukvårdsregional', region: 'regional' }[l];
}

export function levelOfOwner(owner: string, geo: Geography): Level | undefined {
  if (owner === 'national') return 'national';
  if (geo.healthcareRegionIds.has(owner)) return 'healthcare-region';
  if (geo.regionHealthcareRegions.has(owner)) return 'region';
  return undefined;
}
