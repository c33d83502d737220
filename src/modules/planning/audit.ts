/** The audit kinds of plans and PDSA cycles and their payloads (see platform/audit/record.ts). */
import type { TransitionPayload } from '../../platform/audit/record.js';
import type { AnnualReportRow } from './annual-report-repository.js';
import type { ObligationAudit, OccurrenceAudit } from './obligation-repository.js';
import type { PlanAudit } from './plan-queries.js';
import type { ReportState } from './rules/annual-report.js';
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
    'annual-report.create': { after: AnnualReportRow };
    'annual-report.update': { before: AnnualReportRow; after: AnnualReportRow };
    'annual-report.submit': TransitionPayload<ReportState>;
    'annual-report.note': TransitionPayload<ReportState>;
    'obligation.create': { after: ObligationAudit };
    /** That an occurrence happened: the date, the meeting or a note. */
    'obligation.record': { before: OccurrenceAudit | null; after: OccurrenceAudit };
    /** The reminder before an occurrence's due date (the daily job). */
    'obligation.remind': { after: { year: number; ordinal: number; dueOn: string; recipients: number } };
  }
}
export {};
