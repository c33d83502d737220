import { DECIDED, type CaseStatus } from './rules/lifecycle.js';
import type { ActionRow, CaseDetailRow, CaseFlowRow, CaseRow, DocumentMetaRow, LinkRow, TransitionRow } from './repository.js';

/**
 * What a secret-marked case shows in place of its particulars to those who may not read secret
 * material in its region (canReadSecret): the presenters below take `showSecret`, false for such
 * a caller on a secret case, and the routes decide it once per case. Audit records keep the
 * real values (the history masks them by the same rule).
 */
export const SECRET_MASK = {
  subject: 'Sekretessmarkerat ärende',
  sender: 'Sekretess',
  fileName: 'Sekretessmarkerad handling',
  actionTitle: 'Sekretessmarkerad åtgärdspunkt',
  reason: 'Sekretessmarkerat',
} as const;

/** A case row with its subject and sender masked when they may not be shown. */
export const maskCase = <T extends { subject: string; sender: string }>(row: T, showSecret: boolean): T =>
  showSecret ? row : { ...row, subject: SECRET_MASK.subject, sender: SECRET_MASK.sender };

export const presentCase = (c: CaseRow) => ({
  id: c.id,
  region: c.region_code,
  caseNumber: c.case_number,
  year: c.year,
  sequence: c.sequence,
  subject: c.subject,
  origin: c.origin,
  sender: c.sender,
  receivedDate: c.received_date,
  status: c.status,
  registeredAt: c.registered_at.toISOString(),
  version: c.version,
});

/** A case in the lists: whether it is decided (or beyond), so a main case can be chosen among the undecided. */
export const presentCaseItem = (c: CaseRow) => ({ ...presentCase(c), decided: DECIDED.includes(c.status as CaseStatus) });

/** The case with its flow fields (assignment, triage, secrecy). */
export const presentCaseFlow = (c: CaseFlowRow) => ({
  ...presentCase(c),
  assignedGroupId: c.assigned_group_id,
  handlerPersonId: c.handler_person_id,
  dueDate: c.due_date,
  forumGroupId: c.forum_group_id,
  decisionPath: c.decision_path,
  triageNote: c.triage_note,
  mainCaseId: c.main_case_id,
  decisionRef: c.decision_ref,
  secret: c.secret,
  secrecyGround: c.secrecy_ground,
  closedAt: c.closed_at ? c.closed_at.toISOString() : null,
});

export const presentCaseDetail = (c: CaseDetailRow) => ({
  ...presentCaseFlow(c),
  assignedGroupName: c.assigned_group_name,
  handlerName: c.handler_name,
  forumName: c.forum_name,
  mainCaseNumber: c.main_case_number,
  openActions: c.open_actions,
});

export const presentAction = (a: ActionRow, showSecret: boolean) => ({
  id: a.id,
  caseId: a.case_id,
  title: showSecret ? a.title : SECRET_MASK.actionTitle,
  ownerPersonId: a.owner_person_id,
  ownerName: a.owner_person_name ?? a.owner_name,
  dueDate: a.due_date,
  status: a.status,
  doneAt: a.done_at ? a.done_at.toISOString() : null,
  source:
    a.source_meeting_id && a.source_paragraph_id ? { meetingId: a.source_meeting_id, paragraphId: a.source_paragraph_id } : null,
  version: a.version,
});

export const presentTransition = (t: TransitionRow, showSecret: boolean) => ({
  id: t.id,
  from: t.from_status,
  to: t.to_status,
  kind: t.kind,
  reason: showSecret || t.reason === null ? t.reason : SECRET_MASK.reason,
  forumGroupId: t.forum_group_id,
  forumName: t.forum_name,
  decisionRef: t.decision_ref,
  actor: t.actor_label,
  at: t.at.toISOString(),
});

export const presentLink = (l: LinkRow, showSecret: boolean) => ({
  id: l.id,
  targetType: l.target_type,
  targetId: l.target_id,
  relation: l.relation,
  note: l.note,
  targetCaseNumber: l.target_case_number,
  targetSubject: l.target_secret && !showSecret ? null : l.target_subject,
});

/** A secret case's document: its name and checksum (which would confirm a guessed file) hidden when they may not be shown. */
export const presentDocument = (d: DocumentMetaRow, showSecret: boolean) => ({
  id: d.id,
  caseId: d.case_id,
  fileName: showSecret ? d.file_name : SECRET_MASK.fileName,
  contentType: d.content_type,
  sizeBytes: d.size_bytes,
  sha256: showSecret ? d.sha256 : null,
  uploadedBy: d.uploaded_by_label,
  uploadedAt: d.uploaded_at.toISOString(),
});
