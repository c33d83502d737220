/**
 * The compensation module's audit kinds and their payloads. Amounts stay out of the general
 * audit trail: only the claim's own readers see them.
 */
import type { TransitionPayload } from '../../platform/audit/record.js';
import type { RateModelWrite } from './repository.js';
import type { ClaimStatus } from './rules/claim-state.js';
import type { TimeUnit } from './rules/amounts.js';

/** A rate model as audited: the fields an administrator sets. */
export type RateModelAudit = RateModelWrite;

export const rateModelAudit = (m: RateModelWrite): RateModelAudit => ({
  name: m.name,
  validFrom: m.validFrom,
  validTo: m.validTo,
  lossOfIncomeMaxOrePerDay: m.lossOfIncomeMaxOrePerDay,
  meetingFeeOre: m.meetingFeeOre,
  halfDayFeeOre: m.halfDayFeeOre,
  fullDayFeeOre: m.fullDayFeeOre,
  hourlyFeeOre: m.hourlyFeeOre,
  mileageOrePerKm: m.mileageOrePerKm,
  source: m.source,
});

declare module '../../platform/audit/record.js' {
  interface AuditPayloads {
    'compensation-rate-model.create': { after: RateModelAudit };
    'compensation-rate-model.update': { before: Omit<RateModelAudit, 'source'>; after: RateModelAudit };
    'compensation-participant.create': {
      after: { personId: string; groupId: string; recruitedOn: string; introducedOn: string | null };
    };
    'compensation-participant.update': {
      before: { recruitedOn: string; introducedOn: string | null };
      after: { recruitedOn: string; introducedOn: string | null };
    };
    'compensation-assignment.create': {
      after: { participantId: string; kind: 'meeting' | 'work'; date: string; timeUnit: TimeUnit; minutes: number | null };
    };
    'compensation-claim.submit': { after: { assignmentId: string; personId: string; groupId: string; status: ClaimStatus } };
    'compensation-claim.approve': TransitionPayload<ClaimStatus>;
    'compensation-claim.return': TransitionPayload<ClaimStatus>;
    'compensation-claim.resubmit': TransitionPayload<ClaimStatus>;
    'compensation-claim.withdraw': TransitionPayload<ClaimStatus>;
    'compensation-claim.export': {
      after: { format: 'csv' | 'xlsx'; year: number | null; groupId: string | null; claims: number };
    };
  }
}
