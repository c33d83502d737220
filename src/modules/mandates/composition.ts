import type { Queryable } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { getGroup } from '../organisation/index.js';
import { groupForRules } from './check-seat.js';
import * as repo from './repository.js';
import { checkComposition, heldOn, rulesFor, type Gap, type RegionMap } from './rules/composition.js';
import { periodAt, rotationSchedule } from './rules/rotation.js';

const withName = (map: RegionMap) => (g: Gap) => ({ ...g, regionName: g.region ? (map.names.get(g.region) ?? g.region) : null });

/** One group measured against its rules on a day. */
export async function groupComposition(db: Queryable, groupId: string, date: string) {
  const group = await getGroup(db, groupId);
  if (!group) throw notFound('Gruppen');
  const map = await repo.regionMap(db);
  const ruleRows = await repo.listRules(db);
  const g = groupForRules(group);
  const applicable = rulesFor(ruleRows, g);
  const seats = await repo.seatsOf(db, [groupId]);
  const gaps = checkComposition(g, applicable, seats, date, map).map(withName(map));
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
  const groups = (await repo.activeGroups(db, f.owners)).filter((g) =>
    rulesFor(rules, g).some((r) => r.ruleType !== 'mandate-years' && r.ruleType !== 'rotation'),
  );
  const seats = await repo.seatsOf(
    db,
    groups.map((g) => g.id),
  );
  const byGroup = new Map<string, repo.SeatRecord[]>();
  for (const s of seats) byGroup.set(s.groupId, [...(byGroup.get(s.groupId) ?? []), s]);
  const items = [];
  for (const g of groups) {
    const mine = byGroup.get(g.id) ?? [];
    const memberCount = mine.filter((s) => heldOn(s, f.date)).length;
    if (f.staffedOnly && memberCount === 0) continue;
    const gaps = checkComposition(g, rules, mine, f.date, map).map(withName(map));
    if (gaps.length === 0) continue;
    items.push({ groupId: g.id, groupName: g.name, kind: g.kind, level: g.level, owner: g.owner, memberCount, gaps });
  }
  return { date: f.date, groupCount: groups.length, items };
}

/** The rotation schedules of a group, with who holds the rotating roles in each period. */
export async function groupRotation(db: Queryable, groupId: string, from: string, to: string, today: string) {
  const group = await getGroup(db, groupId);
  if (!group) throw notFound('Gruppen');
  const map = await repo.regionMap(db);
  const rules = rulesFor(await repo.listRules(db), groupForRules(group)).filter((r) => r.ruleType === 'rotation');
  const members = await repo.seatHolders(db, groupId);
  return {
    groupId,
    schedules: rules.map((r) => {
      const now = periodAt(r, today);
      return {
        ruleId: r.id,
        roles: [...r.roles],
        years: r.years ?? 0,
        description: r.description,
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
