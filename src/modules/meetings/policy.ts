/**
 * The meetings module's one policy: who may read a forum and its meetings, who keeps them
 * (agenda, attendance, minutes) and who approves minutes. Every use case asks it; the caller's
 * geography comes from the request's scope (requestScope), read once per request. An outsider to
 * a forum gets 404, so its meetings do not leak; a reader who may not keep it gets 403.
 */
import { can, requireActor, type TargetScope } from '../../platform/auth/policy.js';
import { requestScope } from '../../platform/auth/scope.js';
import { todayInSweden } from '../../platform/clock.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { systemActor } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { selectRows } from '../../platform/db/rows.js';
import { forbidden, notFound, unauthorized, unprocessable } from '../../platform/errors.js';
import { isFinal } from '../../platform/lifecycle/index.js';
import { getGroup, type GroupRow } from '../organisation/index.js';
import * as minutesRepo from './minutes-repository.js';
import * as repo from './repository.js';
import { minutesLifecycle, type MeetingAction, type MinutesAction } from './rules/lifecycle.js';

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

export type Need = 'read' | 'manage';

const MANAGE_ONLY = 'Bara forumets sekreterare eller samordnare får ändra detta.';

/** The policy's scope of a forum: the group itself within its owner (region, healthcare region, nation). */
async function forumScope(db: Queryable, ctx: Ctx, group: { id: string; owner: string }): Promise<TargetScope> {
  return { type: 'group', id: group.id, owner: await requestScope(ctx, db).of(group.owner) };
}

/** Read and keep, from the caller's roles where the forum belongs and their memberships in it. */
function decide(actor: Actor, scope: TargetScope, roles: string[]) {
  const manage = can(actor, 'meetings.manage', scope) || roles.some((r) => KEEPER_ROLES.includes(r));
  const read = manage || roles.length > 0 || can(actor, 'cases.read', scope);
  return { read, manage };
}

export async function forumAccess(db: Queryable, ctx: Ctx, group: GroupRow): Promise<ForumAccess> {
  const actor = ctx.actor;
  if (!actor) return { read: false, manage: false, personId: null, roles: [] };
  const roles = await repo.rolesOfEmailInGroup(db, actor.email, group.id, todayInSweden());
  const person = await repo.personByEmail(db, actor.email);
  return { ...decide(actor, await forumScope(db, ctx, group), roles), personId: person?.id ?? null, roles };
}

function assertMay(access: ForumAccess, need: Need, what: string): void {
  if (!access.read) throw notFound(what);
  if (need === 'manage' && !access.manage) throw forbidden(MANAGE_ONLY);
}

/** The forum, if the caller may read it (404 otherwise, so its meetings do not leak). */
export async function loadForum(db: Queryable, ctx: Ctx, groupId: string, need: Need = 'read') {
  requireActor(ctx.actor);
  const group = await getGroup(db, groupId);
  if (!group) throw notFound('Forumet');
  const access = await forumAccess(db, ctx, group);
  if (!access.read) throw notFound('Forumet');
  if (!FORUM_KINDS.includes(group.kind)) {
    throw unprocessable('Gruppen är inte ett forum som håller möten med protokoll.', [{ path: 'id', message: 'inte ett forum' }]);
  }
  assertMay(access, need, 'Forumet');
  return { group, access };
}

/** The caller's access to a meeting: the forum's, and a named adjuster from outside the forum reads it too. */
export async function meetingAccess(db: Queryable, ctx: Ctx, meeting: { id: string; forumId: string }) {
  const group = (await getGroup(db, meeting.forumId))!;
  const access = await forumAccess(db, ctx, group);
  if (
    !access.read &&
    access.personId &&
    (await minutesRepo.adjustersOf(db, meeting.id)).some((a) => a.personId === access.personId)
  ) {
    access.read = true;
  }
  return { group, access };
}

/** Throws 404 (cannot read) or 403 (cannot keep) for a meeting. */
export function assertMayMeeting(access: ForumAccess, need: Need): void {
  assertMay(access, need, 'Mötet');
}

/** The meeting and its forum, with the caller's access; the meeting row locked when asked. */
export async function loadMeeting(
  db: Queryable,
  ctx: Ctx,
  meetingId: string,
  need: Need = 'read',
  opts: { forUpdate?: boolean } = {},
) {
  requireActor(ctx.actor);
  const meeting = await repo.getMeeting(db, meetingId, opts);
  if (!meeting) throw notFound('Mötet');
  const { group, access } = await meetingAccess(db, ctx, meeting);
  assertMayMeeting(access, need);
  return { meeting, group, access };
}

