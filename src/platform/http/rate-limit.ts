import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { hitRateLimit } from '../auth/repository.js';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { tooManyRequests } from '../errors.js';
import { tallyHit } from './rate-tally.js';

/**
 * Rate limits shared by every app process (fixed windows in the `rate_limits` table).
 *
 * A route opts in with `config: { rateLimit: { bucket: 'export', max: 20, windowSeconds: 300 } }`
 * (or `rateLimit: 'export'` for a named default below), or out with `rateLimit: false`.
 * Without a decision of its own a route gets one by its shape, so new routes are born limited:
 * downloads (`.csv`, `.xlsx`, `.pdf`, `.docx`, `.zip`, `/export`) → `export`; open data
 * (`/api/v1/open-data/…`) → `open-data`; a list with a `q` query parameter → `search` (counted
 * only when `q` is given). The search, export and open-data limits are settings
 * (NAVET_RATE_LIMIT_SEARCH, _EXPORT, _OPEN_DATA in src/platform/config.ts; the defaults below).
 * The key is the signed-in user, or the client address for anonymous callers.
 * Password sign-in keeps its own throttle and account lock (src/platform/auth/login.ts).
 */
export interface RateLimit {
  bucket: string;
  max: number;
  windowSeconds: number;
  /** Count only requests that carry this query parameter (search lists). */
  onlyWithQuery?: string;
  /** Reads: the hits are written in batches per process (rate-tally.ts), not one row write per request. */
  batched?: boolean;
}

export const RATE_LIMITS = {
  search: { bucket: 'search', max: 120, windowSeconds: 60, onlyWithQuery: 'q', batched: true },
  export: { bucket: 'export', max: 30, windowSeconds: 300 },
  'open-data': { bucket: 'open-data', max: 60, windowSeconds: 60, batched: true },
  'sign-in': { bucket: 'sign-in', max: 30, windowSeconds: 300 },
} satisfies Record<string, RateLimit>;

/** The named limits with the configured search, export and open-data figures; a limit switched off is undefined. */
export type RateLimitTable = Record<keyof typeof RATE_LIMITS, RateLimit | undefined>;

export function rateLimitsFrom(config: Pick<Config, 'rateLimits'>): RateLimitTable {
  const set = (base: RateLimit, v: { max: number; windowSeconds: number } | undefined) => (v ? { ...base, ...v } : undefined);
  return {
    ...RATE_LIMITS,
    search: set(RATE_LIMITS.search, config.rateLimits.search),
    export: set(RATE_LIMITS.export, config.rateLimits.export),
    'open-data': set(RATE_LIMITS['open-data'], config.rateLimits.openData),
  };
}

export type RateLimitOption = RateLimit | keyof typeof RATE_LIMITS | false;

declare module 'fastify' {
  interface FastifyContextConfig {
    rateLimit?: RateLimitOption;
  }
}

/**
 * Calendar feeds (.ics) are left out: calendar clients poll them, often many behind one
 * address; they are cheap, and a route may still opt in.
 */
const DOWNLOAD = /(\.(csv|xlsx|pdf|docx|zip)$)|\/exports?(\/|$)/;
const OPEN_DATA = /^\/api\/v1\/open-data\//;

function querystringHasQ(schema: unknown): boolean {
  const props = (schema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return Boolean(props && 'q' in props);
}

/** The limit a route ends up with: its own decision, else one by its shape. */
export function rateLimitOf(
  route: Pick<RouteOptions, 'url' | 'method' | 'schema' | 'config'>,
  limits: RateLimitTable = RATE_LIMITS,
): RateLimit | undefined {
  const own = route.config?.rateLimit;
  if (own === false) return undefined;
  if (typeof own === 'string') return limits[own];
  if (own) return own;
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  if (!route.url.startsWith('/api/') || !methods.includes('GET')) return undefined;
  if (OPEN_DATA.test(route.url)) return limits['open-data'];
  if (DOWNLOAD.test(route.url)) return limits.export;
  if (querystringHasQ(route.schema?.querystring)) return limits.search;
  return undefined;
}

/** onRoute: resolve each route's limit once, into its config. */
export function resolveRateLimit(route: RouteOptions, limits: RateLimitTable = RATE_LIMITS): void {
  const limit = rateLimitOf(route, limits);
  route.config = { ...(route.config as object), rateLimit: limit ?? false };
}

/** preHandler: count the hit; over the limit → 429 with Retry-After and a problem body. */
export function rateLimitPreHandler(db: Db) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const limit = (req.routeOptions.config as { rateLimit?: RateLimitOption }).rateLimit;
    if (!limit || typeof limit === 'string') return;
    if (limit.onlyWithQuery) {
      const v = (req.query as Record<string, unknown> | undefined)?.[limit.onlyWithQuery];
      if (v === undefined || v === '') return;
    }
    const who = req.ctx?.actor ? `user:${req.ctx.actor.userId}` : `ip:${req.ip}`;
    const key = `${limit.bucket}:${who}`;
    const { hits, resetAt } = limit.batched ? await tallyHit(db, key, limit) : await hitRateLimit(db, key, limit.windowSeconds);
    if (hits > limit.max) {
      const wait = Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 1000));
      const what = limit.bucket === 'search' ? 'sökningar' : limit.bucket === 'export' ? 'exporter' : 'försök';
      throw tooManyRequests(
        `För många ${what} på kort tid (högst ${limit.max} per ${limit.windowSeconds} s). Försök igen om ${wait} s.`,
        wait,
      );
    }
  };
}
