import { can, PERMISSIONS, type Permission, type TargetScope } from '../platform/auth/policy.js';
import type { Actor, Ctx } from '../platform/context.js';
import type { Queryable } from '../platform/db/index.js';
import { notFound, unauthorized } from '../platform/errors.js';
import { repository as cases } from './cases/index.js';
import { assertCanRead } from './cases/index.js';
import { repository as followup } from './indicators/index.js';
import { repository as knowledge } from './knowledge/index.js';
import { roundsRepository as rounds } from './consultation/index.js';
import { loadMeeting } from './meetings/index.js';
import { repository as meetings } from './meetings/index.js';
import { agendaRepository as agendaRepo } from './meetings/index.js';
import { attachmentRepository as attachmentRepo } from './meetings/index.js';
import { minutesRepository as minutesRepo } from './meetings/index.js';
import { ownerScope } from './organisation/index.js';
import { geography, getGroup, getGroupsByIds } from './organisation/index.js';
import type { Geography } from './organisation/index.js';
import { isSelf, maySeePerson } from './people/index.js';
import { repository as people } from './people/index.js';

/**
 * "May this caller see the object this id names?" — asked for every id a write's body names
 * (a person, a group, a case, a case classification, a knowledge support or one of its versions, a consultation round,
 * a meeting or an item on its agenda, a follow-up goal or indicator), before the
 * write looks at the object's particulars. No answers 404 with the same problem as the GET of
 * that object, so a write cannot confirm that another region's object exists, let alone use it.
 *
 * Reach is the caller's scope, whatever their permission there: the write's own permission is
 * checked by the use case on its target. A person is reached through their register (home owner)
 * or a group they sit in; a group through its owner, and the bodies one level above a reached
 * owner (the healthcare region, the nation), whose groups are mirrored and reported to. A role
 * held at a group reaches the groups of that group's owner (an RPO's chair names the healthcare
 * region's management group as the approver of a joint answer), not the owner's persons or cases. Cases follow the case-read rule of their region; meetings the
 * read rule of their forum; knowledge supports (and their versions), consultation rounds and
 * follow-up goals and indicators are read by every signed-in user, so for them the question is
 * only whether they exist. An agenda item is seen with its meeting.
 *
 * A write made from a meeting's page (`within: { meeting }`) also reaches what that page shows
 * the caller, because a forum's secretary is often a member with no role of the policy table:
 * - a person who is a member of the forum on the meeting's date, on the meeting's attendance
 *   list (members and adjungerade) or one of its adjusters (justerare) — any reader of the
 *   meeting sees their names there. Anyone else, e.g. a new adjungerad, must be visible by the
 *   rule above (found in the people register the caller may search);
 * - a case on the meeting's agenda, and, for a keeper of the forum (`manage`), a case of the
 *   forum's region (the agenda's candidates: the forum decides its region's cases);
 * - the meeting's forum, and, for a keeper of the forum, a group of the forum's region whose
 *   follow-up report may be attached (the same list the page offers);
 * - an agenda item only when it is on this meeting's agenda.
 * The meeting itself must be readable by the caller, or nothing is reached through it.
 *
 * It sits beside the modules rather than in platform/, because it reads several of them.
 */
export type RefKind =
  | 'person'
  | 'group'
  | 'case'
  | 'classification'
  | 'support'
  | 'support-version'
  | 'round'
  | 'meeting'
  | 'agenda-item'
  | 'paragraph'
  | 'goal'
  | 'indicator';

const WHAT: Record<RefKind, string> = {
  person: 'Personen',
  group: 'Gruppen',
  case: 'Ärendet',
  classification: 'Klassificeringen',
  support: 'Kunskapsstödet',
  'support-version': 'Kunskapsstödets version',
  round: 'Remissomgången',
  meeting: 'Mötet',
  'agenda-item': 'Punkten',
  paragraph: 'Paragrafen',
  goal: 'Målet',
  indicator: 'Indikatorn',
};

/** Where the write is made from, when that widens what the caller reaches (see above). */
export interface Within {
  /** The id of the meeting whose page the write is made from. */
  meeting?: string;
}

