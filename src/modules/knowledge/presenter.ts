import { allowedActions } from '../../platform/lifecycle/index.js';
import type * as additions from './local-addition-repository.js';
import type * as recs from './recommendation-repository.js';
import type * as repo from './repository.js';
import { localAdditionActions } from './rules/local-addition-lifecycle.js';
import {
  allowedTransitions,
  consequencesEditable,
  isFinal,
  LIFECYCLE_LABELS,
  supportLifecycle,
  VERSION_ROUND_STATUSES,
  versionLifecycle,
  type LifecycleAction,
} from './rules/lifecycle.js';
import { proposeTrack } from './rules/track.js';
import { CONSEQUENCE_DIMENSIONS, SUPPORT_TYPE_LABELS, type SupportType } from './rules/vocabulary.js';

/** What the caller may do in the catalogue (from the policy), for the answers' allowedActions. */
export interface Caller {
  write: boolean;
  createRound: boolean;
}

export type SupportAction = LifecycleAction | 'edit' | 'createVersion';
export type VersionAction = LifecycleAction | 'editConsequences' | 'createRound';

/** The support's lifecycle actions, and editing it and adding a version while it is not final. */
export function supportActions(s: Pick<repo.SupportRow, 'status'>, caller: Caller): SupportAction[] {
  const moves: SupportAction[] = allowedActions(supportLifecycle, s.status, {}, () => caller.write);
  return caller.write && !isFinal(s.status) ? [...moves, 'edit', 'createVersion'] : moves;
}

/** The version's lifecycle actions, editing its consequence description, and registering a round for it. */
export function versionActions(v: Pick<repo.VersionRow, 'status'>, caller: Caller): VersionAction[] {
  const out: VersionAction[] = allowedActions(versionLifecycle, v.status, {}, () => caller.write);
  if (caller.write && consequencesEditable(v.status)) out.push('editConsequences');
  if (caller.createRound && VERSION_ROUND_STATUSES.includes(v.status)) out.push('createRound');
  return out;
}

/** What the audit trail keeps of a support. */
export const supportCore = (s: repo.SupportRow) => ({
  id: s.id,
  type: s.type,
  title: s.title,
  status: s.status,
  producerKind: s.producer_kind,
  producerGroupId: s.producer_group_id,
  producerGroupName: s.producer_group_name,
  producerName: s.producer_name,
  sender: s.sender,
  url: s.url,
  summary: s.summary,
  targetGroups: s.target_groups,
  programAreaIds: s.program_area_ids,
  nextRevisionDate: s.next_revision_date,
  validFrom: s.valid_from,
  validUntil: s.valid_until,
  replacedBySupportId: s.replaced_by_support_id,
  statusReason: s.status_reason,
  isDemo: s.is_demo,
  version: s.version,
});
export type SupportAudit = ReturnType<typeof supportCore>;

export function presentSupport(s: repo.SupportRow, caller: Caller) {
  return {
    ...supportCore(s),
    typeLabel: SUPPORT_TYPE_LABELS[s.type as SupportType] ?? s.type,
    statusLabel: LIFECYCLE_LABELS[s.status],
    allowedTransitions: [...allowedTransitions(s.status)],
    allowedActions: supportActions(s, caller),
    createdAt: s.created_at.toISOString(),
    updatedAt: s.updated_at.toISOString(),
  };
}

export function presentConsequences(rows: repo.ConsequenceRow[]) {
  return CONSEQUENCE_DIMENSIONS.map((d) => {
    const r = rows.find((x) => x.dimension === d);
    return { dimension: d, significance: r?.significance ?? 'none', text: r?.text ?? null, described: Boolean(r) };
  });
}

/** What the audit trail keeps of a version (with its consequence description and proposed track). */
export function versionAudit(v: repo.VersionRow, consequences: repo.ConsequenceRow[]) {
  const mine = consequences.filter((c) => c.support_version_id === v.id);
  const proposal = proposeTrack(mine);
  return {
    id: v.id,
    supportId: v.support_id,
    label: v.label,
    status: v.status,
    changeSummary: v.change_summary,
    url: v.url,
    decidedOn: v.decided_on,
    publishedOn: v.published_on,
    validFrom: v.valid_from,
    validUntil: v.valid_until,
    consequences: presentConsequences(mine),
    proposedTrack: proposal.track,
    proposedTrackBecause: proposal.because,
    version: v.version,
  };
}
export type VersionAudit = ReturnType<typeof versionAudit>;

export function presentVersion(v: repo.VersionRow, consequences: repo.ConsequenceRow[], caller: Caller) {
  return {
    ...versionAudit(v, consequences),
    statusLabel: LIFECYCLE_LABELS[v.status],
    allowedTransitions: [...allowedTransitions(v.status)],
    allowedActions: versionActions(v, caller),
    createdAt: v.created_at.toISOString(),
    updatedAt: v.updated_at.toISOString(),
  };
}

export function presentRecommendation(r: recs.RecommendationRow) {
  return {
    id: r.id,
    supportId: r.support_id,
    code: r.code,
    condition: r.condition,
    measure: r.measure,
    grade: r.grade,
    priority: r.priority,
    comment: r.comment,
    version: r.version,
  };
}
export type RecommendationAudit = ReturnType<typeof presentRecommendation>;

/** What the audit trail keeps of a local addition. */
export const localAdditionAudit = (a: additions.LocalAdditionRow) => ({
  id: a.id,
  supportId: a.support_id,
  kind: a.kind,
  ownerGroupId: a.owner_group_id,
  ownerGroupName: a.owner_group_name,
  regionCode: a.region_code,
  regionName: a.region_name,
  title: a.title,
  body: a.body,
  url: a.url,
  status: a.status,
  reviewDate: a.review_date,
  isDemo: a.is_demo,
  version: a.version,
});
export type LocalAdditionAudit = ReturnType<typeof localAdditionAudit>;

export function presentLocalAddition(a: additions.LocalAdditionRow, mayEdit: boolean) {
  return {
    ...localAdditionAudit(a),
    mayEdit,
    allowedActions: localAdditionActions(a.status, mayEdit),
    updatedAt: a.updated_at.toISOString(),
  };
}
