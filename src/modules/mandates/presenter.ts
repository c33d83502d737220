import type { NominationRow, RegisterRow, RuleRow } from './repository.js';
import type { NominationAction } from './rules/nomination.js';

export const presentNomination = (n: NominationRow, allowedActions: NominationAction[] = []) => ({
  id: n.id,
  groupId: n.group_id,
  groupName: n.group_name,
  personId: n.person_id,
  personName: n.person_name,
  nominatingOrganisation: n.nominating_org,
  nominatingOrganisationType: n.nominating_org_type,
  nominatedBy: n.nominated_by,
  motivation: n.motivation,
  role: n.proposed_role,
  startDate: n.proposed_start,
  endDate: n.proposed_end,
  represents: n.represents,
  status: n.status,
  decisionDate: n.decision_date,
  decisionReference: n.decision_reference,
  decisionReason: n.decision_reason,
  membershipId: n.membership_id,
  version: n.version,
  createdAt: n.created_at.toISOString(),
  allowedActions,
});

export const presentRule = (r: RuleRow) => ({
  id: r.id,
  groupKind: r.group_kind,
  groupLevel: r.group_level,
  groupOwner: r.group_owner,
  groupKey: r.group_key,
  programAreaIds: r.program_area_ids,
  ruleType: r.rule_type,
  roles: r.roles,
  minCount: r.min_count,
  maxCount: r.max_count,
  regionCounts: r.region_counts,
  years: r.years,
  regionOrder: r.region_order,
  anchorDate: r.anchor_date,
  description: r.description,
  sourceId: r.source_id,
  version: r.version,
});

/** Insyn: name, role, group, employer and period. Nothing else leaves through the public register. */
export const presentRegisterEntry = (r: RegisterRow) => ({
  name: r.person_name,
  role: r.role,
  groupId: r.group_id,
  groupName: r.group_name,
  employer: r.employer,
  startDate: r.start_date,
  endDate: r.end_date,
});