/** A paragraph and its meeting, for a caller who may read (or keep) it; the meeting locked when keeping. */
export async function loadParagraph(tx: Queryable, ctx: Ctx, id: string, need: Need) {
  const p = await minutesRepo.getParagraph(tx, id);
  if (!p) throw notFound('Paragrafen');
  const loaded = await loadMeeting(tx, ctx, p.meetingId, need, { forUpdate: need === 'manage' });
  return { paragraph: p, ...loaded };
}

/** Which of the meeting's lifecycle actions the caller may take (the declaration says which the status allows). */
export const mayOnMeeting =
  (access: ForumAccess) =>
  (_action: MeetingAction): boolean =>
    access.manage;

/** Minutes: the keepers send and take back; only a named adjuster approves. */
export const mayOnMinutes =
  (access: ForumAccess, isAdjuster: boolean) =>
  (action: MinutesAction): boolean =>
    action === 'approve' ? isAdjuster : access.manage;

/**
 * What follows from a decision (a case's status, its action items) is done by the system on
 * behalf of the forum: the person acting (an adjuster, a secretary) need not hold case roles.
 * The audit trail names them through the actor's label.
 */
export function onBehalfOfForum(ctx: Ctx, what: string): Ctx {
  return { requestId: ctx.requestId, actor: { ...systemActor, name: `${what} (${ctx.actor?.name ?? 'okänd'})` } };
}

/**
 * The forums the caller may read (or, with `manageOnly`, keep), with whether they keep them:
 * decide() for every active forum at once, in SQL, so a national reader does not load ~1,700
 * forums to decide each in JavaScript. The caller's roles come from the request's scope
 * (`reach`: where cases.read and meetings.manage are held) and their memberships today; the
 * rule is decide()'s (test/meetings-forum-policy.test.ts checks that both give the same answer).
 * `meetingsBetween` keeps only forums with a meeting between two dates (Min översikt's week).
 */
export async function readableForums(
  db: Queryable,
  ctx: Ctx,
  opts: { manageOnly?: boolean; meetingsBetween?: { from: string; to: string } } = {},
): Promise<{ group: GroupRow; manage: boolean }[]> {
  requireActor(ctx.actor);
  const scope = requestScope(ctx, db);
  const keep = await scope.reach('meetings.manage');
  const read = await scope.reach('cases.read');
  const reaches = (i: number) => `($${i}::boolean OR g.owner = ANY($${i + 1}::text[]) OR g.id = ANY($${i + 2}::uuid[]))`;
  const manage = `(${reaches(4)} OR coalesce(r.roles && $10::text[], false))`;
  const readable = `(${manage} OR r.roles IS NOT NULL OR ${reaches(7)})`;
  const week = opts.meetingsBetween;
  const withMeetings = week
    ? ` AND EXISTS (SELECT 1 FROM meetings mt WHERE mt.group_id = g.id AND mt.meeting_date BETWEEN $11::date AND $12::date)`
    : '';
  const rows = await selectRows<GroupRow & { mayManage: boolean }>(
    db,
    `WITH mine AS (
       SELECT m.group_id, array_agg(m.role) AS roles FROM memberships m JOIN persons p ON p.id = m.person_id
       WHERE p.email = $2 AND m.start_date <= $3::date AND (m.end_date IS NULL OR m.end_date >= $3::date)
       GROUP BY m.group_id)
     SELECT g.*, sv_key(g.name) AS sort_key, ${manage} AS may_manage
     FROM groups g LEFT JOIN mine r ON r.group_id = g.id
     WHERE g.kind = ANY($1::text[]) AND g.status = 'active' AND ${readable}${opts.manageOnly ? ` AND ${manage}` : ''}${withMeetings}
     ORDER BY sv_key(g.name) COLLATE "C", g.id`,
    [
      FORUM_KINDS,
      ctx.actor.email,
      todayInSweden(),
      keep.everywhere,
      keep.owners,
      keep.groups,
      read.everywhere,
      read.owners,
      read.groups,
      KEEPER_ROLES,
      ...(week ? [week.from, week.to] : []),
    ],
  );
  return rows.map(({ mayManage, ...group }) => ({ group, manage: mayManage }));
}

/**
 * Insyn: the decisions of justerade protokoll and those protokoll are public (secret cases'
 * paragraphs masked) unless NAVET_PUBLIC_DECISIONS=0 says they are for signed-in users only.
 * The public reads show everyone the same masked view, signed in or not.
 */
export function assertMayReadPublicMinutes(actor: Actor | undefined, publicDecisions: boolean): void {
  if (!publicDecisions && !actor) throw unauthorized();
}

/** Before justering nothing of the minutes is public: a draft or sent protokoll is "not found" to the public. */
export function assertPublicMinutes(meeting: Pick<repo.MeetingRecord, 'minutesStatus'> | undefined): asserts meeting {
  if (!meeting || !isFinal(minutesLifecycle, meeting.minutesStatus)) throw notFound('Det justerade protokollet');
}
