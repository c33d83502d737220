import type { TransitionPayload } from '../../platform/audit/record.js';
import type { presentMembership, presentPerson } from './presenter.js';
import type { DeclarationStatus } from './rules/membership.js';

export type PersonAudit = ReturnType<typeof presentPerson>;
export type MembershipAudit = ReturnType<typeof presentMembership>;

/** A reminder sent by the nightly job: the threshold, the date and how many were told. */
interface Reminder {
  thresholdDays: number;
  emails: number;
  inApp: number;
}

declare module '../../platform/audit/record.js' {
  interface AuditPayloads {
    'person.create': { after: PersonAudit };
    'person.update': { before: PersonAudit; after: PersonAudit };
    /** A confirmed CSV import: the counts and the persons it registered (each also has its person.create). */
    'person-import.import': {
      after: {
        fileName: string;
        homeOwner: string;
        rows: number;
        created: number;
        existing: number;
        errors: number;
        personIds: string[];
      };
    };
    /** Only the fact of submission: the ties themselves stay in the declaration. */
    'jav-declaration.submit': {
      after: { personId: string; status: DeclarationStatus; nothingToDeclare: boolean; interestCount: number };
    };
    'jav-declaration.review': TransitionPayload<DeclarationStatus>;
    'jav-declaration.remind': { after: Reminder & { validUntil: string } };
    'membership.create': {
      after: {
        groupId: string;
        personId: string;
        role: string;
        startDate: string;
        endDate: string | null;
        represents: string | null;
        careSector?: string | null;
        declarationId: string;
        nominationId?: string;
        overrideReason?: string | null;
        overriddenRules?: readonly unknown[];
      };
    };
    'membership.update': { before: MembershipAudit; after: MembershipAudit & { overriddenRules?: readonly unknown[] } };
    'membership.end': { before: { endDate: string | null }; after: { endDate: string | null; reason: string | null } };
    'membership.remind': { after: Reminder & { endDate: string } };
  }
}

export {};
