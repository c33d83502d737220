/** The audit kinds of plans and PDSA cycles and their payloads (see platform/audit/record.ts). */
import type { TransitionPayload } from '../../platform/audit/record.js';
import type { PlanAudit } from './plan-queries.js';
import type { PdsaAudit } from './pdsa-presenter.js';
import type { PdsaPhase } from './rules/pdsa.js';
import type { PlanState } from './rules/plan.js';

declare module '../../platform/audit/record.js' {
  interface AuditPayloads {
    'operational-plan.create': { after: PlanAudit };
    'operational-plan.update': { before: PlanAudit; after: PlanAudit };
    'operational-plan.agree': TransitionPayload<PlanState>;
    'operational-plan.establish': TransitionPayload<PlanState>;
    'pdsa-cycle.create': { after: PdsaAudit };
    /** A change of the texts, or (through runTransition) a step to the next phase. */
    'pdsa-cycle.update': { before: PdsaAudit; after: PdsaAudit } | TransitionPayload<PdsaPhase>;
  }
}
export {};
