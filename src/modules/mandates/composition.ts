import type { Queryable } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { getGroup } from '../organisation/index.js';
import { groupForRules } from './check-seat.js';
import * as repo from './repository.js';
import { checkComposition, heldOn, rulesFor, type Gap, type RegionMap, type Surroundings } from './rules/composition.js';
import { periodAt, rotationSchedule } from './rules/rotation.js';

const withName = (map: RegionMap) => (g: Gap) => ({ ...g, regionName: g.region ? (map.names.get(g.region) ?? g.region) : null });

/** The active groups and their seats, for the rules about other groups (children, the group above, a named group). */
async function neighbourhood(db: Queryable) {
  const groups = await repo.activeGroups(db);
  const seats = await repo.seatsOf(
    db,
    groups.map((g) => g.id),
  );
  const byGroup = new Map<string, repo.SeatRecord[]>();
  for (const s of seats) byGroup.set(s.groupId, [...(byGroup.get(s.groupId) ?? []), s]);
  const related = (g: repo.GroupBrief) => ({
    id: g.id,
    name: g.name,
    kind: g.kind,
    status: 'active',
    seats: byGroup.get(g.id) ?? [],
  });
  const byId = new Map(groups.map((g) => [g.id, g]));
  const byKey = new Map(groups.filter((g) => g.referenceKey).map((g) => [g.referenceKey!, related(g)]));
  return {
    groups,
    byGroup,
    surroundings(g: { id: string; parentGroupId: string | null; mirrorsGroupId: string | null }): Surroundings {
      const parent = g.parentGroupId ? byId.get(g.parentGroupId) : undefined;
      const above = g.mirrorsGroupId ? byId.get(g.mirrorsGroupId) : undefined;
      return {
        parent: parent ? related(parent) : null,
        above: above ? related(above) : null,
        children: groups.filter((c) => c.parentGroupId === g.id && c.parentRelation === 'reports-to').map(related),
        byKey,
      };
    },
  };
}

/** One group measured against its rules on a day. */
export async function groupComposition(db: Queryable, groupId: string, date: string) {
  const group = await getGroup(db, groupId);
  if (!group) throw notFound('Gruppen');
  const map = await repo.regionMap(db);
  const ruleRows = await repo.listRules(db);
  const g = groupForRules(group);
  const applicable = rulesFor(ruleRows, g);
  const seats = await repo.seatsOf(db, [groupId]);
  const around = (await neighbourhood(db)).surroundings({
    id: groupId,
    parentGroupId: group.parentGroupId ?? null,
    mirrorsGroupId: group.mirrorsGroupId ?? null,
  });
  const gaps = checkComposition(g, applicable, seats, date, map, around).map(withName(map));
  const ids = new Set(applicable.map((r) => r.id));
  return {
    groupId,
    groupName: group.name,
    date,
    ok: gaps.length === 0,
    memberCount: seats.filter((s) => heldOn(s, date)).length,
    rules: ruleRows.filter((r) => ids.has(r.id)),
    gaps,
  };
}

/** Every active group (of some owners) that breaks its rules on a day, with its gaps. */
export async function gapsOverview(db: Queryable, f: { date: string; owners?: readonly string[]; staffedOnly?: boolean }) {
  const map = await repo.regionMap(db);
  const rules = await repo.listRules(db);
  const near = await neighbourhood(db);
  const owners = f.owners ? new Set(f.owners) : null;
  const groups = near.groups.filter(
    (g) => (!owners || owners.has(g.owner)) && rulesFor(rules, g).some((r) => r.ruleType !== 'mandate-years'),
  );
  const byGroup = near.byGroup;
  const items = [];
  for (const g of groups) {
    const mine = byGroup.get(g.id) ?? [];
    const memberCount = mine.filter((s) => heldOn(s, f.date)).length;
    if (f.staffedOnly && memberCount === 0) continue;
    const gaps = checkComposition(g, rules, mine, f.date, map, near.surroundings(g)).map(withName(map));
    if (gaps.length === 0) continue;
    items.push({ groupId: g.id, groupName: g.name, kind: g.kind, level: g.level, owner: g.owner, memberCount, gaps });
  }
  return { date: f.date, groupCount: groups.length, items };
}

/** The rotation schedules of a group, with who holds the rotating roles in each period. */
export async function groupRotation(
  db: Queryable,
  groupId: string,
  from: string,
  to: string,
  today: string,
  mayEdit: (ruleOwner: string | null) => Promise<boolean> = async () => false,
) {
  const group = await getGroup(db, groupId);
  if (!group) throw notFound('Gruppen');
  const map = await repo.regionMap(db);
  const all = await repo.listRules(db);
  const rules = rulesFor(all, groupForRules(group)).filter((r) => r.ruleType === 'rotation');
  const members = await repo.seatHolders(db, groupId);
  // The regions a rotation goes between: those of the body's healthcare region.
  const regionsToOrder = [...map.healthcareRegionsOf.entries()]
    .filter(([, hrs]) => hrs.includes(group.owner))
    .map(([code]) => ({ code, name: map.names.get(code) ?? code }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const edit = new Map<string, boolean>();
  for (const r of rules) {
    const orderRule = all.find((x) => x.id === (r.followsRuleId ?? r.id)) ?? r;
    edit.set(r.id, await mayEdit(await repo.ruleOwner(db, orderRule)));
  }
  return {
    groupId,
    schedules: rules.map((r) => {
      const now = periodAt(r, today);
      const orderRule = all.find((x) => x.id === (r.followsRuleId ?? r.id)) ?? r;
      return {
        ruleId: r.id,
        roles: [...r.roles],
        years: r.years ?? 0,
        description: r.description,
        ordered: r.regionOrder.length > 0 && r.anchorDate !== null,
        orderRuleId: orderRule.id,
        orderRuleVersion: orderRule.version,
        regionOrder: [...r.regionOrder],
        anchorDate: r.anchorDate,
        regionsToOrder,
        mayEdit: edit.get(r.id) ?? false,
        periods: rotationSchedule(r, from, to).map((p) => ({
          startDate: p.startDate,
          endDate: p.endDate,
          region: p.region,
          regionName: map.names.get(p.region) ?? p.region,
          current: now?.index === p.index,
          holders: members
            .filter(
              (m) => r.roles.includes(m.role) && m.startDate <= p.endDate && (m.endDate === null || m.endDate >= p.startDate),
            )
            .map((m) => ({ role: m.role, personName: m.personName, represents: m.represents })),
        })),
      };
    }),
  };
}
