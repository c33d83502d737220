/**
 * Composition rules, without I/O: which rules apply to a group, what a group's seats look like
 * on a day measured against them (the gaps), which appointment would break them, and the
 * default mandate length. Dates are 'YYYY-MM-DD'.
 */
import { addDays, addYears } from '../../people/index.js';
import { GAP_CHECKS, heldOn, ROLE_WORDS } from './composition-checks.js';
import { GAP_KINDS, type GapKind } from './gap-kinds.js';
import type { RuleType } from './rule-types.js';

export { GAP_KINDS, type GapKind };
export { heldOn, ROLE_WORDS, seatRegions } from './composition-checks.js';

export type { RuleType };

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

/**
 * The gaps of a group on a day: every applicable rule whose count is not met or exceeded.
 * Seats held that day count; a member's region is the seat they represent. Each rule type has
 * its check in composition-checks.ts.
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
  const gaps = rulesFor(rules, g).flatMap((rule) =>
    GAP_CHECKS[rule.ruleType]({
      g,
      rule,
      held,
      matching: held.filter((s) => rule.roles.includes(s.role)),
      base: { ruleId: rule.id, roles: [...rule.roles] },
      date,
      map,
      around,
    }),
  );
  // In the order of the role vocabulary (chairs first), then by region.
  const order = Object.keys(ROLE_WORDS);
  const rank = (g: Gap) => (order.indexOf(g.roles[0] ?? '') + order.length + 1) % (order.length + 1);
  return gaps.sort((a, b) => rank(a) - rank(b) || (a.region ?? '').localeCompare(b.region ?? ''));
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
