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
import { ProblemSchema } from './schemas.js';
import { fieldErrors, registerSharedSchema, validatorCompiler } from './validation.js';
import { APP_VERSION, projectRoot } from '../version.js';

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
  return reply.code(p.status).type('application/problem+json').send(p.toJSON());
}

export async function buildApp(deps: AppDeps, modules: RouteModule[]): Promise<App> {
  const { config } = deps;
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
    return503OnClosing: true,
    // On close: drop idle keep-alive connections at once, let in-flight requests finish.
    forceCloseConnections: 'idle',
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

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

  app.addHook('onRequest', async (req, reply) => {
    req.lang = langOf(req);
    req.ctx = { actor: undefined, requestId: req.id };
    void reply.header('x-request-id', req.id);
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'same-origin');
    void reply.header('x-frame-options', 'DENY');
    if (config.secureCookies) void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (!req.url.startsWith('/api/docs')) {
      void reply.header(
        'content-security-policy',
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
      );
    }
    if (req.url.startsWith('/api/')) await authenticate(deps, req);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.ctx?.actor) void reply.header('cache-control', 'no-store');
    return payload;
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

  for (const m of modules) await m(app, deps);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webRoot = join(projectRoot, 'dist', 'web');
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
