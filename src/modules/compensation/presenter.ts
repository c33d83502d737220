import type { CompensationPolicy } from './policy.js';
import type { AssignmentRow, ClaimRow, ParticipantRow, RateModelRow } from './repository.js';

export const ratesOf = (m: RateModelRow) => ({
  meetingFeeOre: m.meeting_fee_ore,
  halfDayFeeOre: m.half_day_fee_ore,
  fullDayFeeOre: m.full_day_fee_ore,
  hourlyFeeOre: m.hourly_fee_ore,
  mileageOrePerKm: m.mileage_ore_per_km,
});

export const presentRateModel = (m: RateModelRow, claimCount: number) => ({
  id: m.id,
  name: m.name,
  validFrom: m.valid_from,
  ...ratesOf(m),
  source: m.source,
  isExample: m.is_example,
  claimCount,
  version: m.version,
  updatedAt: m.updated_at.toISOString(),
});

export const presentParticipant = (p: ParticipantRow, manage: boolean) => ({
  id: p.id,
  personId: p.person_id,
  personName: p.person_name,
  groupId: p.group_id,
  groupName: p.group_name,
  recruitedOn: p.recruited_on,
  recruitedBy: p.recruited_by,
  introducedOn: p.introduced_on,
  introducedBy: p.introduced_by,
  notes: p.notes,
  permissions: { manage },
  version: p.version,
});

export const presentAssignment = (a: AssignmentRow) => ({
  id: a.id,
  participantId: a.participant_id,
  personId: a.person_id,
  personName: a.person_name,
  groupId: a.group_id,
  groupName: a.group_name,
  kind: a.kind,
  date: a.assignment_date,
  timeUnit: a.time_unit,
  minutes: a.minutes,
  description: a.description,
  claimId: a.claim_id,
});

/** A claim with the caller's actions on it (from the lifecycle and the policy). */
export function presentClaim(c: ClaimRow, policy: CompensationPolicy) {
  const allowedActions = policy.claimActions(c);
  return {
    id: c.id,
    assignmentId: c.assignment_id,
    personId: c.person_id,
    personName: c.person_name,
    groupId: c.group_id,
    groupName: c.group_name,
    status: c.status,
    date: c.assignment_date,
    kind: c.assignment_kind,
    timeUnit: c.time_unit,
    minutes: c.minutes,
    description: c.description,
    distanceKm: c.distance_km,
    note: c.note,
    rateModelId: c.rate_model_id,
    amounts: { feeOre: c.fee_ore, mileageOre: c.mileage_ore, travelCostsOre: c.travel_costs_ore, totalOre: c.total_ore },
    submittedAt: c.submitted_at.toISOString(),
    decidedAt: c.decided_at ? c.decided_at.toISOString() : null,
    decisionComment: c.decision_comment,
    allowedActions,
    permissions: {
      approve: allowedActions.includes('approve'),
      resubmit: allowedActions.includes('resubmit'),
      withdraw: allowedActions.includes('withdraw'),
    },
    version: c.version,
  };
}
