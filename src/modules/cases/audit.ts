import type { TransitionPayload } from '../../platform/audit/record.js';
import type { presentAction, presentCaseFlow, presentDocument } from './presenter.js';
import type { ClassificationRow } from './classification-repository.js';
import type { ActionItemStatus, CaseStatus } from './rules/lifecycle.js';

/**
 * The case module's audit kinds and what each records (declaration merging into the platform's
 * AuditPayloads): recording a case, action item or document event with another payload does not
 * compile. The values are picked from the rows through the presenters, never a request body.
 */
export type CaseAudit = ReturnType<typeof presentCaseFlow>;
export type CaseActionAudit = ReturnType<typeof presentAction>;
export type CaseDocumentAudit = ReturnType<typeof presentDocument>;

interface LinkAudit {
  linkId: string;
  targetType: string;
  targetId: string;
}

declare module '../../platform/audit/record.js' {
  interface AuditPayloads {
    'case.register': { after: CaseAudit };
    'case.update': { before: CaseAudit; after: CaseAudit };
    'case.assign': { before: CaseAudit; after: CaseAudit };
    'case.triage': { before: CaseAudit; after: CaseAudit };
    'case.bundle': { before: CaseAudit; after: CaseAudit };
    'case.transition': TransitionPayload<CaseStatus>;
    'case.escalate': {
      before: { forumGroupId: string | null; version: number };
      after: { forumGroupId: string; fromForum: string | null; toForum: string; reason: string; version: number };
    };
    'case.link': { after: LinkAudit & { note: string | null } };
    'case.unlink': { before: LinkAudit };
    'case-action.create': { after: CaseActionAudit };
    'case-action.complete': TransitionPayload<ActionItemStatus>;
    'case-action.reopen': TransitionPayload<ActionItemStatus>;
    'case-action.remind': { after: { dueDate: string; emails: number } };
    'case-document.upload': { after: CaseDocumentAudit };
    'case-document.download': { after: { caseId: string } };
    'case-classification.create': { after: ClassificationRow };
    'case-classification.update': { before: ClassificationRow; after: ClassificationRow };
  }
}

export {};
