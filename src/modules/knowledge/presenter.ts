import { pickFields } from '../../platform/db/rows.js';
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
  /** Writes the national catalogue. */
  write: boolean;
  createRound: boolean;
  /** The regions and healthcare regions whose own supports the caller writes (regional authoring). */
  owners: readonly string[];
}

/** Whether the caller writes this support: national ones by national roles, a region's own by its samordnare. */
export function writesSupport(s: Pick<repo.SupportRow, 'owner'>, caller: Caller): boolean {
  return s.owner === 'national' ? caller.write : caller.write || caller.owners.includes(s.owner);
}

export type SupportAction = LifecycleAction | 'edit' | 'createVersion';
export type VersionAction = LifecycleAction | 'editConsequences' | 'createRound';

/** The support's lifecycle actions, and editing it and adding a version while it is not final. */
export function supportActions(s: Pick<repo.SupportRow, 'status' | 'owner'>, caller: Caller): SupportAction[] {
  const writes = writesSupport(s, caller);
  const moves: SupportAction[] = allowedActions(supportLifecycle, s.status, {}, () => writes);
  return writes && !isFinal(s.status) ? [...moves, 'edit', 'createVersion'] : moves;
}

/** The version's lifecycle actions, editing its consequence description, and registering a round for it. */
export function versionActions(v: Pick<repo.VersionRow, 'status'>, caller: Caller): VersionAction[] {
  const out: VersionAction[] = allowedActions(versionLifecycle, v.status, {}, () => caller.write);
  if (caller.write && consequencesEditable(v.status)) out.push('editConsequences');
  if (caller.createRound && VERSION_ROUND_STATUSES.includes(v.status)) out.push('createRound');
  return out;
}

/** What the audit trail keeps of a support. */
const SUPPORT_AUDIT = [
  'id',
  'type',
  'title',
  'status',
  'owner',
  'catalogueId',
  'producerKind',
  'producerGroupId',
  'producerGroupName',
  'producerName',
  'sender',
  'url',
  'summary',
  'targetGroups',
  'programAreaIds',
  'nextRevisionDate',
  'validFrom',
  'validUntil',
  'replacedBySupportId',
  'statusReason',
  'isDemo',
  'version',
] as const;
export const supportCore = (s: repo.SupportRow) => pickFields(s, SUPPORT_AUDIT);
export type SupportAudit = ReturnType<typeof supportCore>;

/** A support with its labels and the caller's actions (the row's sort key is not in the schema, so not written). */
export function presentSupport(s: repo.SupportRow, caller: Caller) {
  return {
    ...s,
    typeLabel: SUPPORT_TYPE_LABELS[s.type as SupportType] ?? s.type,
    statusLabel: LIFECYCLE_LABELS[s.status],
    allowedTransitions: [...allowedTransitions(s.status)],
    allowedActions: supportActions(s, caller),
  };
}

export function presentConsequences(rows: repo.ConsequenceRow[]) {
  return CONSEQUENCE_DIMENSIONS.map((d) => {
    const r = rows.find((x) => x.dimension === d);
    return { dimension: d, significance: r?.significance ?? 'none', text: r?.text ?? null, described: Boolean(r) };
  });
}

const VERSION_AUDIT = [
  'id',
  'supportId',
  'label',
  'status',
  'changeSummary',
  'url',
  'decidedOn',
  'publishedOn',
  'validFrom',
  'validUntil',
  'version',
] as const;

/** What the audit trail keeps of a version (with its consequence description and proposed track). */
export function versionAudit(v: repo.VersionRow, consequences: repo.ConsequenceRow[]) {
  const mine = consequences.filter((c) => c.supportVersionId === v.id);
  const proposal = proposeTrack(mine);
  return {
    ...pickFields(v, VERSION_AUDIT),
    consequences: presentConsequences(mine),
    proposedTrack: proposal.track,
    proposedTrackBecause: proposal.because,
  };
}
export type VersionAudit = ReturnType<typeof versionAudit>;

export function presentVersion(v: repo.VersionRow, consequences: repo.ConsequenceRow[], caller: Caller) {
  return {
    ...v,
    ...versionAudit(v, consequences),
    statusLabel: LIFECYCLE_LABELS[v.status],
    allowedTransitions: [...allowedTransitions(v.status)],
    allowedActions: versionActions(v, caller),
  };
}

const RECOMMENDATION_AUDIT = [
  'id',
  'supportId',
  'code',
  'condition',
  'measure',
  'grade',
  'priority',
  'comment',
  'version',
] as const;

/** A recommendation as the API and the audit trail show it (the row's timestamps left out). */
export const presentRecommendation = (r: recs.RecommendationRow) => pickFields(r, RECOMMENDATION_AUDIT);
export type RecommendationAudit = ReturnType<typeof presentRecommendation>;

const LOCAL_ADDITION_AUDIT = [
  'id',
  'supportId',
  'kind',
  'ownerGroupId',
  'ownerGroupName',
  'regionCode',
  'regionName',
  'title',
  'body',
  'url',
  'status',
  'reviewDate',
  'isDemo',
  'version',
] as const;

/** What the audit trail keeps of a local addition. */
export const localAdditionAudit = (a: additions.LocalAdditionRow) => pickFields(a, LOCAL_ADDITION_AUDIT);
export type LocalAdditionAudit = ReturnType<typeof localAdditionAudit>;

export function presentLocalAddition(a: additions.LocalAdditionRow, mayEdit: boolean) {
  return { ...a, mayEdit, allowedActions: localAdditionActions(a.status, mayEdit) };
}
