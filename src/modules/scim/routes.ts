import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { RouteModule } from '../../platform/http/app.js';
import { authenticateScimClient, scimClientOf } from './authenticate-client.js';
import { deleteScimUser } from './delete-scim-user.js';
import { groupResourceType, groupSchema, serviceProviderConfig, userResourceType, userSchema } from './discovery.js';
import { deleteScimGroup } from './delete-scim-group.js';
import { patchScimGroup } from './patch-scim-group.js';
import { provisionScimGroup } from './provision-scim-group.js';
import { listScimGroups, readScimGroup } from './read-scim-groups.js';
import { replaceScimGroup } from './replace-scim-group.js';
import { GROUP_SCHEMA, toScimGroup, type GroupMember, type ScimGroupRow } from './rules/group-mapping.js';
import { ScimProblem } from './errors.js';
import { patchScimUser } from './patch-scim-user.js';
import { provisionScimUser } from './provision-scim-user.js';
import { listScimUsers, readScimUser } from './read-scim-users.js';
import { replaceScimUser } from './replace-scim-user.js';
import { etagOf, LIST_SCHEMA, toScimUser, USER_SCHEMA, type ScimUserRow } from './rules/user-mapping.js';
import { scimErrorHandler, SCIM_MEDIA_TYPE, sendScim } from './scim-errors-handler.js';
import { ScimBody, ScimGetQuery, ScimIdParams, ScimListQuery } from './schemas.js';

export const SCIM_PREFIX = '/scim/v2';

/**
 * The SCIM 2.0 service provider (RFC 7643/7644) at /scim/v2: discovery, Users and Groups. Its routes
 * stay out of the OpenAPI document (SCIM describes itself at /Schemas and speaks its own error
 * shape and media type); test/access/scim.ts declares them and test/scim.http.test.ts checks that
 * every one of them refuses anything but a SCIM client's credential.
 */
