import { pickFields } from '../../platform/db/rows.js';
import { sourcesOf, type Sources } from '../reference/index.js';
import type { GroupPermissions } from './policy.js';
import type { AgreementRow, GroupRow } from './repository.js';
import { agreementState } from './rules/agreement.js';

/** The group's own fields, as audited. */
const GROUP_CORE = [
  'id',
  'kind',
  'level',
  'owner',
  'name',
  'shortName',
  'programAreaIds',
  'mirrorsGroupId',
  'parentGroupId',
  'parentRelation',
  'isSubGroup',
  'status',
  'mergedIntoGroupId',
  'contactEmail',
  'hostDescription',
  'startDate',
  'endDate',
  'closedReason',
  'setupParagraphId',
  'setupElsewhere',
  'hostConsultation',
  'version',
] as const;
export const presentGroupCore = (g: GroupRow) => pickFields(g, GROUP_CORE);

/** A group with the sources it names and the caller's permissions. */
export const presentGroup = (g: GroupRow, sources: Sources, may: GroupPermissions | undefined) => ({
  ...g,
  sources: sourcesOf(g.sourceIds, sources),
  isReference: g.referenceKey !== null,
  permissions: may?.permissions ?? { edit: false },
  allowedActions: may?.allowedActions ?? [],
});

const GROUP_SUMMARY = ['id', 'kind', 'level', 'owner', 'name', 'programAreaIds', 'status', 'parentRelation'] as const;
export const presentGroupSummary = (g: GroupRow) => pickFields(g, GROUP_SUMMARY);

/** An agreement with its groups by summary and its state on the product's day. */
export const presentAgreement = (a: AgreementRow, groups: ReadonlyMap<string, GroupRow>, today: string, warnDays: number) => {
  const summary = (id: string | null) => {
    const g = id ? groups.get(id) : undefined;
    return g ? presentGroupSummary(g) : null;
  };
  return {
    id: a.id,
    owner: a.owner,
    name: a.name,
    decidedBy: summary(a.decidedByGroupId),
    decidedOn: a.decidedOn,
    validUntil: a.validUntil,
    ...agreementState(a.validUntil, today, warnDays),
    programAreaIds: a.programAreaIds,
    groups: a.groupIds.map(summary).filter((g) => g !== null),
    sourceId: a.sourceId,
    quote: a.quote,
  };
};
