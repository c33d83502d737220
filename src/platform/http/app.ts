import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Ctx } from '../context.js';
import type { Db } from '../db/index.js';
import { Problem, problemFromDatabaseError } from '../errors.js';
import { authenticate } from '../auth/authenticate.js';
import { isConnectionError } from '../db/postgres.js';
import { idempotencyContext, idempotencyOnSend, idempotencyPreHandler, withIdempotentCommit } from './idempotency.js';
import { rateLimitPreHandler, rateLimitsFrom, resolveRateLimit } from './rate-limit.js';
import { collectPublicRoutes, publicReadOnSend, registerPreflights } from './public-read.js';
import { lazySerializers } from './lazy-serializers.js';
import { useReadCache } from './read-cache.js';
import { errorResponses, ProblemSchema } from './schemas.js';
import { fieldErrors, registerSharedSchema, validatorCompiler } from './validation.js';
import { APP_VERSION, projectRoot } from '../version.js';
import { clock } from '../clock.js';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
    /** Set when the caller is signed in with a session cookie (not a bearer token). */
    sessionId: string | undefined;
    lang: 'sv' | 'en';
  }
}

export type App = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  import('fastify').FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface AppDeps {
  db: Db;
  config: Config;
  logger?: Logger | boolean;
}

export type RouteModule = (app: App, deps: AppDeps) => void | Promise<void>;

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

function langOf(req: FastifyRequest): 'sv' | 'en' {
  const h = req.headers['accept-language'];
  return typeof h === 'string' && /^en\b/i.test(h.trim()) ? 'en' : 'sv';
}

function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  for (const [k, v] of Object.entries(p.headers)) void reply.header(k, v);
  if (p.status === 503 && !reply.hasHeader('retry-after')) void reply.header('retry-after', '5');
  return reply.code(p.status).type('application/problem+json').send(p.toJSON());
}

const CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/** Security headers for every response: API, errors, 404s and static files alike. */
function securityHeaders(req: FastifyRequest, reply: FastifyReply, secure: boolean): void {
  void reply.header('x-content-type-options', 'nosniff');
  void reply.header('referrer-policy', 'same-origin');
  void reply.header('x-frame-options', 'DENY');
  void reply.header('cross-origin-opener-policy', 'same-origin');
  void reply.header('cross-origin-resource-policy', 'same-origin');
  void reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (secure) void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  // Nothing personal in shared caches: anything asked with credentials is not stored.
  if (req.headers.cookie || req.headers.authorization) void reply.header('cache-control', 'no-store');
  // Swagger UI needs inline scripts; everything else gets the strict policy.
  if (!req.url.startsWith('/api/docs')) void reply.header('content-security-policy', CSP);
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const SECRET_PARAMS = /^(code|state|nonce|token|access_token|id_token|refresh_token|password|session|session_state|csrf|key)$/i;
/** Personnummer and samordningsnummer, with or without century and separator. */
const PERSONNUMMER = /(?<!\d)(?:19|20)?\d{6}[-+]?\d{4}(?!\d)/g;

const PNR = new RegExp(PERSONNUMMER.source);

/** The URL as it may be logged: secret query values and personal identity numbers removed. */
export function loggableUrl(url: string): string {
  const [path, query] = url.split('?', 2) as [string, string | undefined];
  let out = path.replace(PERSONNUMMER, '[pnr]');
  if (query !== undefined) {
    out += `?${query
      .split('&')
      .map((pair) => {
        const [k = '', v] = pair.split('=', 2);
        let name = k;
        try {
          name = decodeURIComponent(k);
        } catch {
          // keep it as sent
        }
        if (v === undefined) return k;
        if (SECRET_PARAMS.test(name)) return `${k}=[dolt]`;
        let value = v;
        try {
          value = decodeURIComponent(v.replaceAll('+', ' '));
        } catch {
          // keep it as sent
        }
        return PNR.test(value) || PNR.test(v) ? `${k}=[pnr]` : `${k}=${v}`;
      })
      .join('&')}`;
  }
  return out;
}

/**
 * The backstop behind validation: PostgreSQL's data exceptions (SQLSTATE class 22: a byte
 * sequence it cannot encode, a value too long or out of range, text that is not a number or
 * date) mean the input was bad, so they are the caller's 400 (reads) or 422 (writes), never a 500.
 */
export function problemFromDataException(err: unknown, method: string): Problem | undefined {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^22[0-9A-Z]{3}$/.test(code)) return undefined;
  const detail = 'Uppgifterna innehåller ett värde som inte kan lagras eller tolkas (till exempel ett otillåtet tecken).';
  return WRITE_METHODS.has(method)
    ? new Problem(422, 'Ogiltiga uppgifter', detail)
    : new Problem(400, 'Felaktig begäran', detail);
}

