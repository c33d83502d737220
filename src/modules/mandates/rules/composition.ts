/**
 * Composition rules, without I/O: which rules apply to a group, what a group's seats look like
 * on a day measured against them (the gaps), which appointment would break them, and the
 * default mandate length. Dates are 'YYYY-MM-DD'.
 */
import { addDays, addYears } from '../../people/index.js';
import { GAP_KINDS, type GapKind } from './gap-kinds.js';

export { GAP_KINDS, type GapKind };

export type RuleType =
  | 'role-count'
  | 'per-region'
  | 'per-healthcare-region'
  | 'mandate-years'
  | 'rotation'
  | 'shared-chair'
  | 'per-body'
  | 'child-chairs'
  | 'group-representative'
  | 'appoints-child-chairs'
  | 'in-council'
  | 'seats-above';

export interface CompositionRule {
  id: string;
  groupKind: string | null;
  groupLevel: string | null;
  groupOwner: string | null;
  groupKey: string | null;
  /** The program areas a group must cover (any of them) for the rule to apply; empty: any group. */
  programAreaIds?: readonly string[];
  ruleType: RuleType;
  roles: readonly string[];
  minCount: number | null;
  maxCount: number | null;
  regionCounts: Readonly<Record<string, number>>;
  years: number | null;
  regionOrder: readonly string[];
  anchorDate: string | null;
  /** group-representative: the group whose member must sit in this one (its reference key). */
  relatedGroupKey?: string | null;
  /** rotation: the rule whose order and first period this one follows ("på samma sätt som i RSL"). */
  followsRuleId?: string | null;
  description: string;
}

export interface GroupForRules {
  kind: string;
  level: string;
  owner: string;
  referenceKey: string | null;
  programAreaIds?: readonly string[];
}

export interface Seat {
  id: string;
  personId: string;
  role: string;
  represents: string | null;
  /** A chair's care sector (seed 000's shared chair): 'primarvard' or 'specialiserad-vard'. */
  careSector?: string | null;
  startDate: string;
  endDate: string | null;
  /** The nomination the seat came from (appoints-child-chairs). */
  nominationId?: string | null;
}

/** A group next to the one checked, with its seats: a child, the group it mirrors, a named group. */
export interface RelatedGroup {
  id: string;
  name: string;
  kind?: string;
  status?: string;
  seats: readonly Seat[];
}

/**
 * What the rules about other groups need (seed 001's kunskapsråd, seed 004's representation
 * upward): the group's parent, the groups reporting to it, the group it mirrors, and groups named
 * by reference key. Each is optional; a rule whose facts are missing reports nothing.
 */
export interface Surroundings {
  parent?: RelatedGroup | null;
  children?: readonly RelatedGroup[];
  above?: RelatedGroup | null;
  byKey?: ReadonlyMap<string, RelatedGroup>;
}

/** The map the checks need: which regions sit in which healthcare region, and their names. */
export interface RegionMap {
  /** county code → healthcare region ids (Halland: two) */
  healthcareRegionsOf: ReadonlyMap<string, readonly string[]>;
  healthcareRegionIds: readonly string[];
  names: ReadonlyMap<string, string>;
  /** Bodies other than regions a seat can be held for (networks, SKR: seed 002's SKS). */
  bodies?: ReadonlySet<string>;
}

export interface Gap {
  ruleId: string;
  kind: GapKind;
  roles: string[];
  /** The region or healthcare region a seat count is about. */
  region: string | null;
  min: number | null;
  max: number | null;
  actual: number;
  message: string;
}

export const ROLE_WORDS: Record<string, [string, string]> = {
  ordforande: ['ordförande', 'ordförande'],
  'vice-ordforande': ['vice ordförande', 'vice ordförande'],
  processtod: ['processtöd', 'processtöd'],
  processledare: ['processledare', 'processledare'],
  processagare: ['processägare', 'processägare'],
  controller: ['controller', 'controller'],
  'administrativt-stod': ['administrativt stöd', 'administrativa stöd'],
  sekreterare: ['sekreterare', 'sekreterare'],
  samordnare: ['samordnare', 'samordnare'],
  ledamot: ['ledamot', 'ledamöter'],
  ersattare: ['ersättare', 'ersättare'],
  adjungerad: ['adjungerad', 'adjungerade'],
  deltagare: ['deltagare', 'deltagare'],
  patientforetradare: ['person med patienterfarenhet', 'personer med patienterfarenhet'],
  kommunrepresentant: ['kommunrepresentant', 'kommunrepresentanter'],
  webbredaktor: ['webbredaktör', 'webbredaktörer'],
  superkodare: ['superkodare', 'superkodare'],
  superanvandare: ['superanvändare (uppföljning/analys)', 'superanvändare (uppföljning/analys)'],
  kvalitetssamordnare: ['kvalitetssamordnare', 'kvalitetssamordnare'],
  'lokal-patientprocessledare': ['lokal patientprocessledare', 'lokala patientprocessledare'],
  kontaktsjukskoterska: ['kontaktsjuksköterska', 'kontaktsjuksköterskor'],
  'svf-koordinator': ['SVF-koordinator', 'SVF-koordinatorer'],
  ledningsperson: ['ledningsperson', 'ledningspersoner'],
};

