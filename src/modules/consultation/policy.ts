import { authorize, can, type Permission, type TargetScope } from '../../platform/auth/policy.js';
import { ownerScope, requestScope, type Geography } from '../../platform/auth/scope.js';
import type { Actor, Ctx, RoleAssignment } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { forbidden } from '../../platform/errors.js';
import * as repo from './repository.js';
import type { AnswerAction } from './rules/answer-lifecycle.js';
import type { JointAction } from './rules/joint-lifecycle.js';

/**
 * The consultation module's one answer to "may this actor do this on this answer, joint
 * answer, survey, round or region's settings?". The caller's geography comes from the
 * request's scope (read once per request).
 *
 * A region's answer: the groups it is routed to work on it — their chairs and process
 * supports, by a role assignment at the group or by a current membership of the person with
 * the signed-in user's e-mail — and the region's samordnare routes it. The forum that prepares
 * and the forum that decides act on their steps. Others in the region read; other regions see
 * only the state (on the overview).
 */
export async function effectiveActor(db: Queryable, actor: Actor | undefined, today: string): Promise<Actor | undefined> {
  if (!actor || actor.via === 'system') return actor;
  const held = await repo.membershipRoles(db, actor.email, today);
  const extra: RoleAssignment[] = held.map((m) => ({ role: m.role, scopeType: 'group', scopeId: m.groupId }));
  return extra.length ? { ...actor, roles: [...actor.roles, ...extra] } : actor;
}

const groupScope = (groupId: string, owner: TargetScope): TargetScope => ({ type: 'group', id: groupId, owner });

/** The caller as the module sees them: their own roles and those their memberships give, and the country's shape. */
export interface Caller {
  actor: Actor | undefined;
  geo: Geography;
  of(owner: string): TargetScope;
}

export async function consultationCaller(db: Queryable, ctx: Ctx, today: string): Promise<Caller> {
  const geo = await requestScope(ctx, db).geography();
  return { actor: await effectiveActor(db, ctx.actor, today), geo, of: (owner) => ownerScope(owner, geo) };
}

export interface AnswerAccess {
  read: boolean;
  route: boolean;
  /** Sections, comments' responses, survey: the routed groups. */
  work: boolean;
  /** The lead group: survey, start the draft, mark it ready. */
  lead: boolean;
  comment: boolean;
  prepare: boolean;
  decide: boolean;
  send: boolean;
  settings: boolean;
  /** Registers consultations in the region: also records the region's diarienummer on an answer. */
  register: boolean;
}

export function answerAccess(
  c: Caller,
  a: Pick<repo.AnswerRow, 'region' | 'leadGroupId' | 'beredningGroupId' | 'decisionGroupId'>,
  routed: readonly string[],
): AnswerAccess {
  const region = c.of(a.region);
  const at = (p: Permission, g: string | null) => g !== null && can(c.actor, p, groupScope(g, region));
  const work = routed.some((g) => at('consultations.work', g));
  const lead = at('consultations.work', a.leadGroupId);
  const prepare = at('consultations.decide', a.beredningGroupId);
  const decide = at('consultations.decide', a.decisionGroupId);
  const route = can(c.actor, 'consultations.route', region);
  return {
    read: can(c.actor, 'consultations.read', region) || work || prepare || decide,
    route,
    work,
    lead,
    comment: work || prepare || decide,
    prepare,
    decide,
    send: route || lead,
    settings: can(c.actor, 'consultations.settings', region),
    register: can(c.actor, 'consultations.register', region),
  };
}

