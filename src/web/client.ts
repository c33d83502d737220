/**
 * The web client, generated from the OpenAPI document: openapi-fetch types every path, its
 * parameters, body and answer from src/web/generated/api.ts (written by `npm run openapi`),
 * and openapi-react-query turns them into TanStack Query hooks. Pages never type an API path's
 * answer by hand; they ask `$api.useQuery('get', '/cases/{id}', …)` or `call(client.POST(…))`.
 *
 * The middleware is the one place that talks HTTP conventions: the session cookie, the CSRF
 * token on writes, the language, the server's clock, the idle timer, and RFC 9457 problems
 * thrown as ApiError so every page shows `detail` and the field errors the same way.
 */
import { QueryClient } from '@tanstack/react-query';
import createFetchClient, { type Middleware } from 'openapi-fetch';
import createQueryHooks from 'openapi-react-query';
import { ApiError, apiLanguage, csrfHeader, noteAnswered, toApiError } from './api';
import type { components, paths } from './generated/api';

const conventions: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', apiLanguage());
    const csrf = csrfHeader(request.method);
    if (csrf) request.headers.set('X-CSRF-Token', csrf);
    return request;
  },
  async onResponse({ response, request }) {
    const path = new URL(request.url, 'http://navet.local').pathname;
    noteAnswered(path, response);
    if (!response.ok) throw await toApiError(response, path);
    return response;
  },
  onError({ error }) {
    if (error instanceof ApiError || (error instanceof DOMException && error.name === 'AbortError')) return error;
    return new ApiError({ status: 0, title: 'network' });
  },
};

/** Paths are relative to /api/v1 ('/cases/{id}'); /api/health, outside it, is read with api.get. */
export const client = createFetchClient<paths>({ baseUrl: '/api/v1', credentials: 'same-origin' });
client.use(conventions);

/** TanStack Query hooks typed by the contract: `$api.useQuery('get', path, init)`, `$api.useMutation(…)`. */
export const $api = createQueryHooks(client);

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
  },
});

/** The answer of a call made outside a hook (a handler, a loop); errors were thrown by the middleware. */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data } = await request;
  return data as T;
}

/** Refetch every query under a path prefix after a write (e.g. '/cases/{id}'). */
export function invalidate(pathPrefix: string): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (q) => typeof q.queryKey[1] === 'string' && q.queryKey[1].startsWith(pathPrefix),
  });
}

/** A named schema of the contract, e.g. `Schema<'Case'>`. */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Ok<R> = R extends { 200: { content: { 'application/json': infer B } } }
  ? B
  : R extends { 201: { content: { 'application/json': infer B } } }
    ? B
    : never;

/** What a path answers, e.g. `ApiResponse<'/cases/{id}'>` (GET) or `ApiResponse<P, 'post'>`. */
export type ApiResponse<P extends keyof paths, M extends Method = 'get'> = paths[P][M] extends { responses: infer R }
  ? Ok<R>
  : never;

/** What a path takes as its JSON body, e.g. `ApiBody<'/cases', 'post'>`. */
export type ApiBody<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
