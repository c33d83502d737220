import type { CompensationPolicy } from './policy.js';
import type { AssignmentRow, ClaimRow, ParticipantRow, RateModelRow } from './repository.js';

export const ratesOf = (m: RateModelRow) => ({
  meetingFeeOre: m.meetingFeeOre,
  halfDayFeeOre: m.halfDayFeeOre,
  fullDayFeeOre: m.fullDayFeeOre,
  hourlyFeeOre: m.hourlyFeeOre,
  mileageOrePerKm: m.mileageOrePerKm,
  lossOfIncomeMaxOrePerDay: m.lossOfIncomeMaxOrePerDay,
});

export const presentRateModel = (m: RateModelRow, claimCount: number) => ({ ...m, claimCount });

export const presentParticipant = (p: ParticipantRow, manage: boolean) => ({ ...p, permissions: { manage } });

export const presentAssignment = (a: AssignmentRow) => a;

/** A claim with its amounts together and the caller's actions on it (from the lifecycle and the policy). */
export function presentClaim(c: ClaimRow, policy: CompensationPolicy) {
  const allowedActions = policy.claimActions(c);
  return {
    ...c,
    amounts: {
      feeOre: c.feeOre,
      mileageOre: c.mileageOre,
      travelCostsOre: c.travelCostsOre,
      lossOfIncomeOre: c.lossOfIncomeOre,
      totalOre: c.totalOre,
    },
    allowedActions,
    permissions: {
      approve: allowedActions.includes('approve'),
      resubmit: allowedActions.includes('resubmit'),
      withdraw: allowedActions.includes('withdraw'),
    },
  };
}
