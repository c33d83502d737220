import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { App } from './app.js';
import { addVary } from './content-coding.js';

/**
 * Public reads for intranets and 1177-style sites: a route opts in with
 * `config: { publicRead: true }` and then gets, from this one place,
 *
 * - CORS for anonymous callers from the configured origins (NAVET_CORS_ORIGINS), with a
 *   preflight answer; credentials are never allowed, and a signed-in answer gets no CORS headers;
 * - a strong ETag over the bytes of the answer (a route's own version tag `"3"` becomes
 *   `"3-<hash>"`, so If-Match still reads the version) and 304 on a matching If-None-Match;
 * - Last-Modified when the route gives one (`lastModified(reply, …dates)`) and 304 on
 *   If-Modified-Since when the client sent no If-None-Match (RFC 9110 §13.2.2).
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    publicRead?: boolean;
  }
}

const ALLOWED_REQUEST_HEADERS = 'Accept, Accept-Language, If-None-Match, If-Modified-Since';
const EXPOSED_HEADERS = 'ETag, Last-Modified, X-Request-Id';

/** Sets Last-Modified to the latest of the dates (whole seconds, as HTTP dates carry). */
export function lastModified(reply: FastifyReply, ...dates: (Date | null | undefined)[]): void {
  const times = dates.filter((d): d is Date => d instanceof Date && !Number.isNaN(d.getTime())).map((d) => d.getTime());
  if (times.length) void reply.header('last-modified', new Date(Math.max(...times)).toUTCString());
}

function allowedOrigin(req: FastifyRequest, origins: readonly string[]): string | undefined {
  const origin = req.headers.origin;
  if (typeof origin !== 'string' || origins.length === 0) return undefined;
  if (origins.includes('*')) return '*';
  return origins.includes(origin.toLowerCase()) ? origin : undefined;
}

function corsHeaders(req: FastifyRequest, reply: FastifyReply, origins: readonly string[]): void {
  if (origins.length === 0) return;
  // Caches keep one answer per origin (and never mix a signed-in answer with an anonymous one).
  addVary(reply, 'Origin');
  if (req.ctx?.actor || req.headers.authorization || req.headers.cookie) return;
  const allow = allowedOrigin(req, origins);
  if (!allow) return;
  void reply.header('access-control-allow-origin', allow);
  void reply.header('access-control-expose-headers', EXPOSED_HEADERS);
  // The page's fetch may read it; never with credentials (no Allow-Credentials, ever).
  void reply.header('cross-origin-resource-policy', 'cross-origin');
}

/** The entity tags of an If-None-Match header ('*' matches anything), compared weakly. */
/** If-None-Match against an entity tag (weak comparison, RFC 9110 §13.1.2): `*`, or one of its tags. */
export function matchesIfNoneMatch(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => bare(t) === bare(etag));
}

function notModified(req: FastifyRequest, etag: string, modified: string | undefined): boolean {
  const inm = req.headers['if-none-match'];
  if (typeof inm === 'string') return matchesIfNoneMatch(inm, etag);
  const ims = req.headers['if-modified-since'];
  if (typeof ims !== 'string' || !modified) return false;
  const since = Date.parse(ims);
  const last = Date.parse(modified);
  return !Number.isNaN(since) && !Number.isNaN(last) && last <= since;
}

/** The entity tag of an answer: its bytes' hash, after the route's version when it set one. */
export function entityTag(body: string | Buffer, routeTag: unknown): string {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
  const version = typeof routeTag === 'string' ? /^(?:W\/)?"(\d{1,9})"$/.exec(routeTag)?.[1] : undefined;
  return version ? `"${version}-${hash}"` : `"${hash}"`;
}

/** The onSend step of public reads: CORS headers, the ETag and 304. */
export function publicReadOnSend(origins: readonly string[]) {
  return async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (!req.routeOptions.config?.publicRead || (req.method !== 'GET' && req.method !== 'HEAD')) return payload;
    corsHeaders(req, reply, origins);
    if (reply.statusCode !== 200 || !(typeof payload === 'string' || Buffer.isBuffer(payload))) return payload;
    // A cached read (read-cache.ts) has tagged its bytes already, and answered 304 itself.
    const own = reply.getHeader('etag');
    const etag = typeof own === 'string' && own.startsWith('"c-') ? own : entityTag(payload, own);
    void reply.header('etag', etag);
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-cache');
    const modified = reply.getHeader('last-modified');
    if (notModified(req, etag, typeof modified === 'string' ? modified : undefined)) {
      void reply.code(304);
      reply.removeHeader('content-type');
      reply.removeHeader('content-length');
      return '';
    }
    return payload;
  };
}

/** Collects the public read routes as they are added (an onRoute hook). */
export function collectPublicRoutes(urls: Set<string>) {
  return (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.config?.publicRead && methods.includes('GET')) urls.add(route.url);
  };
}

/** Answers the browser's preflight for each public read route (GET and HEAD only, no credentials). */
export function registerPreflights(app: App, urls: Iterable<string>, origins: readonly string[]): void {
  for (const url of urls) {
    app.options(url, { schema: { hide: true } }, async (req, reply) => {
      const allow = allowedOrigin(req, origins);
      if (origins.length) addVary(reply, 'Origin');
      if (allow) {
        void reply.header('access-control-allow-origin', allow);
        void reply.header('access-control-allow-methods', 'GET, HEAD');
        void reply.header('access-control-allow-headers', ALLOWED_REQUEST_HEADERS);
        void reply.header('access-control-max-age', '600');
        void reply.header('cross-origin-resource-policy', 'cross-origin');
      }
      return reply.code(204).send();
    });
  }
}
