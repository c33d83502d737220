import { sourcesOf, type Sources } from '../reference/index.js';
import type { GroupPermissions } from './policy.js';
import type { GroupRow, MandateRow } from './repository.js';

/** The group's own fields, as audited and as the API shows them. */
export const presentGroupCore = (g: GroupRow) => ({
  id: g.id,
  kind: g.kind,
  level: g.level,
  owner: g.owner,
  name: g.name,
  shortName: g.short_name,
  programAreaIds: g.program_area_ids,
  mirrorsGroupId: g.mirrors_group_id,
  parentGroupId: g.parent_group_id,
  parentRelation: g.parent_relation,
  isSubGroup: g.is_sub_group,
  status: g.status,
  mergedIntoGroupId: g.merged_into_group_id,
  contactEmail: g.contact_email,
  hostDescription: g.host_description,
  startDate: g.start_date,
  endDate: g.end_date,
  closedReason: g.closed_reason,
  version: g.version,
});

export const presentGroup = (g: GroupRow, sources: Sources, may: GroupPermissions | undefined) => ({
  ...presentGroupCore(g),
  factStatus: g.fact_status,
  factBasis: g.fact_basis,
  sources: sourcesOf(g.source_ids, sources),
  sourceQuote: g.source_quote,
  isDemo: g.is_demo,
  historical: g.historical,
  isReference: g.reference_key !== null,
  permissions: may?.permissions ?? { edit: false },
  allowedActions: may?.allowedActions ?? [],
});

export const presentGroupSummary = (g: GroupRow) => ({
  id: g.id,
  kind: g.kind,
  level: g.level,
  owner: g.owner,
  name: g.name,
  programAreaIds: g.program_area_ids,
  status: g.status,
  parentRelation: g.parent_relation,
});

export const presentMandate = (m: MandateRow) => ({
  revision: m.revision,
  text: m.text_md,
  changedBy: m.changed_by,
  changedByLabel: m.changed_by_label,
  changedAt: m.changed_at.toISOString(),
});
