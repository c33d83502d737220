import { can, type Permission, type TargetScope } from '../../platform/auth/policy.js';
import type { Actor, RoleAssignment } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { ownerScope } from '../organisation/check-group.js';
import type { Geography } from '../organisation/rules/structure.js';
import type { AnswerRow, JointRow } from './repository.js';
import * as repo from './repository.js';

/**
 * Who may do what with an answer. The groups it is routed to work on it: their chairs and
 * process supports — by a role assignment at the group, or by a current membership of the
 * person with the signed-in user's e-mail — and the region's samordnare. The forum that
 * prepares and the forum that decides act on their steps. Others in the region read; other
 * regions see only the state (on the overview).
 */
export async function effectiveActor(db: Queryable, actor: Actor | undefined, today: string): Promise<Actor | undefined> {
  if (!actor || actor.via === 'system') return actor;
  const held = await repo.membershipRoles(db, actor.email, today);
  const extra: RoleAssignment[] = held.map((m) => ({ role: m.role, scopeType: 'group', scopeId: m.group_id }));
  return extra.length ? { ...actor, roles: [...actor.roles, ...extra] } : actor;
}

export const groupScope = (groupId: string, owner: string, geo: Geography): TargetScope => ({
  type: 'group',
  id: groupId,
  owner: ownerScope(owner, geo),
});

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
}

export function answerAccess(
  actor: Actor | undefined,
  a: Pick<AnswerRow, 'region_code' | 'lead_group_id' | 'beredning_group_id' | 'decision_group_id'>,
  routed: readonly string[],
  geo: Geography,
): AnswerAccess {
  const region = ownerScope(a.region_code, geo);
  const at = (p: Permission, g: string | null) => g !== null && can(actor, p, groupScope(g, a.region_code, geo));
  const work = routed.some((g) => at('consultations.work', g));
  const lead = at('consultations.work', a.lead_group_id);
  const prepare = at('consultations.decide', a.beredning_group_id);
  const decide = at('consultations.decide', a.decision_group_id);
  const route = can(actor, 'consultations.route', region);
  return {
    read: can(actor, 'consultations.read', region) || work || prepare || decide,
    route,
    work,
    lead,
    comment: work || prepare || decide,
    prepare,
    decide,
    send: route || lead,
    settings: can(actor, 'consultations.settings', region),
  };
}

export interface JointAccess {
  read: boolean;
  work: boolean;
  approve: boolean;
}

/** The RPO (its chairs and process supports, or the healthcare region's samordnare) compiles; the management group approves. */
export function jointAccess(
  actor: Actor | undefined,
  j: Pick<JointRow, 'healthcare_region_id' | 'coordinating_group_id' | 'approving_group_id'>,
  memberRegions: readonly string[],
  geo: Geography,
): JointAccess {
  const scope = (g: string): TargetScope => groupScope(g, j.healthcare_region_id, geo);
  const work = can(actor, 'consultations.work', scope(j.coordinating_group_id));
  const approve = can(actor, 'consultations.decide', scope(j.approving_group_id));
  const read =
    work ||
    approve ||
    can(actor, 'consultations.read', { type: 'healthcare-region', id: j.healthcare_region_id }) ||
    memberRegions.some((r) => can(actor, 'consultations.read', ownerScope(r, geo)));
  return { read, work, approve };
}