/** "ledamöter" for the first role of a seat rule; a chair counts as a member of the body. */
const word = (roles: readonly string[], n: number) => {
  const w = ROLE_WORDS[roles[0] ?? ''] ?? [roles[0] ?? '', roles[0] ?? ''];
  return n === 1 ? w[0] : w[1];
};

const span = (min: number | null, max: number | null) =>
  min !== null && max !== null ? (min === max ? `${min}` : `${min}–${max}`) : min !== null ? `minst ${min}` : `högst ${max}`;

export function rulesFor<
  R extends Pick<CompositionRule, 'groupKind' | 'groupLevel' | 'groupOwner' | 'groupKey'> & {
    programAreaIds?: readonly string[];
  },
>(rules: readonly R[], g: GroupForRules): R[] {
  return rules.filter(
    (r) =>
      (r.groupKind === null || r.groupKind === g.kind) &&
      (r.groupLevel === null || r.groupLevel === g.level) &&
      (r.groupOwner === null || r.groupOwner === g.owner) &&
      (r.groupKey === null || r.groupKey === g.referenceKey) &&
      (!r.programAreaIds?.length || r.programAreaIds.some((a) => g.programAreaIds?.includes(a))),
  );
}

export const heldOn = (s: Pick<Seat, 'startDate' | 'endDate'>, date: string) =>
  s.startDate <= date && (s.endDate === null || s.endDate >= date);

/** The regions whose seats a group counts: the regions of its healthcare region, or all healthcare regions. */
export function seatRegions(g: GroupForRules, type: 'per-region' | 'per-healthcare-region', map: RegionMap): string[] {
  if (type === 'per-healthcare-region') return [...map.healthcareRegionIds];
  if (g.level === 'healthcare-region') {
    return [...map.healthcareRegionsOf.entries()]
      .filter(([, hrs]) => hrs.includes(g.owner))
      .map(([code]) => code)
      .sort();
  }
  if (g.level === 'region') return [g.owner];
  return [...map.healthcareRegionsOf.keys()].sort();
}

/**
 * The gaps of a group on a day: every applicable rule whose count is not met or exceeded.
 * Seats held that day count; a member's region is the seat they represent.
 */
