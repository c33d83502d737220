import type { TransitionPayload } from '../../platform/audit/record.js';
import type { AnswerStatus } from './rules/answer-lifecycle.js';
import type { JointStatus } from './rules/joint-lifecycle.js';
import type { MilestoneKind } from './rules/milestones.js';
import type { RoundStatus } from './rules/round-lifecycle.js';
import type { SurveyStatus } from './rules/survey-lifecycle.js';

/**
 * The consultation module's audit kinds and their payloads (regions' answers, their drafts,
 * surveys and settings, joint answers, and the national rounds with their documents).
 * Recording one with another payload does not compile; request bodies are never written whole.
 */
interface SettingsAudit {
  region: string;
  surveyClosesDays: number;
  draftReadyDays: number;
  beredningDays: number;
  decisionDays: number;
  beredningGroupId: string | null;
  decisionGroupId: string | null;
  version: number;
}

interface RoundCoreAudit {
  supportVersionId: string;
  track: string;
  opensOn: string;
  closesOn: string;
  status: RoundStatus;
  title: string;
  sender: string;
  proposedTrack: string;
  proposedOpensOn: string;
  proposedClosesOn: string;
  trackOverridden: boolean;
  datesOverridden: boolean;
  overrideReason: string | null;
  cancelReason: string | null;
}

interface RoundWindowAudit {
  track: string;
  opensOn: string;
  closesOn: string;
}

interface RoundDocumentAudit {
  id: string;
  roundId: string;
  kind: string;
  title: string;
  url: string | null;
  fileName: string | null;
  mediaType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
}

interface StepAudit {
  step: string;
  dueOn: string | null;
  doneOn: string | null;
  note: string | null;
  version: number;
}

interface MailboxAudit {
  region: string;
  address: string;
  contacts: { name: string; email: string }[];
  version: number;
}

declare module '../../platform/audit/record.js' {
  interface AuditPayloads {
    'consultation-answer.register': {
      after: { roundId: string; region: string; caseNumber: string; milestones: { kind: MilestoneKind; dueOn: string }[] };
    };
    'consultation-answer.route': TransitionPayload<AnswerStatus>;
    'consultation-answer.transition': TransitionPayload<AnswerStatus>;
    'consultation-answer.supersede': TransitionPayload<AnswerStatus>;
    'consultation-answer.set-diarienummer': {
      before: { diarienummer: string | null; version: number };
      after: { diarienummer: string | null; version: number };
    };
    'consultation-answer.draft-ready': { after: { draftReady: true } };
    'consultation-answer.warn-late': { after: { milestone: MilestoneKind; dueOn: string; emails: number } };
    'consultation-answer-section.create': { after: { answerId: string; heading: string } };
    'consultation-answer-section.update': {
      before: { heading: string; body: string };
      after: { heading: string; body: string };
    };
    'consultation-answer-comment.create': { after: { answerId: string; sectionId: string; body: string } };
    'consultation-answer-comment.respond': { before: { response: string | null }; after: { response: string | null } };
    'consultation-survey.send': {
      after: { answerId: string; questions: number; recipients: { unit: string; email: string | null }[] };
    };
    'consultation-survey.add-recipient': { after: { recipients: string[] } };
    'consultation-survey.reissue-links': { after: { recipients: string[]; reminder: boolean } };
    'consultation-survey.close': TransitionPayload<SurveyStatus>;
    'consultation-survey.respond': { after: { recipientId: string; unit: string; answered: number } };
    'consultation-settings.update': { before: SettingsAudit | null; after: SettingsAudit };
    'consultation-joint-answer.create': {
      after: { roundId: string; healthcareRegionId: string; coordinatingGroupId: string; approvingGroupId: string };
    };
    'consultation-joint-answer.update-section': {
      before: { sectionId: string; body: string };
      after: { sectionId: string; body: string };
    };
    'consultation-joint-answer.approve': TransitionPayload<JointStatus>;
    'consultation-joint-answer.send': TransitionPayload<JointStatus>;
    'consultation-round.create': {
      after: RoundCoreAudit & { recipients: { type: string; id: string }[]; proposalBecause: string[] };
    };
    'consultation-round.update': { before: RoundCoreAudit; after: RoundCoreAudit };
    'consultation-round.override': { before: RoundWindowAudit; after: RoundWindowAudit & { reason: string | null } };
    'consultation-round.cancel': TransitionPayload<RoundStatus>;
    'consultation-round.set-step': { before: StepAudit | null; after: StepAudit };
    'consultation-invitation.create': {
      after: { roundId: string; organisation: string; organisationKind: string; contactEmail: string };
    };
    'consultation-invitation.answer': { after: { roundId: string; organisation: string; chars: number; changed: boolean } };
    'consultation-mailbox.update': { before: MailboxAudit | null; after: MailboxAudit };
    'consultation-forwarding.create': {
      after: {
        roundId: string;
        region: string;
        forwardedByEmail: string;
        forwardedTo: string;
        forwardedOn: string;
        note: string | null;
      };
    };
    'consultation-round-document.add': { after: RoundDocumentAudit };
    'consultation-round-document.remove': { before: RoundDocumentAudit };
    'consultation-round-document.download': { before?: undefined; after?: undefined };
  }
}

export {};
