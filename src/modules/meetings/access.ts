import { can, requireActor, type TargetScope } from '../../platform/auth/policy.js';
import { todayInSweden } from '../../platform/clock.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { systemActor } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { forbidden, notFound, unprocessable } from '../../platform/errors.js';
import { ownerScope } from '../organisation/check-group.js';
import { geography, getGroup, type GroupRow } from '../organisation/repository.js';
import * as repo from './repository.js';
import * as minutesRepo from './minutes-repository.js';

/** Group kinds that hold meetings with minutes (the decision-making forums). */
export const FORUM_KINDS: readonly string[] = ['forum', 'council', 'steering-group', 'political-body'];

/** Membership roles in the forum that keep its agenda and minutes. */
const KEEPER_ROLES = ['sekreterare', 'samordnare'];

export interface ForumAccess {
  /** Members, and those with cases.read where the forum belongs. */
  read: boolean;
  /** The forum's secretary or coordinator, or a samordnare for its region. */
  manage: boolean;
  /** The signed-in user's person record (same e-mail), when there is one. */
  personId: string | null;
  roles: string[];
}

export async function forumAccess(db: Queryable, actor: Actor | undefined, group: GroupRow): Promise<ForumAccess> {
  if (!actor) return { read: false, manage: false, personId: null, roles: [] };
  const geo = await geography(db);
  const scope: TargetScope = { type: 'group', id: group.id, owner: ownerScope(group.owner, geo) };
  const roles = await repo.rolesOfEmailInGroup(db, actor.email, group.id, todayInSweden());
  const manage = can(actor, 'meetings.manage', scope) || roles.some((r) => KEEPER_ROLES.includes(r));
  const read = manage || roles.length > 0 || can(actor, 'cases.read', scope);
  const person = await repo.personByEmail(db, actor.email);
  return { read, manage, personId: person?.id ?? null, roles };
}

/** The forum, if the caller may read it (404 otherwise, so its meetings do not leak). */
export async function loadForum(db: Queryable, ctx: Ctx, groupId: string, need: 'read' | 'manage' = 'read') {
  requireActor(ctx.actor);
  const group = await getGroup(db, groupId);
  if (!group) throw notFound('Forumet');
  const access = await forumAccess(db, ctx.actor, group);
  if (!access.read) throw notFound('Forumet');
  if (!FORUM_KINDS.includes(group.kind)) {
    throw unprocessable('Gruppen är inte ett forum som håller möten med protokoll.', [{ path: 'id', message: 'inte ett forum' }]);
  }
  if (need === 'manage' && !access.manage) throw forbidden('Bara forumets sekreterare eller samordnare får ändra detta.');
  return { group, access };
}

/** The meeting and its forum, with the caller's access; the meeting row locked when asked. */
export async function loadMeeting(
  db: Queryable,
  ctx: Ctx,
  meetingId: string,
  need: 'read' | 'manage' = 'read',
  opts: { forUpdate?: boolean } = {},
) {
  requireActor(ctx.actor);
  const meeting = await repo.getMeeting(db, meetingId, opts);
  if (!meeting) throw notFound('Mötet');
  const group = (await getGroup(db, meeting.group_id))!;
  const access = await forumAccess(db, ctx.actor, group);
  // A named adjuster from outside the forum reads the meeting they are to approve.
  if (
    !access.read &&
    access.personId &&
    (await minutesRepo.adjustersOf(db, meetingId)).some((a) => a.person_id === access.personId)
  ) {
    access.read = true;
  }
  if (!access.read) throw notFound('Mötet');
  if (need === 'manage' && !access.manage) throw forbidden('Bara forumets sekreterare eller samordnare får ändra detta.');
  return { meeting, group, access };
}

/**
 * What follows from a decision (a case's status, its action items) is done by the system on
 * behalf of the forum: the person acting (an adjuster, a secretary) need not hold case roles.
 * The audit trail names them through the actor's label.
 */
export function onBehalfOfForum(ctx: Ctx, what: string): Ctx {
  return { requestId: ctx.requestId, actor: { ...systemActor, name: `${what} (${ctx.actor?.name ?? 'okänd'})` } };
}

/** The forums the caller may read, with whether they keep them. */
export async function readableForums(db: Queryable, actor: Actor): Promise<{ group: GroupRow; manage: boolean }[]> {
  const geo = await geography(db);
  const groups = await db.query<GroupRow>(
    `SELECT *, sv_key(name) AS sort_key FROM groups WHERE kind = ANY($1::text[]) AND status = 'active' ORDER BY sv_key(name) COLLATE "C", id`,
    [FORUM_KINDS],
  );
  const memberRoles = await db.query<{ group_id: string; role: string }>(
    `SELECT m.group_id, m.role FROM memberships m JOIN persons p ON p.id = m.person_id
     WHERE p.email = $1 AND m.start_date <= $2::date AND (m.end_date IS NULL OR m.end_date >= $2::date)`,
    [actor.email, todayInSweden()],
  );
  return groups.flatMap((group) => {
    const scope: TargetScope = { type: 'group', id: group.id, owner: ownerScope(group.owner, geo) };
    const roles = memberRoles.filter((r) => r.group_id === group.id).map((r) => r.role);
    const manage = can(actor, 'meetings.manage', scope) || roles.some((r) => KEEPER_ROLES.includes(r));
    const read = manage || roles.length > 0 || can(actor, 'cases.read', scope);
    return read ? [{ group, manage }] : [];
  });
}