export function checkComposition(
  g: GroupForRules,
  rules: readonly CompositionRule[],
  seats: readonly Seat[],
  date: string,
  map: RegionMap,
  around: Surroundings = {},
): Gap[] {
  const held = seats.filter((s) => heldOn(s, date));
  const gaps: Gap[] = [];
  const name = (r: string) => map.names.get(r) ?? r;
  for (const rule of rulesFor(rules, g)) {
    const matching = held.filter((s) => rule.roles.includes(s.role));
    const base = { ruleId: rule.id, roles: [...rule.roles] };
    if (rule.ruleType === 'role-count') {
      const actual = new Set(matching.map((s) => s.personId)).size;
      if (rule.minCount !== null && actual < rule.minCount) {
        gaps.push({
          ...base,
          kind: 'role-missing',
          region: null,
          min: rule.minCount,
          max: rule.maxCount,
          actual,
          message:
            actual === 0
              ? `${capital(word(rule.roles, 1))} saknas (regeln kräver ${span(rule.minCount, rule.maxCount)}).`
              : `${actual} ${word(rule.roles, actual)} av ${span(rule.minCount, rule.maxCount)}.`,
        });
      }
      if (rule.maxCount !== null && actual > rule.maxCount) {
        gaps.push({
          ...base,
          kind: 'role-excess',
          region: null,
          min: rule.minCount,
          max: rule.maxCount,
          actual,
          message: `${actual} ${word(rule.roles, actual)}, men regeln tillåter högst ${rule.maxCount}.`,
        });
      }
    } else if (rule.ruleType === 'shared-chair') {
      const gap = sharedChairGap(matching);
      if (gap) gaps.push({ ...base, kind: 'chair-sector', region: null, min: null, max: null, ...gap });
    } else if (rule.ruleType === 'per-body') {
      for (const [body, n] of Object.entries(rule.regionCounts)) {
        const actual = new Set(matching.filter((s) => s.represents === body).map((s) => s.personId)).size;
        if (actual < n) {
          gaps.push({
            ...base,
            kind: 'region-missing',
            region: body,
            min: n,
            max: n,
            actual,
            message: `${name(body)}: ${actual} av ${n} ${word(rule.roles, n)}.`,
          });
        } else if (actual > n) {
          gaps.push({
            ...base,
            kind: 'region-excess',
            region: body,
            min: n,
            max: n,
            actual,
            message: `${name(body)}: ${actual} ${word(rule.roles, actual)}, men regeln tillåter högst ${n}.`,
          });
        }
      }
    } else if (rule.ruleType === 'rotation') {
      if (rule.regionOrder.length === 0 || !rule.anchorDate) {
        gaps.push({
          ...base,
          kind: 'rotation-unset',
          region: null,
          min: null,
          max: null,
          actual: 0,
          message: `Rotationsordningen är inte fastställd: ange regionernas ordning och den första periodens början (${rule.description})`,
        });
      }
    } else if (rule.ruleType === 'child-chairs' || rule.ruleType === 'appoints-child-chairs') {
      const inGroup = new Set(held.map((s) => s.personId));
      for (const child of around.children ?? []) {
        const chairs = child.seats.filter((s) => rule.roles.includes(s.role) && heldOn(s, date));
        for (const chair of chairs) {
          if (rule.ruleType === 'child-chairs' && !inGroup.has(chair.personId)) {
            gaps.push({
              ...base,
              kind: 'child-chair-missing',
              region: null,
              min: null,
              max: null,
              actual: 0,
              message: `${capital(word(rule.roles, 1))} i ${child.name} ingår inte i gruppen.`,
            });
          } else if (rule.ruleType === 'appoints-child-chairs' && !chair.nominationId) {
            gaps.push({
              ...base,
              kind: 'chair-not-appointed',
              region: null,
              min: null,
              max: null,
              actual: 0,
              message: `${capital(word(rule.roles, 1))} i ${child.name} är inte utsedd genom en nominering som gruppen har beslutat.`,
            });
          }
        }
      }
    } else if (rule.ruleType === 'group-representative') {
      const other = rule.relatedGroupKey ? around.byKey?.get(rule.relatedGroupKey) : undefined;
      if (other) {
        const there = new Set(other.seats.filter((s) => heldOn(s, date)).map((s) => s.personId));
        const pool = rule.roles.length ? matching : held;
        const actual = new Set(pool.filter((s) => there.has(s.personId)).map((s) => s.personId)).size;
        if (rule.minCount !== null && actual < rule.minCount) {
          gaps.push({
            ...base,
            kind: 'representative-missing',
            region: null,
            min: rule.minCount,
            max: rule.maxCount,
            actual,
            message: `Representant från ${other.name} saknas (ingen av gruppens ledamöter sitter i ${other.name}).`,
          });
        }
      }
    } else if (rule.ruleType === 'in-council') {
      const p = around.parent;
      if (!p || p.kind !== 'council' || p.status !== 'active') {
        gaps.push({
          ...base,
          kind: 'no-council',
          region: null,
          min: null,
          max: null,
          actual: 0,
          message: 'Gruppen ingår inte i något kunskapsråd (ange kunskapsrådet som överordnad grupp).',
        });
      }
    } else if (rule.ruleType === 'seats-above') {
      const above = around.above;
      if (above) {
        const there = new Set(above.seats.filter((s) => heldOn(s, date)).map((s) => s.personId));
        const pool = rule.roles.length ? matching : held;
        const actual = new Set(pool.filter((s) => there.has(s.personId)).map((s) => s.personId)).size;
        if (rule.minCount !== null && actual < rule.minCount) {
          gaps.push({
            ...base,
            kind: 'above-missing',
            region: null,
            min: rule.minCount,
            max: rule.maxCount,
            actual,
            message:
              actual === 0
                ? `Ingen av gruppens ledamöter sitter i ${above.name} (regeln kräver ${span(rule.minCount, rule.maxCount)}).`
                : `${actual} av gruppens ledamöter sitter i ${above.name} (regeln kräver ${span(rule.minCount, rule.maxCount)}).`,
          });
        } else if (rule.maxCount !== null && actual > rule.maxCount) {
          gaps.push({
            ...base,
            kind: 'above-excess',
            region: null,
            min: rule.minCount,
            max: rule.maxCount,
            actual,
            message: `${actual} av gruppens ledamöter sitter i ${above.name}, men regeln tillåter högst ${rule.maxCount}.`,
          });
        }
      }
    } else if (rule.ruleType === 'per-region' || rule.ruleType === 'per-healthcare-region') {
      const regions = seatRegions(g, rule.ruleType, map);
      const counts = new Map(regions.map((r) => [r, 0]));
      let unknown = 0;
      for (const s of matching) {
        // A seat held for a body other than a region (a network, SKR) counts in a per-body rule.
        if (s.represents && map.bodies?.has(s.represents)) continue;
        const r = attribute(s.represents, rule.ruleType, regions, counts, map);
        if (r === null) unknown++;
        else counts.set(r, (counts.get(r) ?? 0) + 1);
      }
      for (const r of regions) {
        const min = rule.regionCounts[r] ?? rule.minCount;
        const max = rule.regionCounts[r] ?? rule.maxCount;
        const actual = counts.get(r) ?? 0;
        if (min !== null && actual < min) {
          gaps.push({
            ...base,
            kind: 'region-missing',
            region: r,
            min,
            max,
            actual,
            message: `${name(r)} har ${actual} av ${span(min, max)} ${word(rule.roles, max ?? min)}.`,
          });
        } else if (max !== null && actual > max) {
          gaps.push({
            ...base,
            kind: 'region-excess',
            region: r,
            min,
            max,
            actual,
            message: `${name(r)} har ${actual} ${word(rule.roles, actual)}, men regeln tillåter högst ${max}.`,
          });
        }
      }
      if (unknown > 0) {
        gaps.push({
          ...base,
          kind: 'region-unknown',
          region: null,
          min: null,
          max: null,
          actual: unknown,
          message: `${unknown} ${word(rule.roles, unknown)} saknar uppgift om vilken region de företräder.`,
        });
      }
    }
  }
  // In the order of the role vocabulary (chairs first), then by region.
  const order = Object.keys(ROLE_WORDS);
  const rank = (g: Gap) => (order.indexOf(g.roles[0] ?? '') + order.length + 1) % (order.length + 1);
  return gaps.sort((a, b) => rank(a) - rank(b) || (a.region ?? '').localeCompare(b.region ?? ''));
}

