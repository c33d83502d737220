/** Types and small helpers shared by the case pages. */
import { call, client, type ApiResponse, type Schema } from '../client';
import type { paths } from '../generated/api';
import type { I18n } from '../i18n';

export const CASES_PATH = '/arenden-och-beslut';
export const caseHref = (id: string) => `${CASES_PATH}/arenden/${encodeURIComponent(id)}`;
export const MINE_PATH = `${CASES_PATH}/mina`;
export const TRIAGE_PATH = `${CASES_PATH}/beredning`;
export const DIARY_PATH = `${CASES_PATH}/diarium`;
export const CLASSIFICATION_PATH = `${CASES_PATH}/klassificeringsstruktur`;

/** The contract's shapes, as the generated client has them (never typed here by hand). */
export type CaseDetail = Schema<'CaseDetail'>;
export type CaseAction = Schema<'CaseAction'>;
export type CaseDocument = Schema<'CaseDocument'>;
export type CaseLink = ApiResponse<'/cases/{id}/links'>['items'][number];
export type CaseTransition = ApiResponse<'/cases/{id}/transitions'>['items'][number];
export type CaseOptions = ApiResponse<'/cases/options'>;
/** A lifecycle action the server offers (CaseDetail.allowedActions). */
export type CaseLifecycleAction = CaseDetail['allowedActions'][number];

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

/** A document's bytes, as a plain download link (the browser saves it; no JSON). */
export const documentHref = (id: string) => `/api/v1/case-documents/${encodeURIComponent(id)}/content`;

/**
 * Uploads a file as the request body, with its name and SHA-256 so the server can check that it
 * arrived intact (the contract has no JSON body here: the bytes go as they are).
 */
/** A document's place in the diarium, sent with the upload (the query string; the body is the file). */
export type DocumentRegistration = Omit<
  NonNullable<paths['/cases/{id}/documents']['post']['parameters']['query']>,
  'fileName' | 'sha256'
>;

export async function uploadCaseDocument(
  caseId: string,
  file: File,
  registration: DocumentRegistration = {},
): Promise<CaseDocument> {
  const body = await file.arrayBuffer();
  return call(
    client.POST('/cases/{id}/documents', {
      params: { path: { id: caseId }, query: { ...registration, fileName: file.name } },
      body: body as never,
      bodySerializer: (b: unknown) => b as BodyInit,
      headers: { 'Content-Type': 'application/octet-stream', 'X-Checksum-Sha256': await sha256Hex(body) },
    }),
  );
}
