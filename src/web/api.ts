/**
 * The one place that talks HTTP to the Navet API. Same-origin cookies carry the session;
 * the CSRF token (from login or GET /me) goes along on every write. Errors come back as
 * RFC 9457 problem details and are turned into ApiError so pages can show `detail`.
 */

import { syncClock } from './clock';
import type { ApiResponse } from './client';
import type { components, paths } from './generated/api';

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];
  readonly type: string | undefined;

  constructor(init: { status: number; title: string; detail?: string; errors?: FieldError[]; type?: string }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.type = init.type;
  }
}

/** Any thrown error as an ApiError (the client throws ApiError; anything else is a network failure). */
export function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError({ status: 0, title: 'network' });
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

let csrfToken: string | null = null;
let language = 'sv';
const unauthorizedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(lang: string): void {
  language = lang;
}

/** Called when the server says the session is gone (401) on anything but login and /me. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

const activityListeners = new Set<() => void>();

/** Called after every answered request that counts as use of the session (for the idle-timeout warning). */
export function onApiActivity(listener: () => void): () => void {
  activityListeners.add(listener);
  return () => activityListeners.delete(listener);
}

/** Where the versioned API lives; the generated client's paths are relative to it. */
export const API_BASE = '/api/v1';

/**
 * Rows in an open data file the UI offers for download: the API's default page before it became
 * 1,000 rows, so a file stays as long as it was; the rest is behind the file's `Link: rel="next"`.
 */
export const OPEN_DATA_FILE_ROWS = 10_000;

/**
 * A link into the API for what the browser fetches itself (a file download, a redirect), by a
 * path of the contract: `apiHref('/people/{id}/register-extract', { path: { id } })`.
 */
export function apiHref<P extends keyof paths>(path: P, params: { path?: Record<string, string>; query?: Query } = {}): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params.path?.[k] ?? ''));
  return withQuery(`${API_BASE}${filled}`, params.query);
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

function isFieldErrorList(v: unknown): v is FieldError[] {
  return Array.isArray(v) && v.every((e) => typeof e === 'object' && e !== null && 'message' in e);
}

export async function toApiError(res: Response, path = ''): Promise<ApiError> {
  const contentType = res.headers.get('content-type') ?? '';
  let error = new ApiError({ status: res.status, title: res.statusText || `HTTP ${res.status}` });
  if (contentType.includes('json')) {
    try {
      const body = (await res.clone().json()) as Record<string, unknown>;
      error = new ApiError({
        status: Number.isInteger(body.status) ? Number(body.status) : res.status,
        title: typeof body.title === 'string' ? body.title : res.statusText,
        detail: typeof body.detail === 'string' ? body.detail : typeof body.message === 'string' ? body.message : undefined,
        errors: isFieldErrorList(body.errors) ? body.errors : [],
        type: typeof body.type === 'string' ? body.type : undefined,
      });
    } catch {
      // keep the generic error above
    }
  }
  if (res.status === 401 && !path.startsWith(`${API_BASE}/auth/login`) && path !== `${API_BASE}/me`) {
    for (const listener of unauthorizedListeners) listener();
  }
  return error;
}

export const apiLanguage = (): string => language;

/** The CSRF token a write carries (none on reads). */
export const csrfHeader = (method: string): string | null => (method !== 'GET' && method !== 'HEAD' ? csrfToken : null);

/** Every answered request: the server's clock, and use of the session for the idle timer. */
export function noteAnswered(path: string, res: Response): void {
  syncClock(res.headers.get('x-navet-clock'));
  if (path !== `${API_BASE}/auth/session`) for (const listener of activityListeners) listener();
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language, ...options.headers };
  const init: RequestInit = { method, credentials: 'same-origin', headers };
  if (options.signal) init.signal = options.signal;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const csrf = csrfHeader(method);
  if (csrf) headers['X-CSRF-Token'] = csrf;

  let res: Response;
  try {
    res = await fetch(withQuery(path, options.query), init);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({ status: 0, title: 'network' });
  }
  noteAnswered(path, res);
  if (!res.ok) throw await toApiError(res, path);
  if (res.status === 204 || res.headers.get('content-length') === '0') return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>('GET', path, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
    request<T>('POST', path, { body, ...(headers ? { headers } : {}) }),
  patch: <T>(path: string, body: unknown, headers?: Record<string, string>) =>
    request<T>('PATCH', path, { body, ...(headers ? { headers } : {}) }),
  put: <T>(path: string, body: unknown, headers?: Record<string, string>) =>
    request<T>('PUT', path, { body, ...(headers ? { headers } : {}) }),
  delete: <T = void>(path: string, headers?: Record<string, string>) => request<T>('DELETE', path, headers ? { headers } : {}),
};

