import type { Actor } from '../../platform/context.js';
import type * as repo from './repository.js';
import { allowedTransitions, LIFECYCLE_LABELS } from './rules/lifecycle.js';
import { proposeTrack } from './rules/track.js';
import { CONSEQUENCE_DIMENSIONS, SUPPORT_TYPE_LABELS, type SupportType } from './rules/vocabulary.js';

export function presentSupport(s: repo.SupportRow) {
  return {
    id: s.id,
    type: s.type,
    typeLabel: SUPPORT_TYPE_LABELS[s.type as SupportType] ?? s.type,
    title: s.title,
    status: s.status,
    statusLabel: LIFECYCLE_LABELS[s.status],
    allowedTransitions: [...allowedTransitions(s.status)],
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
    createdAt: s.created_at.toISOString(),
    updatedAt: s.updated_at.toISOString(),
  };
}

/** What the audit trail keeps of a support. */
export const supportCore = (s: repo.SupportRow) => {
  const { allowedTransitions: _a, typeLabel: _t, statusLabel: _s, createdAt: _c, updatedAt: _u, ...rest } = presentSupport(s);
  return rest;
};

export function presentConsequences(rows: repo.ConsequenceRow[]) {
  return CONSEQUENCE_DIMENSIONS.map((d) => {
    const r = rows.find((x) => x.dimension === d);
    return { dimension: d, significance: r?.significance ?? 'none', text: r?.text ?? null, described: Boolean(r) };
  });
}

export function presentVersion(v: repo.VersionRow, consequences: repo.ConsequenceRow[]) {
  const mine = consequences.filter((c) => c.support_version_id === v.id);
  const proposal = proposeTrack(mine);
  return {
    id: v.id,
    supportId: v.support_id,
    label: v.label,
    status: v.status,
    statusLabel: LIFECYCLE_LABELS[v.status],
    allowedTransitions: [...allowedTransitions(v.status)],
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
    createdAt: v.created_at.toISOString(),
    updatedAt: v.updated_at.toISOString(),
  };
}

export function presentRecommendation(r: repo.RecommendationRow) {
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

export function presentLocalAddition(a: repo.LocalAdditionRow, actor: Actor | undefined, mayEdit: boolean) {
  void actor;
  return {
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
    mayEdit,
    version: a.version,
    updatedAt: a.updated_at.toISOString(),
  };
}
