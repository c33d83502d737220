import { DECIDED } from './rules/lifecycle.js';
import {
  DETAIL_JOINED,
  type ActionRow,
  type CaseFlowRow,
  type DocumentMetaRow,
  type LinkRow,
  type TransitionRow,
} from './repository.js';
import { CaseDetail } from './schemas.js';

/** The case page's fields that come from the caller's permissions (policy.ts permissionsOn), not from the row. */
const PERMISSION_FIELDS = {
  allowedActions: true,
  allowedTransitions: true,
  locked: true,
  canHandle: true,
  canTriage: true,
  canEscalate: true,
  canChangeSecrecy: true,
  canArchive: true,
} as const;

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

/**
 * The case's own fields, the ones the audit trail records: the response schema's fields less the
 * names the detail joins in and the caller's permissions. A field added to the schema (and the
 * table) is recorded too.
 */
const FLOW_FIELDS = Object.keys(CaseDetail.properties).filter(
  (k) => !(k in PERMISSION_FIELDS) && !(DETAIL_JOINED as readonly string[]).includes(k),
) as (keyof CaseFlowRow)[];

/** The case's own fields (the row carries more columns; the response schema decides what is written). */
export const presentCaseFlow = (c: CaseFlowRow): CaseFlowRow =>
  Object.fromEntries(FLOW_FIELDS.filter((k) => k in c).map((k) => [k, c[k]])) as CaseFlowRow;

/** A case in the lists: whether it is decided (or beyond), so a main case can be chosen among the undecided. */
export const presentCaseItem = (c: CaseFlowRow) => ({ ...c, decided: DECIDED.includes(c.status) });

export const presentAction = (a: ActionRow, showSecret: boolean): ActionRow =>
  showSecret ? a : { ...a, title: SECRET_MASK.actionTitle };

export const presentTransition = (t: TransitionRow, showSecret: boolean): TransitionRow =>
  showSecret || t.reason === null ? t : { ...t, reason: SECRET_MASK.reason };

export const presentLink = (l: LinkRow, showSecret: boolean) => ({
  ...l,
  targetSubject: l.targetSecret && !showSecret ? null : l.targetSubject,
});

/** A secret case's document: its name and checksum (which would confirm a guessed file) hidden when they may not be shown. */
export const presentDocument = (d: DocumentMetaRow, showSecret: boolean) =>
  showSecret ? d : { ...d, fileName: SECRET_MASK.fileName, sha256: null };