/**
 * Errors any API route may answer besides its own, documented on every route so that every
 * response has a schema: malformed input (400), a bad bearer token (401), rate limits (429),
 * the database away (503); writes also CSRF (403), Idempotency-Key conflicts (409/422) and
 * body size/type (413/415).
 */
function addCommonResponses(route: import('fastify').RouteOptions): void {
  const schema = route.schema as { response?: Record<string, unknown>; hide?: boolean } | undefined;
  if (!schema?.response || schema.hide || !route.url.startsWith('/api/')) return;
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const codes = [400, 401, 429, 503];
  if (methods.some((m) => WRITE_METHODS.has(m))) codes.push(403, 409, 413, 415, 422);
  route.schema = { ...route.schema, response: { ...errorResponses(...codes), ...schema.response } };
}

export async function buildApp(deps: AppDeps, modules: RouteModule[]): Promise<App> {
  const { config } = deps;
  // Route modules get a database whose transactions commit a claimed Idempotency-Key with the change.
  const routeDeps: AppDeps = { ...deps, db: withIdempotentCommit(deps.db) };
  useReadCache(routeDeps.db, config.readCacheMb * 1024 * 1024);
  const serializers = lazySerializers();
  const app = Fastify({
    loggerInstance: typeof deps.logger === 'object' ? deps.logger : undefined,
    logger: typeof deps.logger === 'object' ? undefined : (deps.logger ?? false),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.secureCookies,
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false } },
    // Our validator in every context: an encapsulated plugin that adds a schema would otherwise
    // rebuild Fastify's default one (no control-character check, no calendar dates, other coercion).
    schemaController: {
      compilersFactory: {
        buildValidator: (externalSchemas: unknown) => {
          for (const schema of Object.values((externalSchemas ?? {}) as Record<string, object>)) registerSharedSchema(schema);
          return validatorCompiler as never;
        },
        buildSerializer: serializers.factory as never,
      },
    },
    return503OnClosing: true,
    // One line per request, written below with the URL scrubbed (no tokens, codes or personnummer).
    logController: new Fastify.LogController({ disableRequestLogging: true }),
    // Malformed or overlong URLs are answered like every other error: a problem body with headers.
    frameworkErrors: (err, req, reply) => {
      securityHeaders(req, reply, config.secureCookies);
      void sendProblem(reply, new Problem(400, 'Felaktig begäran', `Adressen är inte giltig (${err.code}).`));
    },
    // On close: drop idle keep-alive connections at once, let in-flight requests finish.
    forceCloseConnections: 'idle',
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  serializers.attach(app);
  app.setValidatorCompiler(validatorCompiler);
  // JSON only: a text/plain body is refused with 415 instead of failing validation as a string.
  app.removeContentTypeParser('text/plain');
  registerSharedSchema(ProblemSchema);
  app.addSchema(ProblemSchema);
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('sessionId', undefined);
  app.decorateRequest('lang', 'sv');

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Navet API',
        version: APP_VERSION,
        description:
          'Navets API för kunskapsstyrning. Listor returnerar `{ items, nextCursor }`; fel är RFC 9457 problem+json. ' +
          'Skrivningar kräver inloggning: sessionscookie + `X-CSRF-Token`, eller `Authorization: Bearer <API-nyckel>`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'navet_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _base, _frag, i) => (json.$id as string) || `def-${i}` },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  const rateLimits = rateLimitsFrom(config);
  const publicRoutes = new Set<string>();
  const collectPublic = collectPublicRoutes(publicRoutes);
  app.addHook('onRoute', (route) => {
    resolveRateLimit(route, rateLimits);
    addCommonResponses(route);
    collectPublic(route);
  });
  app.addHook('onRequest', idempotencyContext);
  app.addHook('onRequest', async (req, reply) => {
    req.lang = langOf(req);
    req.ctx = { actor: undefined, requestId: req.id };
    void reply.header('x-request-id', req.id);
    // The product's clock, so the UI's date defaults follow the server's day (src/web/clock.ts).
    void reply.header('x-navet-clock', clock.now().toISOString());
    securityHeaders(req, reply, config.secureCookies);
    if (req.url.startsWith('/api/')) await authenticate(deps, req);
  });
  app.addHook('preHandler', rateLimitPreHandler(deps.db));
  app.addHook('preHandler', idempotencyPreHandler(deps.db));

  app.addHook('onSend', async (req, reply, payload) => {
    securityHeaders(req, reply, config.secureCookies);
    // Nothing personal in shared caches: signed-in answers, and anything that sets a cookie.
    if (req.ctx?.actor || reply.hasHeader('set-cookie') || req.headers.cookie || req.headers.authorization) {
      void reply.header('cache-control', 'no-store');
    }
    return payload;
  });
  app.addHook('onSend', publicReadOnSend(config.corsOrigins));
  app.addHook('onSend', idempotencyOnSend(deps.db));
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      { method: req.method, url: loggableUrl(req.url), statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request completed',
    );
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof Problem) return sendProblem(reply, err);
    if (err.validation) {
      const errors = fieldErrors(err.validation as never, req.lang);
      const where = err.validationContext;
      const status = where === 'body' ? 422 : 400;
      const detail =
        req.lang === 'sv'
          ? `Uppgifterna är inte giltiga: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`
          : `The input is not valid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`;
      return sendProblem(reply, new Problem(status, status === 422 ? 'Ogiltiga uppgifter' : 'Felaktig begäran', detail, errors));
    }
    if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) {
      return sendProblem(reply, new Problem(400, 'Felaktig begäran', 'Kroppen är inte giltig JSON.'));
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendProblem(reply, new Problem(413, 'För stor begäran', `Kroppen får vara högst ${config.bodyLimitBytes} byte.`));
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendProblem(reply, new Problem(415, 'Fel innehållstyp', 'Skicka JSON med Content-Type: application/json.'));
    }
    if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return sendProblem(reply, new Problem(400, 'Felaktig begäran', 'Kroppen är tom men ska vara JSON.'));
    }
    if (isConnectionError(err)) {
      req.log.warn({ err: { message: err.message, code: err.code } }, 'database unavailable');
      return sendProblem(
        reply,
        new Problem(
          503,
          'Tjänsten är tillfälligt otillgänglig',
          'Databasen är inte tillgänglig just nu. Försök igen om en stund.',
        ),
      );
    }
    const dataException = problemFromDataException(err, req.method);
    if (dataException) {
      req.log.warn({ err: { message: err.message, code: err.code } }, 'input refused by the database');
      return sendProblem(reply, dataException);
    }
    const fromDb = problemFromDatabaseError(err);
    if (fromDb) {
      if (fromDb.status >= 500) req.log.error({ err }, 'database unavailable');
      return sendProblem(reply, fromDb);
    }
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      return sendProblem(reply, new Problem(err.statusCode, 'Felaktig begäran', err.message));
    }
    req.log.error({ err }, 'unhandled error');
    return sendProblem(
      reply,
      new Problem(500, 'Internt fel', `Något gick fel hos oss. Ange begärans id ${req.id} om du kontaktar supporten.`),
    );
  });

  for (const m of modules) await m(app, routeDeps);
  registerPreflights(app, publicRoutes, config.corsOrigins);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // NAVET_WEB_ROOT lets parallel browser runs each serve their own build (vite build --outDir).
  const webRoot = process.env.NAVET_WEB_ROOT || join(projectRoot, 'dist', 'web');
  const hasWeb = existsSync(join(webRoot, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });

  app.setNotFoundHandler((req, reply) => {
    if (!req.url.startsWith('/api') && req.method === 'GET' && hasWeb) return reply.type('text/html').sendFile('index.html');
    if (!req.url.startsWith('/api') && req.method === 'GET') {
      return reply
        .type('text/html')
        .send(
          '<!doctype html><html lang="sv"><title>Navet</title><p>Webbgränssnittet är inte byggt. Kör <code>npm run build</code>.</p></html>',
        );
    }
    return sendProblem(
      reply,
      new Problem(404, 'Hittades inte', `Det finns ingen resurs ${req.method} ${req.url.split('?')[0]}.`),
    );
  });

  return app;
}