export const scimRoutes: RouteModule = async (app, { db, config }) => {
  await app.register(
    async (plugin) => {
      const scim = plugin.withTypeProvider<TypeBoxTypeProvider>();
      scim.addContentTypeParser('application/scim+json', { parseAs: 'string' }, scim.getDefaultJsonParser('error', 'error'));
      scim.setErrorHandler(scimErrorHandler);
      scim.setNotFoundHandler((req, reply) =>
        sendScim(reply, new ScimProblem(404, `Det finns ingen SCIM-resurs ${req.method} ${req.url.split('?')[0]}.`)),
      );
      scim.addHook('onRequest', async (req) => authenticateScimClient(db, req));

      const base = `${config.publicUrl.replace(/\/$/, '')}${SCIM_PREFIX}`;
      const hide = true;
      const send = <T>(reply: FastifyReply, body: T, status = 200) => reply.code(status).type(SCIM_MEDIA_TYPE).send(body);
      const list = <T>(items: T[], total = items.length, startIndex = 1) => ({
        schemas: [LIST_SCHEMA],
        totalResults: total,
        startIndex,
        itemsPerPage: items.length,
        Resources: items,
      });
      const user = (reply: FastifyReply, row: ScimUserRow, status = 200) =>
        send(reply.header('etag', etagOf(row.version)), toScimUser(row, base), status);
      const group = (reply: FastifyReply, g: { row: ScimGroupRow; members: GroupMember[] | undefined }, status = 200) =>
        send(reply.header('etag', etagOf(g.row.version)), toScimGroup(g.row, g.members, base), status);
      const ifMatch = (req: FastifyRequest): string | undefined => {
        const h: unknown = req.headers['if-match'];
        return typeof h === 'string' ? h : undefined;
      };

      scim.get('/ServiceProviderConfig', { schema: { hide } }, async (_req, reply) => send(reply, serviceProviderConfig(base)));
      scim.get('/ResourceTypes', { schema: { hide } }, async (_req, reply) =>
        send(reply, list([userResourceType(base), groupResourceType(base)])),
      );
      scim.get('/ResourceTypes/:id', { schema: { hide, params: ScimIdParams } }, async (req, reply) => {
        if (req.params.id === 'Group') return send(reply, groupResourceType(base));
        if (req.params.id !== 'User') throw new ScimProblem(404, `Resurstypen ${req.params.id} finns inte.`);
        return send(reply, userResourceType(base));
      });
      scim.get('/Schemas', { schema: { hide } }, async (_req, reply) => send(reply, list([userSchema(base), groupSchema(base)])));
      scim.get('/Schemas/:id', { schema: { hide, params: ScimIdParams } }, async (req, reply) => {
        if (req.params.id === GROUP_SCHEMA) return send(reply, groupSchema(base));
        if (req.params.id !== USER_SCHEMA) throw new ScimProblem(404, `Schemat ${req.params.id} finns inte.`);
        return send(reply, userSchema(base));
      });

      scim.get('/Users', { schema: { hide, querystring: ScimListQuery } }, async (req, reply) => {
        const page = await listScimUsers(db, req.ctx, scimClientOf(req), req.query);
        return send(
          reply,
          list(
            page.rows.map((r) => toScimUser(r, base)),
            page.total,
            page.startIndex,
          ),
        );
      });
      scim.get('/Users/:id', { schema: { hide, params: ScimIdParams, querystring: ScimGetQuery } }, async (req, reply) =>
        user(reply, await readScimUser(db, req.ctx, scimClientOf(req), req.params.id)),
      );
      scim.post('/Users', { schema: { hide, body: ScimBody } }, async (req, reply) => {
        const row = await provisionScimUser(db, req.ctx, scimClientOf(req), req.body);
        return user(reply.header('location', `${base}/Users/${row.id}`), row, 201);
      });
      scim.put('/Users/:id', { schema: { hide, params: ScimIdParams, body: ScimBody } }, async (req, reply) =>
        user(reply, await replaceScimUser(db, req.ctx, scimClientOf(req), req.params.id, req.body, ifMatch(req))),
      );
      scim.patch('/Users/:id', { schema: { hide, params: ScimIdParams, body: ScimBody } }, async (req, reply) =>
        user(reply, await patchScimUser(db, req.ctx, scimClientOf(req), req.params.id, req.body, ifMatch(req))),
      );
      scim.delete('/Users/:id', { schema: { hide, params: ScimIdParams } }, async (req, reply) => {
        await deleteScimUser(db, req.ctx, scimClientOf(req), req.params.id, ifMatch(req));
        return reply.code(204).send();
      });

      scim.get('/Groups', { schema: { hide, querystring: ScimListQuery } }, async (req, reply) => {
        const page = await listScimGroups(db, req.ctx, scimClientOf(req), req.query);
        return send(
          reply,
          list(
            page.items.map((g) => toScimGroup(g.row, g.members, base)),
            page.total,
            page.startIndex,
          ),
        );
      });
      scim.get('/Groups/:id', { schema: { hide, params: ScimIdParams, querystring: ScimGetQuery } }, async (req, reply) =>
        group(reply, await readScimGroup(db, req.ctx, scimClientOf(req), req.params.id, req.query)),
      );
      scim.post('/Groups', { schema: { hide, body: ScimBody } }, async (req, reply) => {
        const client = scimClientOf(req);
        const row = await provisionScimGroup(db, req.ctx, client, req.body);
        const g = await readScimGroup(db, req.ctx, client, row.id);
        return group(reply.header('location', `${base}/Groups/${row.id}`), g, 201);
      });
      scim.put('/Groups/:id', { schema: { hide, params: ScimIdParams, body: ScimBody } }, async (req, reply) => {
        const client = scimClientOf(req);
        await replaceScimGroup(db, req.ctx, client, req.params.id, req.body, ifMatch(req));
        return group(reply, await readScimGroup(db, req.ctx, client, req.params.id));
      });
      // PATCH answers 204 without a body (RFC 7644 §3.5.2 allows it; Entra ID expects it for groups).
      scim.patch('/Groups/:id', { schema: { hide, params: ScimIdParams, body: ScimBody } }, async (req, reply) => {
        const row = await patchScimGroup(db, req.ctx, scimClientOf(req), req.params.id, req.body, ifMatch(req));
        return reply.code(204).header('etag', etagOf(row.version)).send();
      });
      scim.delete('/Groups/:id', { schema: { hide, params: ScimIdParams } }, async (req, reply) => {
        await deleteScimGroup(db, req.ctx, scimClientOf(req), req.params.id, ifMatch(req));
        return reply.code(204).send();
      });
    },
    { prefix: SCIM_PREFIX },
  );
};
