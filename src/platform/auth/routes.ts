import { Type } from 'typebox';
import type { RouteModule } from '../http/app.js';
import { errorResponses, Page, Uuid } from '../http/schemas.js';
import { forbidden, unauthorized } from '../errors.js';
import { createApiToken, revokeApiToken } from './api-tokens.js';
import { csrfTokenOf, sessionCookieName } from './authenticate.js';
import { login, logout } from './login.js';
import { grantsOf, requireActor } from './policy.js';
import { presentToken, presentUser } from './presenter.js';
import * as repo from './repository.js';
import { CreatedToken, CreateTokenBody, LoginBody, LoginResponse, MeResponse, TokenSchema, UserSchema } from './schemas.js';

export const authRoutes: RouteModule = (app, deps) => {
  const { db, config } = deps;
  const cookieName = sessionCookieName(config.secureCookies);
  app.addSchema(UserSchema);

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['Inloggning'],
        summary: 'Logga in med e-post och lösenord',
        body: LoginBody,
        response: { 200: LoginResponse, ...errorResponses(401, 403, 422, 429) },
      },
    },
    async (req, reply) => {
      if (!config.passwordLogin) {
        throw forbidden(
          `Inloggning med lösenord är avstängd här${config.oidc ? `. Logga in med ${config.oidc.displayName}.` : '.'}`,
        );
      }
      const r = await login(db, req.ctx, {
        email: req.body.email,
        password: req.body.password,
        clientIp: req.ip,
        ttlHours: config.sessionTtlHours,
        ipLimit: config.loginIpLimit,
      });
      if (req.sessionId) await logout(db, req.ctx, req.sessionId); // no session fixation
      void reply.setCookie(cookieName, r.sessionId, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        path: '/',
        maxAge: config.sessionTtlHours * 3600,
      });
      return { user: presentUser(r.user), csrfToken: r.csrfToken };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['Inloggning'], summary: 'Logga ut', response: { 204: Type.Null(), ...errorResponses(403) } } },
    async (req, reply) => {
      if (req.sessionId) await logout(db, req.ctx, req.sessionId);
      void reply.clearCookie(cookieName, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['Inloggning'],
        summary: 'Den inloggade användaren med roller',
        response: { 200: MeResponse, ...errorResponses(401) },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      const user = await repo.findUserById(db, req.ctx.actor.userId);
      if (!user) throw unauthorized();
      return {
        user: presentUser(user),
        csrfToken: req.sessionId ? ((await csrfTokenOf(deps, req.sessionId)) ?? null) : null,
        permissions: grantsOf(user.roles),
        emailEnabled: config.smtp !== undefined,
      };
    },
  );

  app.get(
    '/api/v1/auth/tokens',
    {
      schema: { tags: ['Inloggning'], summary: 'Mina API-nycklar', response: { 200: Page(TokenSchema), ...errorResponses(401) } },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      return { items: (await repo.listTokens(db, req.ctx.actor.userId)).map(presentToken), nextCursor: null };
    },
  );

  app.post(
    '/api/v1/auth/tokens',
    {
      schema: {
        tags: ['Inloggning'],
        summary: 'Skapa en personlig API-nyckel (visas en gång)',
        description:
          'Bara med inloggning (session), inte med en API-nyckel (403). Nyckeln gäller i NAVET_API_TOKEN_DAYS dagar (standard 90) och återkallas när lösenordet byts eller användaren stängs av.',
        body: CreateTokenBody,
        response: { 201: CreatedToken, ...errorResponses(401, 403, 422) },
      },
    },
    async (req, reply) => {
      const { row, token } = await createApiToken(db, req.ctx, { name: req.body.name, validDays: config.apiTokenDays });
      return reply.code(201).send({ ...presentToken(row), token });
    },
  );

  app.delete(
    '/api/v1/auth/tokens/:id',
    {
      schema: {
        tags: ['Inloggning'],
        summary: 'Återkalla en API-nyckel',
        params: Type.Object({ id: Uuid }),
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await revokeApiToken(db, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
};