/** Who may take each step of an answer's lifecycle, and what they are told when they may not. */
const ANSWER_STEPS: Record<AnswerAction, { may: (a: AnswerAccess) => boolean; refusal: string }> = {
  route: { may: (a) => a.route, refusal: 'Bara samordnaren i regionen kan fördela remissen.' },
  'send-survey': { may: (a) => a.lead, refusal: 'Bara den ledande gruppens ordförande eller processtöd kan skicka enkäten.' },
  'start-draft': { may: (a) => a.lead, refusal: 'Bara den ledande gruppens ordförande eller processtöd kan börja på utkastet.' },
  prepare: { may: (a) => a.prepare, refusal: 'Bara det beredande forumet kan markera svaret som berett.' },
  return: { may: (a) => a.prepare || a.decide, refusal: 'Bara det beredande eller beslutande forumet kan återremittera.' },
  decide: { may: (a) => a.decide, refusal: 'Bara det forum som äger beslutet kan besluta svaret.' },
  send: { may: (a) => a.send, refusal: 'Bara samordnaren eller den ledande gruppen kan markera svaret som skickat.' },
  supersede: {
    may: (a) => a.decide || a.route,
    refusal: 'Bara det beslutande forumet eller samordnaren kan ersätta ett beslutat svar.',
  },
};

export const mayTakeAnswerStep = (a: AnswerAccess, action: AnswerAction): boolean => ANSWER_STEPS[action].may(a);

/** 403 with the step's reason when the caller may not take it. */
export function requireAnswerStep(a: AnswerAccess, action: AnswerAction): void {
  if (!mayTakeAnswerStep(a, action)) throw forbidden(ANSWER_STEPS[action].refusal);
}

export function requireAccess(allowed: boolean, detail?: string): void {
  if (!allowed) throw forbidden(detail);
}

export interface JointAccess {
  read: boolean;
  work: boolean;
  approve: boolean;
}

/** The RPO (its chairs and process supports, or the healthcare region's samordnare) compiles; the management group approves. */
export function jointAccess(
  c: Caller,
  j: Pick<repo.JointRow, 'healthcareRegionId' | 'coordinatingGroupId' | 'approvingGroupId'>,
  memberRegions: readonly string[],
): JointAccess {
  const hr = c.of(j.healthcareRegionId);
  const work = can(c.actor, 'consultations.work', groupScope(j.coordinatingGroupId, hr));
  const approve = can(c.actor, 'consultations.decide', groupScope(j.approvingGroupId, hr));
  const read =
    work ||
    approve ||
    can(c.actor, 'consultations.read', { type: 'healthcare-region', id: j.healthcareRegionId }) ||
    memberRegions.some((r) => can(c.actor, 'consultations.read', c.of(r)));
  return { read, work, approve };
}

const JOINT_STEPS: Record<JointAction, { may: (a: JointAccess) => boolean; refusal?: string }> = {
  approve: { may: (a) => a.approve, refusal: 'Bara sjukvårdsregionens ledningsgrupp kan godkänna det gemensamma svaret.' },
  send: { may: (a) => a.work || a.approve },
};

export const mayTakeJointStep = (a: JointAccess, action: JointAction): boolean => JOINT_STEPS[action].may(a);

export function requireJointStep(a: JointAccess, action: JointAction): void {
  if (!mayTakeJointStep(a, action)) throw forbidden(JOINT_STEPS[action].refusal);
}

/** Starting a joint answer: the healthcare region's samordnare or the coordinating group. */
export function mayStartJoint(c: Caller, healthcareRegionId: string, coordinatingGroupId: string): boolean {
  const hr: TargetScope = { type: 'healthcare-region', id: healthcareRegionId };
  return can(c.actor, 'consultations.route', hr) || can(c.actor, 'consultations.work', groupScope(coordinatingGroupId, hr));
}

/** Region-wide permissions (register a round, read the board, the settings), asked through the request's scope. */
export const mayInRegion = (ctx: Ctx, db: Queryable, permission: Permission, region: string): Promise<boolean> =>
  requestScope(ctx, db).may(permission, region);

export async function authorizeInRegion(ctx: Ctx, db: Queryable, permission: Permission, region: string): Promise<void> {
  authorize(ctx.actor, permission, await requestScope(ctx, db).of(region));
}

/** National rounds: registered, changed and cancelled by system administrators (or an admin's API token). */
export const mayManageRounds = (ctx: Ctx): boolean => can(ctx.actor, 'rounds.create');

export function authorizeRounds(ctx: Ctx): asserts ctx is Ctx & { actor: Actor } {
  authorize(ctx.actor, 'rounds.create');
}
