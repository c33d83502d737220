/**
 * The check of each composition rule type, without I/O: what a group's seats held on a day lack
 * or exceed under one rule (composition.ts applies them all and orders the gaps).
 */
import type { CompositionRule, Gap, GroupForRules, RegionMap, RuleType, Seat, Surroundings } from './composition.js';
import type { GapKind } from './gap-kinds.js';

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

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What one rule's check sees: the group, the seats held that day, and those matching the rule's roles. */
export interface CheckInput {
  g: GroupForRules;
  rule: CompositionRule;
  held: readonly Seat[];
  matching: readonly Seat[];
  base: { ruleId: string; roles: string[] };
  date: string;
  map: RegionMap;
  around: Surroundings;
}

type GapFacts = { region?: string | null; min?: number | null; max?: number | null; actual?: number; message: string };
const gap = (base: CheckInput['base'], kind: GapKind, f: GapFacts): Gap => ({
  ...base,
  kind,
  region: f.region ?? null,
  min: f.min ?? null,
  max: f.max ?? null,
  actual: f.actual ?? 0,
  message: f.message,
});

const people = (seats: readonly Seat[]) => new Set(seats.map((s) => s.personId)).size;

/** How many of the pool also sit in the other group that day (representation rules). */
function sittingIn(other: { seats: readonly Seat[] }, pool: readonly Seat[], date: string): number {
  const there = new Set(other.seats.filter((s) => heldOn(s, date)).map((s) => s.personId));
  return people(pool.filter((s) => there.has(s.personId)));
}

function roleCount({ rule, matching, base }: CheckInput): Gap[] {
  const actual = people(matching);
  const { minCount: min, maxCount: max } = rule;
  if (min !== null && actual < min) {
    const message =
      actual === 0
        ? `${capital(word(rule.roles, 1))} saknas (regeln kräver ${span(min, max)}).`
        : `${actual} ${word(rule.roles, actual)} av ${span(min, max)}.`;
    return [gap(base, 'role-missing', { min, max, actual, message })];
  }
  if (max !== null && actual > max) {
    const message = `${actual} ${word(rule.roles, actual)}, men regeln tillåter högst ${max}.`;
    return [gap(base, 'role-excess', { min, max, actual, message })];
  }
  return [];
}

function perBody({ rule, matching, base, map }: CheckInput): Gap[] {
  return Object.entries(rule.regionCounts).flatMap(([body, n]) => {
    const actual = people(matching.filter((s) => s.represents === body));
    const name = map.names.get(body) ?? body;
    if (actual < n) {
      return [
        gap(base, 'region-missing', {
          region: body,
          min: n,
          max: n,
          actual,
          message: `${name}: ${actual} av ${n} ${word(rule.roles, n)}.`,
        }),
      ];
    }
    if (actual > n) {
      const message = `${name}: ${actual} ${word(rule.roles, actual)}, men regeln tillåter högst ${n}.`;
      return [gap(base, 'region-excess', { region: body, min: n, max: n, actual, message })];
    }
    return [];
  });
}

function rotation({ rule, base }: CheckInput): Gap[] {
  if (rule.regionOrder.length > 0 && rule.anchorDate) return [];
  const message = `Rotationsordningen är inte fastställd: ange regionernas ordning och den första periodens början (${rule.description})`;
  return [gap(base, 'rotation-unset', { message })];
}

/** child-chairs: the chairs of the groups reporting to this one sit in it; appoints-child-chairs: it appointed them. */
function childChairs({ rule, held, base, date, around }: CheckInput): Gap[] {
  const inGroup = new Set(held.map((s) => s.personId));
  const role = capital(word(rule.roles, 1));
  return (around.children ?? []).flatMap((child) =>
    child.seats
      .filter((s) => rule.roles.includes(s.role) && heldOn(s, date))
      .flatMap((chair) => {
        if (rule.ruleType === 'child-chairs' && !inGroup.has(chair.personId)) {
          return [gap(base, 'child-chair-missing', { message: `${role} i ${child.name} ingår inte i gruppen.` })];
        }
        if (rule.ruleType === 'appoints-child-chairs' && !chair.nominationId) {
          const message = `${role} i ${child.name} är inte utsedd genom en nominering som gruppen har beslutat.`;
          return [gap(base, 'chair-not-appointed', { message })];
        }
        return [];
      }),
  );
}

