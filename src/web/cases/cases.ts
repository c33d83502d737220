/** Types and small helpers shared by the case pages. */
import { api, ApiError } from '../api';
import type { I18n } from '../i18n';

export const CASES_PATH = '/arenden-och-beslut';
export const caseHref = (id: string) => `${CASES_PATH}/arenden/${encodeURIComponent(id)}`;
export const MINE_PATH = `${CASES_PATH}/mina`;
export const TRIAGE_PATH = `${CASES_PATH}/beredning`;
export const DIARY_PATH = `${CASES_PATH}/diarium`;

export type CaseStatus =
  | 'registrerad'
  | 'under-beredning'
  | 'for-beslut'
  | 'beslutad'
  | 'under-genomforande'
  | 'avslutad'
  | 'aterremitterad'
  | 'bordlagd';

export interface CaseDetail {
  id: string;
  region: string;
  caseNumber: string;
  year: number;
  sequence: number;
  subject: string;
  origin: string;
  sender: string;
  receivedDate: string;
  status: CaseStatus;
  registeredAt: string;
  version: number;
  assignedGroupId: string | null;
  assignedGroupName: string | null;
  handlerPersonId: string | null;
  handlerName: string | null;
  dueDate: string | null;
  forumGroupId: string | null;
  forumName: string | null;
  decisionPath: string | null;
  triageNote: string | null;
  mainCaseId: string | null;
  mainCaseNumber: string | null;
  decisionRef: string | null;
  secret: boolean;
  secrecyGround: string | null;
  closedAt: string | null;
  openActions: number;
  allowedTransitions: CaseStatus[];
  canHandle: boolean;
  canTriage: boolean;
  canEscalate: boolean;
  /** The server's answer to "may I change the secrecy marking?" (never derived from roles here). */
  canChangeSecrecy: boolean;
}

export interface CaseAction {
  id: string;
  caseId: string;
  title: string;
  ownerPersonId: string | null;
  ownerName: string | null;
  dueDate: string | null;
  status: 'open' | 'done';
  doneAt: string | null;
  source: { meetingId: string; paragraphId: string } | null;
  version: number;
}

export interface CaseDocument {
  id: string;
  caseId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  /** null in a secret case for those who may not read its documents. */
  sha256: string | null;
  uploadedBy: string;
  uploadedAt: string;
}

export interface CaseLink {
  id: string;
  targetType: 'case' | 'knowledge-support' | 'consultation';
  targetId: string;
  relation: string;
  note: string | null;
  targetCaseNumber: string | null;
  targetSubject: string | null;
}

export interface CaseTransition {
  id: string;
  from: string;
  to: string;
  kind: 'transition' | 'escalation' | 'bundle';
  reason: string | null;
  forumName: string | null;
  decisionRef: string | null;
  actor: string;
  at: string;
}

export interface CaseOptions {
  forums: { id: string; name: string; kind: string }[];
  groups: { id: string; name: string; kind: string }[];
  persons: { id: string; name: string }[];
}

export const statusLabel = (i18n: I18n, s: string) => i18n.tMaybe(`cases.status.${s}`) ?? s;
export const originLabel = (i18n: I18n, o: string) => i18n.tMaybe(`case.origin.${o}`) ?? o;

export const STATUS_BADGE: Record<string, string> = {
  registrerad: 'badge-partial',
  'under-beredning': 'badge-partial',
  'for-beslut': 'badge-weak',
  beslutad: 'badge-ok',
  'under-genomforande': 'badge-ok',
  avslutad: 'badge-old',
  aterremitterad: 'badge-weak',
  bordlagd: 'badge-weak',
};

export function formatBytes(n: number, i18n: I18n): string {
  if (n < 1024) return `${i18n.formatNumber(n)} B`;
  if (n < 1024 * 1024) return `${i18n.formatNumber(Math.round(n / 102.4) / 10)} kB`;
  return `${i18n.formatNumber(Math.round(n / (1024 * 104.8576)) / 10)} MB`;
}

async function sha256Hex(data: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Uploads a file as the request body, with its name and SHA-256 so the server can check that it
 * arrived intact. Raw fetch: the shared client speaks JSON only.
 */
export async function uploadCaseDocument(caseId: string, file: File): Promise<CaseDocument> {
  const me = await api.get<{ csrfToken: string }>('/api/v1/me');
  const body = await file.arrayBuffer();
  const res = await fetch(`/api/v1/cases/${encodeURIComponent(caseId)}/documents?fileName=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/octet-stream',
      'X-CSRF-Token': me.csrfToken,
      'X-Checksum-Sha256': await sha256Hex(body),
    },
    body,
  });
  if (!res.ok) {
    let problem: { title?: string; detail?: string; errors?: { path: string; message: string }[] } = {};
    try {
      problem = (await res.json()) as typeof problem;
    } catch {
      // not JSON: keep the status
    }
    throw new ApiError({
      status: res.status,
      title: problem.title ?? res.statusText,
      ...(problem.detail ? { detail: problem.detail } : {}),
      ...(problem.errors ? { errors: problem.errors } : {}),
    });
  }
  return (await res.json()) as CaseDocument;
}
