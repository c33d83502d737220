import type { FieldError } from '../../../platform/errors.js';

/**
 * The rules of the mirrored structure, without I/O. Mirrors are linked by program area,
 * never by name: the sources spell the same area differently.
 */

export const GROUP_KINDS = [
  'program-area',
  'collaboration-group',
  'working-group',
  'council',
  'forum',
  'steering-group',
  'political-body',
] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
export const LEVELS = ['national', 'healthcare-region', 'region'] as const;
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
 * The one definition of "mirrored", used by the mirroring matrix and the group page alike: an
 * active program-area group mirrors the national program areas it covers. Which group above is
 * its counterpart (`mirrorsGroupId`, found by program area) is a link of its own; a group can
 * mirror an area while no counterpart above is recorded (e.g. a region whose healthcare region
 * has no RPO registered for the area).
 */
export function mirroredAreas(g: Pick<GroupFacts, 'kind' | 'status' | 'programAreaIds'>): string[] {
  return g.status === 'active' && g.kind === 'program-area' ? [...g.programAreaIds] : [];
}

export type MirrorState = 'mirrored' | 'covered' | 'missing';

export interface Cell {
  state: MirrorState;
  groupIds: string[];
}

/** For one owner: per national program area, whether it is mirrored, deliberately covered, or missing. */
export function mirrorStates(
  programAreaIds: readonly string[],
  groupsAtOwner: readonly GroupFacts[],
  coverage: ReadonlyMap<string, string>,
): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const area of programAreaIds) {
    const groups = groupsAtOwner.filter((g) => mirroredAreas(g).includes(area));
    if (groups.length) out.set(area, { state: 'mirrored', groupIds: groups.map((g) => g.id) });
    else if (coverage.has(area)) out.set(area, { state: 'covered', groupIds: [coverage.get(area)!] });
    else out.set(area, { state: 'missing', groupIds: [] });
  }
  return out;
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
