/** The audit kinds of implementation statuses and their payloads (see platform/audit/record.ts). */
import type { TransitionPayload } from '../../platform/audit/record.js';
import type { StatusAudit } from './presenter.js';
import type { ImplementationState } from './rules/implementation.js';

declare module '../../platform/audit/record.js' {
  interface AuditPayloads {
    'implementation-status.create': { after: StatusAudit };
    /** A change of the fields only, or (through runTransition) a move to another status. */
    'implementation-status.update': { before: StatusAudit; after: StatusAudit } | TransitionPayload<ImplementationState>;
  }
}
export {};