/** Follows nextCursor until the list is complete. For reference lists of bounded size. */
export async function getAll<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page: Page<T> = await api.get<Page<T>>(path, { limit: 500, ...query, cursor }, signal);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items;
}

// ---- Shapes of the API (see docs/api-contract.md and the OpenAPI document) ----

/** The signed-in user and what they may do (GET /me). */
export type MeResponse = ApiResponse<'/me'>;
export type Me = MeResponse['user'];
export type RoleAssignment = Me['roles'][number];
/** Still imported by followup/access.ts (its engineer moves it onto MeResponse['permissions']). */
export interface Grant {
  permission: string;
  scopeType: string;
  scopeId: string;
}

export interface Health {
  status: string;
  database: string;
  version: string;
}

export interface HealthcareRegion {
  id: string;
  name: string;
  regionCodes: string[];
}

export interface Region {
  code: string;
  name: string;
  shortName: string;
  countyName: string;
  healthcareRegionIds: string[];
}

export interface Municipality {
  code: string;
  name: string;
  regionCode: string;
  healthcareRegionId: string | null;
}

export interface Source {
  id: string;
  description: string | null;
  url: string | null;
}

export interface ProgramArea {
  id: string;
  name: string;
  kind: string;
  hostHealthcareRegionId: string | null;
  hostOther: string | null;
  hostStatus: string;
  hostBasis: string | null;
  sources: Source[];
}

export type GroupStatus = 'active' | 'closed' | 'merged';
export type ParentRelation = 'reports-to' | 'prepares-for' | 'appointed-by' | 'part-of';

/** A group as the API answers it (generated from the contract). */
export type Group = components['schemas']['Group'];

export type GroupSummary = GroupDetail['children'][number];

export type GroupDetail = paths['/groups/{id}']['get']['responses'][200]['content']['application/json'];

export type MirrorState = 'mirrored' | 'unlinked' | 'covered' | 'missing';

export interface MirrorMatrix {
  columns: { owner: string; name: string }[];
  rows: { programAreaId: string; name: string; cells: { owner: string; state: MirrorState; groupIds: string[] }[] }[];
}

export interface Hosting {
  national: {
    programAreaId: string;
    name: string;
    hostHealthcareRegionId: string | null;
    hostOther: string | null;
    hostStatus: string;
  }[];
  local: { owner: string; hostDescription: string; groups: GroupSummary[] }[];
}

export function isSystemAdmin(user: Me | null | undefined): boolean {
  return !!user?.roles.some((r) => r.role === 'admin' && r.scopeType === 'system');
}

// ---- People, jäv declarations and memberships (src/modules/people/schemas.ts) ----

export interface Person {
  id: string;
  name: string;
  email: string | null;
  employer: string | null;
  employerType: string | null;
  profession: string | null;
  hsaId: string | null;
  homeOwner: string;
  isDemo: boolean;
  version: number;
  createdAt: string;
}

export type DeclarationStatus = 'submitted' | 'approved' | 'approved-with-restrictions' | 'returned';

export interface Interest {
  category: string;
  description: string;
  organisation?: string;
  from?: string;
  to?: string;
}

export interface Restriction {
  programAreaId?: string;
  knowledgeSupport?: string;
  note: string;
}

export type JavDeclaration = components['schemas']['JavDeclaration'];

export type Membership = components['schemas']['Membership'];

export type PersonDetail = paths['/people/{id}']['get']['responses'][200]['content']['application/json'];
