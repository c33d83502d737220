import type { Queryable } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { getGroup } from '../organisation/index.js';
import * as repo from './repository.js';

/** One person who sits on both levels: their role in the lower group and in the group above. */
export interface Representative {
  personId: string;
  personName: string;
  roleBelow: string;
  roleAbove: string;
  represents: string | null;
}

/**
 * Who represents whom between levels (seed 004: "En eller två RPO-ledamöter … sitter med i NPO"):
 * the pairs (lower group, group above) by the mirror link, and the people who hold a seat in both
 * on the day. Pure.
 */
export function representatives(
  below: readonly { personId: string; personName: string; role: string }[],
  above: readonly { personId: string; role: string; represents: string | null }[],
): Representative[] {
  const out: Representative[] = [];
  const seen = new Set<string>();
  for (const b of below) {
    if (seen.has(b.personId)) continue;
    const a = above.find((x) => x.personId === b.personId);
    if (!a) continue;
    seen.add(b.personId);
    out.push({ personId: b.personId, personName: b.personName, roleBelow: b.role, roleAbove: a.role, represents: a.represents });
  }
  return out;
}

/**
 * A group's representation on a day: upward, which of its members sit in the group it mirrors;
 * downward, for each active group mirroring it, which of that group's members sit in this one.
 */
export async function groupRepresentation(db: Queryable, groupId: string, date: string) {
  const group = await getGroup(db, groupId);
  if (!group) throw notFound('Gruppen');
  const active = await repo.activeGroups(db);
  const byId = new Map(active.map((g) => [g.id, g]));
  const above = group.mirrorsGroupId ? (byId.get(group.mirrorsGroupId) ?? null) : null;
  const below = active.filter((g) => g.mirrorsGroupId === groupId);
  const seats = await repo.heldSeats(db, [groupId, ...(above ? [above.id] : []), ...below.map((g) => g.id)], date);
  const of = (id: string) => seats.filter((s) => s.groupId === id);
  const map = await repo.regionMap(db);
  const brief = (g: repo.GroupBrief) => ({
    groupId: g.id,
    groupName: g.name,
    level: g.level,
    owner: g.owner,
    ownerName: map.names.get(g.owner) ?? (g.owner === 'national' ? 'Nationell nivå' : g.owner),
  });
  return {
    groupId,
    date,
    up: above ? { ...brief(above), people: representatives(of(groupId), of(above.id)) } : null,
    down: below.map((g) => ({ ...brief(g), people: representatives(of(g.id), of(groupId)) })),
  };
}