function groupRepresentative({ rule, held, matching, base, date, around }: CheckInput): Gap[] {
  const other = rule.relatedGroupKey ? around.byKey?.get(rule.relatedGroupKey) : undefined;
  if (!other) return [];
  const actual = sittingIn(other, rule.roles.length ? matching : held, date);
  if (rule.minCount === null || actual >= rule.minCount) return [];
  const message = `Representant från ${other.name} saknas (ingen av gruppens ledamöter sitter i ${other.name}).`;
  return [gap(base, 'representative-missing', { min: rule.minCount, max: rule.maxCount, actual, message })];
}

function inCouncil({ base, around }: CheckInput): Gap[] {
  const p = around.parent;
  if (p && p.kind === 'council' && p.status === 'active') return [];
  return [
    gap(base, 'no-council', { message: 'Gruppen ingår inte i något kunskapsråd (ange kunskapsrådet som överordnad grupp).' }),
  ];
}

function seatsAbove({ rule, held, matching, base, date, around }: CheckInput): Gap[] {
  const above = around.above;
  if (!above) return [];
  const actual = sittingIn(above, rule.roles.length ? matching : held, date);
  const { minCount: min, maxCount: max } = rule;
  if (min !== null && actual < min) {
    const who = actual === 0 ? 'Ingen' : String(actual);
    const message = `${who} av gruppens ledamöter sitter i ${above.name} (regeln kräver ${span(min, max)}).`;
    return [gap(base, 'above-missing', { min, max, actual, message })];
  }
  if (max !== null && actual > max) {
    const message = `${actual} av gruppens ledamöter sitter i ${above.name}, men regeln tillåter högst ${max}.`;
    return [gap(base, 'above-excess', { min, max, actual, message })];
  }
  return [];
}

function perRegion({ g, rule, matching, base, map }: CheckInput): Gap[] {
  const type = rule.ruleType as 'per-region' | 'per-healthcare-region';
  const regions = seatRegions(g, type, map);
  const counts = new Map(regions.map((r) => [r, 0]));
  let unknown = 0;
  for (const s of matching) {
    // A seat held for a body other than a region (a network, SKR) counts in a per-body rule.
    if (s.represents && map.bodies?.has(s.represents)) continue;
    const r = attribute(s.represents, type, regions, counts, map);
    if (r === null) unknown++;
    else counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  const gaps = regions.flatMap((r) => {
    const min = rule.regionCounts[r] ?? rule.minCount;
    const max = rule.regionCounts[r] ?? rule.maxCount;
    const actual = counts.get(r) ?? 0;
    const name = map.names.get(r) ?? r;
    if (min !== null && actual < min) {
      const message = `${name} har ${actual} av ${span(min, max)} ${word(rule.roles, max ?? min)}.`;
      return [gap(base, 'region-missing', { region: r, min, max, actual, message })];
    }
    if (max !== null && actual > max) {
      const message = `${name} har ${actual} ${word(rule.roles, actual)}, men regeln tillåter högst ${max}.`;
      return [gap(base, 'region-excess', { region: r, min, max, actual, message })];
    }
    return [];
  });
  if (unknown > 0) {
    const message = `${unknown} ${word(rule.roles, unknown)} saknar uppgift om vilken region de företräder.`;
    gaps.push(gap(base, 'region-unknown', { actual: unknown, message }));
  }
  return gaps;
}

function sharedChair({ matching, base }: CheckInput): Gap[] {
  const found = sharedChairGap(matching);
  return found ? [gap(base, 'chair-sector', found)] : [];
}

/** One check per rule type; a type that only sets defaults (mandate-years) finds no gaps. */
export const GAP_CHECKS: Record<RuleType, (input: CheckInput) => Gap[]> = {
  'role-count': roleCount,
  'per-region': perRegion,
  'per-healthcare-region': perRegion,
  'mandate-years': () => [],
  rotation,
  'shared-chair': sharedChair,
  'per-body': perBody,
  'child-chairs': childChairs,
  'appoints-child-chairs': childChairs,
  'group-representative': groupRepresentative,
  'in-council': inCouncil,
  'seats-above': seatsAbove,
};
