import type { TransitionPayload } from '../../platform/audit/record.js';
import type { presentNomination } from './presenter.js';
import type { RuleRecord } from './repository.js';
import type { NominationStatus } from './rules/nomination.js';

export type NominationAudit = ReturnType<typeof presentNomination>;
export type RuleAudit = RuleRecord;

declare module '../../platform/audit/record.js' {
  interface AuditPayloads {
    'nomination.create': { after: NominationAudit };
    'nomination.approve': TransitionPayload<NominationStatus>;
    'nomination.refuse': TransitionPayload<NominationStatus>;
    'nomination.withdraw': TransitionPayload<NominationStatus>;
    'composition-rule.create': { after: RuleAudit };
    'composition-rule.update': { before: RuleAudit; after: RuleAudit };
    'composition-rule.delete': { before: RuleAudit };
  }
}

export {};
