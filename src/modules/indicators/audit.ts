/** The audit kinds of goals, indicators, value imports and comments, and their payloads (see platform/audit/record.ts). */
import type { GoalRecord } from './repository.js';
import type { presentIndicator } from './presenter.js';

type IndicatorAudit = ReturnType<typeof presentIndicator>;

declare module '../../platform/audit/record.js' {
  interface AuditPayloads {
    'followup-goal.create': { after: GoalRecord };
    'followup-goal.update': { before: GoalRecord; after: GoalRecord };
    'followup-goal.delete': { before: GoalRecord };
    'indicator.create': { after: IndicatorAudit };
    'indicator.update': { before: IndicatorAudit; after: IndicatorAudit };
    'indicator-import.import': {
      after: {
        indicatorId: string;
        fileName: string;
        mode: 'all-or-nothing' | 'valid-only';
        rows: number;
        skipped: number;
        periods: string[];
        areas: string[];
      };
    };
    'indicator-import.kolada': { after: { indicatorId: string; kpiId: string; years: number[]; areas: string[] } };
    'indicator-import.quality-indicators': { after: { indicatorId: string; measureId: string; measureIds: string[] } };
    'followup-comment.set': { after: { indicatorId: string; period: string; text: string } };
  }
}
export {};
