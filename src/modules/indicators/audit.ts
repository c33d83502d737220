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
    /** A file sent as the body has arrived whole and waits for the worker. */
    'indicator-import.upload': {
      after: {
        indicatorId: string;
        fileName: string;
        mode: 'all-or-nothing' | 'valid-only';
        dryRun: boolean;
        sizeBytes: number;
        encoding: 'utf-8' | 'windows-1252';
      };
    };
    /** Someone stopped an import: at once when it had not started, else at the worker's next batch. */
    'indicator-import.cancel': {
      before: { status: string };
      after: { status: string; indicatorId: string; fileName: string; startedBy: string | null };
    };
    'indicator-import.kolada': { after: { indicatorId: string; kpiId: string; years: number[]; areas: string[] } };
    'indicator-import.quality-indicators': { after: { indicatorId: string; measureId: string; measureIds: string[] } };
    'followup-comment.set': { after: { indicatorId: string; period: string; text: string } };
  }
}
export {};