type Ids = string | null | undefined | readonly (string | null | undefined)[];
type Refs = Partial<Record<RefKind, Ids>>;

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
      if (isSelf(actor, p) || maySeePerson(actor, p, geo) || reaches(actor, ownerScope(p.homeOwner, geo))) return true;
      return (await people.groupsOfPerson(db, p.id)).some((g) => reaches(actor, groupTarget(g, geo)));
    }
    case 'group': {
      const g = await getGroup(db, id);
      if (!g) return false;
      if (reachesGroup(actor, g, await geography(db))) return true;
      // A role held at a group reaches the other groups of the same body (its owner).
      const held = actor.roles.filter((r) => r.scopeType === 'group').map((r) => r.scopeId);
      return (await getGroupsByIds(db, held)).some((h) => h.owner === g.owner);
    }
    case 'case': {
      const c = await cases.getCase(db, id);
      if (!c) return false;
      return assertCanRead(db, ctx, c.region).then(
        () => true,
        () => false,
      );
    }
    case 'classification': {
      // A region's klassificeringsstruktur is seen by those who read the region's cases.
      const c = await cases.getClassification(db, id);
      if (!c) return false;
      return assertCanRead(db, ctx, c.region).then(
        () => true,
        () => false,
      );
    }
    case 'support':
      return Boolean(await knowledge.getSupport(db, id));
    case 'support-version':
      return Boolean(await knowledge.getVersion(db, id));
    case 'round':
      return Boolean(await rounds.getRound(db, id));
    case 'meeting':
      return loadMeeting(db, ctx, id).then(
        () => true,
        () => false,
      );
    case 'agenda-item': {
      const meetingId = await agendaRepo.meetingOfAgendaItem(db, id);
      return Boolean(meetingId && (await isVisible(db, ctx, 'meeting', meetingId)));
    }
    case 'paragraph': {
      // A § is seen with its meeting (an implementation status names the § that decided it).
      const p = await minutesRepo.getParagraph(db, id);
      return Boolean(p && (await isVisible(db, ctx, 'meeting', p.meetingId)));
    }
    case 'goal':
      return Boolean(await followup.getGoal(db, id));
    case 'indicator':
      return Boolean(await followup.getIndicator(db, id));
  }
}

/** What a meeting's page shows the caller (see the comment at the top); nothing when they cannot read the meeting. */
async function meetingReach(db: Queryable, ctx: Ctx, meetingId: string) {
  const loaded = await loadMeeting(db, ctx, meetingId).catch(() => undefined);
  if (!loaded) return undefined;
  const { meeting, group, access } = loaded;
  const [members, attendance, adjusters, agenda] = await Promise.all([
    meetings.activeMembers(db, meeting.forumId, meeting.date),
    meetings.attendanceOf(db, meeting.id),
    minutesRepo.adjustersOf(db, meeting.id),
    agendaRepo.agendaOf(db, meeting.id),
  ]);
  return {
    persons: new Set([...members, ...attendance, ...adjusters].map((p) => p.personId)),
    agendaItems: new Set(agenda.map((a) => a.id)),
    reachesCase: async (id: string) =>
      agenda.some((a) => a.caseId === id) || (access.manage && (await cases.getCase(db, id))?.region === group.owner),
    reachesGroup: async (id: string) =>
      id === group.id || (access.manage && (await attachmentRepo.reportGroupsOf(db, group.owner)).some((g) => g.id === id)),
  };
}

/**
 * Throws the GET's 404 for the first referenced id the caller may not see; null and undefined ids
 * are skipped. `within` names the page the write is made from, when that widens the reach.
 */
export async function assertVisible(db: Queryable, ctx: Ctx, refs: Refs, within: Within = {}): Promise<void> {
  // Loaded on the first id to check, once.
  let reach: Promise<Awaited<ReturnType<typeof meetingReach>>> | undefined;
  const meetingPage = () => (within.meeting ? (reach ??= meetingReach(db, ctx, within.meeting)) : undefined);
  const throughMeeting = async (kind: RefKind, id: string): Promise<boolean> => {
    const atMeeting = await meetingPage();
    if (!atMeeting) return false;
    if (kind === 'person') return atMeeting.persons.has(id);
    if (kind === 'case') return atMeeting.reachesCase(id);
    if (kind === 'group') return atMeeting.reachesGroup(id);
    return false;
  };
  for (const [kind, ids] of Object.entries(refs) as [RefKind, Ids][]) {
    for (const id of typeof ids === 'string' ? [ids] : (ids ?? [])) {
      if (!id) continue;
      // No one signed in: the write's own answer (401), not a hint about the object.
      if (!ctx.actor) throw unauthorized();
      // Within a meeting, an agenda item is one of that meeting's, whoever may see others.
      const atMeeting = await meetingPage();
      const seen =
        kind === 'agenda-item' && atMeeting
          ? atMeeting.agendaItems.has(id)
          : (await throughMeeting(kind, id)) || (await isVisible(db, ctx, kind, id));
      if (!seen) throw notFound(WHAT[kind]);
    }
  }
}
