import './audit.js';
import { Type } from 'typebox';
import { authorize } from '../../platform/auth/policy.js';
import { presentUser } from '../../platform/auth/presenter.js';
import * as repo from '../../platform/auth/repository.js';
import { notFound } from '../../platform/errors.js';
import type { RouteModule } from '../../platform/http/app.js';
import { expectedVersion } from '../../platform/http/concurrency.js';
import { decodeCursor, paginate } from '../../platform/http/pagination.js';
import { errorResponses, Page } from '../../platform/http/schemas.js';
import { createUser } from './create-user.js';
import { readRoles } from './read-roles.js';
import { CreateUserBody, RoleInfoSchema, UpdateUserBody, UserListQuery, UserParams, VersionHeader } from './schemas.js';
import { updateUser } from './update-user.js';

const User = Type.Ref('User');

export const userRoutes: RouteModule = (app, { db }) => {
  app.addSchema(RoleInfoSchema);

  app.get(
    '/api/v1/roles',
    {
      schema: {
        tags: ['Användare'],
        summary: 'Rollerna som kan ges: namn, behörigheter och antal innehavare (administratör)',
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('RoleInfo')) }), ...errorResponses(401, 403) },
      },
    },
    async (req) => ({ items: await readRoles(db, req.ctx) }),
  );

  app.get(
    '/api/v1/users',
    {
      schema: {
        tags: ['Användare'],
        summary: 'Lista användare (administratör)',
        querystring: UserListQuery,
        response: { 200: Page(User), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      authorize(req.ctx.actor, 'users.manage');
      const limit = req.query.limit ?? 50;
      const after = decodeCursor(req.query.cursor, 2) as [string, string] | undefined;
      const rows = await repo.listUsers(db, { limit, ...(after ? { after } : {}), ...(req.query.q ? { q: req.query.q } : {}) });
      const page = paginate(rows, limit, (u) => [u.sort_key ?? '', u.id]);
      return { items: page.items.map(presentUser), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['Användare'],
        summary: 'En användare (administratör)',
        params: UserParams,
        response: { 200: User, ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      authorize(req.ctx.actor, 'users.manage');
      const u = await repo.findUserById(db, req.params.id);
      if (!u) throw notFound('Användaren');
      void reply.header('etag', `"${u.version}"`);
      return presentUser(u);
    },
  );

  app.post(
    '/api/v1/users',
    {
      schema: {
        tags: ['Användare'],
        summary: 'Skapa användare (administratör)',
        body: CreateUserBody,
        response: { 201: User, ...errorResponses(401, 403, 409, 422) },
      },
    },
    async (req, reply) => {
      const u = await createUser(db, req.ctx, req.body);
      return reply.code(201).header('etag', `"${u.version}"`).send(presentUser(u));
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['Användare'],
        summary: 'Ändra användare: namn, roller, avstängd, lösenord (If-Match krävs)',
        params: UserParams,
        headers: VersionHeader,
        body: UpdateUserBody,
        response: { 200: User, ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body;
      const v = expectedVersion(req.headers['if-match'], version);
      const u = await updateUser(db, req.ctx, req.params.id, v, patch);
      return reply.header('etag', `"${u.version}"`).send(presentUser(u));
    },
  );
};