const SECTOR_WORDS: Record<string, string> = { primarvard: 'primärvård', 'specialiserad-vard': 'specialiserad vård' };

/**
 * Seed 000: the chair can be shared by one from primary care and one from specialised care.
 * Two chairs held the same day: each seat says its sector, and they differ.
 */
function sharedChairGap(chairs: readonly Seat[]): { actual: number; message: string } | null {
  const people = new Map(chairs.map((s) => [s.personId, s.careSector ?? null]));
  if (people.size !== 2) return null;
  const sectors = [...people.values()];
  if (sectors.includes(null)) {
    return {
      actual: sectors.filter((s) => s !== null).length,
      message: 'Två delar ordförandeskapet: ange på uppdragen vem som kommer från primärvård och vem från specialiserad vård.',
    };
  }
  if (sectors[0] === sectors[1]) {
    return {
      actual: 1,
      message: `Båda ordförandena kommer från ${SECTOR_WORDS[sectors[0]!] ?? sectors[0]}; ett delat ordförandeskap har en från primärvård och en från specialiserad vård.`,
    };
  }
  return null;
}

function attribute(
  represents: string | null,
  type: 'per-region' | 'per-healthcare-region',
  regions: readonly string[],
  counts: ReadonlyMap<string, number>,
  map: RegionMap,
): string | null {
  if (!represents) return null;
  if (regions.includes(represents)) return represents;
  if (type === 'per-healthcare-region') {
    // A region's representative stands for its healthcare region; Halland's for the one still short.
    const hrs = (map.healthcareRegionsOf.get(represents) ?? []).filter((h) => regions.includes(h));
    if (hrs.length === 0) return null;
    return [...hrs].sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0))[0]!;
  }
  return null;
}

const gapKey = (g: Gap) => `${g.ruleId}:${g.kind}:${g.region ?? ''}`;

/**
 * What an appointment would break: excess counts that the group would have with the new seat
 * and does not have without it, on its first day. A seat whose region is unknown is not refused
 * (the check lists it as a gap to fill in).
 */
export function appointmentBreaks(
  g: GroupForRules,
  rules: readonly CompositionRule[],
  seats: readonly Seat[],
  candidate: Seat,
  map: RegionMap,
): Gap[] {
  const day = candidate.startDate;
  const others = seats.filter((s) => s.id !== candidate.id);
  const before = new Set(checkComposition(g, rules, others, day, map).map(gapKey));
  return checkComposition(g, rules, [...others, candidate], day, map).filter(
    (gap) => (gap.kind === 'role-excess' || gap.kind === 'region-excess') && !before.has(gapKey(gap)),
  );
}

/** The default last day of a mandate: the role's own rule first, then one for every role. */
export function defaultEndDate(
  g: GroupForRules,
  rules: readonly CompositionRule[],
  role: string,
  startDate: string,
): string | null {
  const mandates = rulesFor(rules, g).filter((r) => r.ruleType === 'mandate-years' && r.years);
  const rule = mandates.find((r) => r.roles.includes(role)) ?? mandates.find((r) => r.roles.length === 0);
  return rule?.years ? addDays(addYears(startDate, rule.years), -1) : null;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
