import { Type } from 'typebox';
import type { FastifyReply } from 'fastify';
import type { RouteModule } from '../http/app.js';
import { errorResponses, Timestamp } from '../http/schemas.js';
import { notFound, unauthorized } from '../errors.js';
import { sessionCookieName, sessionStatus, SESSION_STATUS_URL } from './authenticate.js';
import { logout } from './login.js';
import { completeOidcSignIn, OidcSignInError, providerLogoutUrl, startOidcSignIn } from './oidc.js';
import { requireActor } from './policy.js';
import * as repo from './repository.js';
import { sha256 } from './secrets.js';

const SessionStatusSchema = Type.Object({
  idleMinutes: Type.Integer({ description: 'Inaktivitetsgräns i minuter' }),
  idleExpiresAt: Timestamp,
  absoluteExpiresAt: Timestamp,
  serverTime: Timestamp,
  method: Type.Union([Type.Literal('password'), Type.Literal('oidc')]),
});

const Redirect = Type.Null({ description: 'Omdirigering (Location-rubriken)' });

/**
 * Ways in and the session's clock: which sign-in methods this deployment offers, sign-in
 * through the identity provider, and the idle timeout the UI warns about (WCAG 2.2.1).
 */
export const signInRoutes: RouteModule = (app, deps) => {
  const { db, config } = deps;
  const cookieName = sessionCookieName(config.secureCookies);
  const setSessionCookie = (reply: FastifyReply, sid: string) =>
    reply.setCookie(cookieName, sid, {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      path: '/',
      maxAge: config.sessionTtlHours * 3600,
    });

  app.get(
    '/api/v1/auth/providers',
    {
      schema: {
        tags: ['Inloggning'],
        summary: 'Vilka inloggningssätt som finns',
        response: {
          200: Type.Object({
            password: Type.Boolean(),
            oidc: Type.Union([Type.Object({ name: Type.String(), loginUrl: Type.String() }), Type.Null()]),
          }),
        },
      },
    },
    () => ({
      password: config.passwordLogin,
      oidc: config.oidc ? { name: config.oidc.displayName, loginUrl: '/api/v1/auth/oidc/login' } : null,
    }),
  );

  app.get(
    '/api/v1/auth/oidc/login',
    {
      schema: {
        tags: ['Inloggning'],
        summary: 'Börja logga in via identitetsleverantören (omdirigerar dit)',
        querystring: Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 500 })) }),
        response: { 302: Redirect, ...errorResponses(404, 503) },
      },
    },
    async (req, reply) => {
      if (!config.oidc) throw notFound('Inloggning via identitetsleverantör');
      let url: URL;
      try {
        url = await startOidcSignIn(db, config.oidc, req.query.returnTo);
      } catch (err) {
        req.log.warn({ err }, 'identity provider unreachable');
        return reply.redirect('/logga-in?inloggningsfel=provider-unavailable', 302);
      }
      return reply.redirect(url.href, 302);
    },
  );

  app.get(
    '/api/v1/auth/oidc/callback',
    {
      schema: {
        tags: ['Inloggning'],
        summary: 'Identitetsleverantörens återkomst efter inloggning',
        description:
          'Sätter sessionskakan och skickar vidare till sidan man kom från, eller till inloggningssidan med en felkod.',
        querystring: Type.Object({}, { additionalProperties: Type.String({ maxLength: 4000 }) }),
        response: { 302: Redirect, ...errorResponses(404) },
      },
    },
    async (req, reply) => {
      if (!config.oidc) throw notFound('Inloggning via identitetsleverantör');
      const raw = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
      try {
        const r = await completeOidcSignIn(db, req.ctx, config.oidc, raw, config.sessionTtlHours);
        if (req.sessionId) await logout(db, req.ctx, req.sessionId); // a new session id on every sign-in
        setSessionCookie(reply, r.sessionId);
        return reply.redirect(r.returnTo, 302);
      } catch (err) {
        if (!(err instanceof OidcSignInError)) throw err;
        req.log.warn({ reason: err.code, detail: err.message }, 'sign-in through the identity provider refused');
        return reply.redirect(`/logga-in?inloggningsfel=${err.code}`, 302);
      }
    },
  );

  app.get(
    '/api/v1/auth/oidc/logout',
    {
      schema: {
        tags: ['Inloggning'],
        summary: 'Logga ut, även hos identitetsleverantören när den erbjuder det',
        response: { 302: Redirect },
      },
    },
    async (req, reply) => {
      let target = '/';
      if (req.sessionId) {
        const s = await repo.findLiveSession(db, sha256(req.sessionId), config.sessionIdleMinutes, false);
        await logout(db, req.ctx, req.sessionId);
        if (s?.method === 'oidc' && config.oidc) {
          try {
            target =
              (await providerLogoutUrl(config.oidc, s.id_token_hint, `${config.publicUrl.replace(/\/$/, '')}/`))?.href ?? '/';
          } catch (err) {
            req.log.warn({ err }, 'identity provider unreachable at logout');
          }
        }
      }
      void reply.clearCookie(cookieName, { path: '/' });
      return reply.redirect(target, 302);
    },
  );

  app.get(
    SESSION_STATUS_URL,
    {
      schema: {
        tags: ['Inloggning'],
        summary: 'När sessionen går ut (läses utan att räknas som aktivitet)',
        response: { 200: SessionStatusSchema, ...errorResponses(401) },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      const s = req.sessionId ? await sessionStatus(deps, req.sessionId) : undefined;
      if (!s) throw unauthorized('Du är inloggad med en API-nyckel, som saknar session.');
      return s;
    },
  );

  app.post(
    '/api/v1/auth/session/extend',
    {
      schema: {
        tags: ['Inloggning'],
        summary: 'Förläng sessionen (nollställer inaktivitetsgränsen, inte den absoluta gränsen)',
        response: { 200: SessionStatusSchema, ...errorResponses(401, 403) },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      if (!req.sessionId) throw unauthorized('Du är inloggad med en API-nyckel, som saknar session.');
      await repo.touchSession(db, sha256(req.sessionId));
      const s = await sessionStatus(deps, req.sessionId);
      if (!s) throw unauthorized();
      return s;
    },
  );
};
