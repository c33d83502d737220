/**
 * The knowledge module's audit kinds and their payloads (typed audit, src/platform/audit/record.ts):
 * recording one of these kinds with another payload does not compile. Lifecycle moves are
 * recorded by runTransition. Consultation rounds declare theirs with the rounds.
 */
import type { TransitionPayload } from '../../platform/audit/record.js';
import type { LocalAdditionAudit, RecommendationAudit, SupportAudit, VersionAudit } from './presenter.js';
import type { LifecycleState } from './rules/lifecycle.js';

/** What an applied catalogue import changed: its counts and every row that was not unchanged. */
export interface CatalogueDiff {
  fileName: string;
  full: boolean;
  counts: Record<'new' | 'updated' | 'unchanged' | 'withdrawn' | 'error', number>;
  rows: {
    row: number | null;
    identifier: string;
    outcome: string;
    message: string;
    changes: string[];
    supportId: string | null;
  }[];
}

declare module '../../platform/audit/record.js' {
  interface AuditPayloads {
    'knowledge-support.create': { after: SupportAudit };
    'knowledge-support.update': { before: SupportAudit; after: SupportAudit };
    'knowledge-support.transition': TransitionPayload<LifecycleState>;
    'knowledge-support.remind': { after: { kind: string; date: string; thresholdDays: number; emails: number } };
    'knowledge-support-version.create': { after: VersionAudit };
    'knowledge-support-version.update': { before: VersionAudit; after: VersionAudit };
    'knowledge-support-version.transition': TransitionPayload<LifecycleState>;
    'knowledge-recommendation.create': { after: RecommendationAudit };
    'knowledge-recommendation.update': { before: RecommendationAudit; after: RecommendationAudit };
    'knowledge-recommendation.delete': { before: RecommendationAudit };
    'knowledge-local-addition.create': { after: LocalAdditionAudit };
    'knowledge-local-addition.update': { before: LocalAdditionAudit; after: LocalAdditionAudit };
    'knowledge-catalogue.import': { after: CatalogueDiff };
    'knowledge-catalogue.sync': { after: CatalogueDiff & { url: string } };
  }
}

export {};
