import { can, PERMISSIONS, type Permission, type TargetScope } from '../platform/auth/policy.js';
import type { Actor, Ctx } from '../platform/context.js';
import type { Queryable } from '../platform/db/index.js';
import { notFound } from '../platform/errors.js';
import * as cases from './cases/repository.js';
import { assertCanRead } from './cases/scope.js';
import * as knowledge from './knowledge/repository.js';
import * as rounds from './knowledge/rounds/repository.js';
import { loadMeeting } from './meetings/access.js';
import { ownerScope } from './organisation/check-group.js';
import { geography, getGroup } from './organisation/repository.js';
import type { Geography } from './organisation/rules/structure.js';
import { isSelf, maySeePerson } from './people/access.js';
import * as people from './people/repository.js';

/**
 * "May this caller see the object this id names?" — asked for every id a write's body names
 * (a person, a group, a case, a knowledge support, a consultation round, a meeting), before the
 * write looks at the object's particulars. No answers 404 with the same problem as the GET of
 * that object, so a write cannot confirm that another region's object exists, let alone use it.
 *
 * Reach is the caller's scope, whatever their permission there: the write's own permission is
 * checked by the use case on its target. A person is reached through their register (home owner)
 * or a group they sit in; a group through its owner (or its own id for group-scoped roles), and
 * the bodies one level above a reached owner (the healthcare region, the nation), whose groups
 * are mirrored and reported to. Cases follow the case-read rule of their region; meetings the
 * read rule of their forum; knowledge supports and consultation rounds are read by every
 * signed-in user, so for them the question is only whether they exist.
 *
 * It sits beside the modules rather than in platform/, because it reads several of them.
 */
export type RefKind = 'person' | 'group' | 'case' | 'support' | 'round' | 'meeting';

const WHAT: Record<RefKind, string> = {
  person: 'Personen',
  group: 'Gruppen',
  case: 'Ärendet',
  support: 'Kunskapsstödet',
  round: 'Remissomgången',
  meeting: 'Mötet',
};

const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

/** The caller holds some role whose scope covers the target (any permission of the policy table). */
export const reaches = (actor: Actor | undefined, target: TargetScope): boolean =>
  ALL_PERMISSIONS.some((p) => can(actor, p, target));

const groupTarget = (g: { id: string; owner: string }, geo: Geography): TargetScope => ({
  type: 'group',
  id: g.id,
  owner: ownerScope(g.owner, geo),
});

/** A group is in reach when its owner (or the group itself) is, or it belongs to a body above a reached region. */
export function reachesGroup(actor: Actor | undefined, g: { id: string; owner: string }, geo: Geography): boolean {
  if (!actor) return false;
  if (reaches(actor, groupTarget(g, geo))) return true;
  if (g.owner === 'national') return actor.roles.length > 0;
  return [...geo.regionHealthcareRegions].some(([code, hrs]) => hrs.includes(g.owner) && reaches(actor, ownerScope(code, geo)));
}

/** Whether the caller may see the object; false for an unknown id as well. */
export async function isVisible(db: Queryable, ctx: Ctx, kind: RefKind, id: string): Promise<boolean> {
  const actor = ctx.actor;
  if (!actor) return false;
  switch (kind) {
    case 'person': {
      const p = await people.getPerson(db, id);
      if (!p) return false;
      const geo = await geography(db);
      if (isSelf(actor, p) || maySeePerson(actor, p, geo) || reaches(actor, ownerScope(p.home_owner, geo))) return true;
      return (await people.groupsOfPerson(db, p.id)).some((g) => reaches(actor, groupTarget(g, geo)));
    }
    case 'group': {
      const g = await getGroup(db, id);
      return Boolean(g && reachesGroup(actor, g, await geography(db)));
    }
    case 'case': {
      const c = await cases.getCase(db, id);
      if (!c) return false;
      return assertCanRead(db, actor, c.region_code).then(
        () => true,
        () => false,
      );
    }
    case 'support':
      return Boolean(await knowledge.getSupport(db, id));
    case 'round':
      return Boolean(await rounds.getRound(db, id));
    case 'meeting':
      return loadMeeting(db, ctx, id).then(
        () => true,
        () => false,
      );
  }
}

/** Throws the GET's 404 for the first referenced id the caller may not see; null and undefined ids are skipped. */
export async function assertVisible(
  db: Queryable,
  ctx: Ctx,
  refs: Partial<Record<RefKind, string | null | undefined | readonly string[]>>,
): Promise<void> {
  for (const [kind, ids] of Object.entries(refs) as [RefKind, string | null | undefined | readonly string[]][]) {
    for (const id of typeof ids === 'string' ? [ids] : (ids ?? [])) {
      if (!(await isVisible(db, ctx, kind, id))) throw notFound(WHAT[kind]);
    }
  }
}
