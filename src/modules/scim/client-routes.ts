import { Type } from 'typebox';
import type { RouteModule } from '../../platform/http/app.js';
import { expectedVersion } from '../../platform/http/concurrency.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { createScimClient } from './create-scim-client.js';
import { presentScimClient } from './presenter.js';
import { readScimClients } from './read-scim-clients.js';
import { revokeScimClient } from './revoke-scim-client.js';
import { readScimClientGroups } from './read-scim-client-groups.js';
import { rotateScimClient } from './rotate-scim-client.js';
import { setScimGroupRoles } from './set-scim-group-roles.js';
import {
  CreatedScimClient,
  CreateScimClientBody,
  RotateScimClientBody,
  ScimClientGroupsSchema,
  SetScimGroupRolesBody,
  ScimClientParams,
  ScimClientSchema,
  VersionHeader,
} from './schemas.js';

const tags = ['SCIM-klienter'];

/** Administrators register identity systems that provision users over SCIM, rotate and revoke their keys. */
export const scimClientRoutes: RouteModule = (app, { db }) => {
  app.addSchema(ScimClientSchema);
  app.addSchema(ScimClientGroupsSchema);

  app.get(
    '/api/v1/scim-clients',
    {
      schema: {
        tags,
        summary: 'SCIM-klienter (identitetssystem som etablerar användare), i de register du administrerar',
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('ScimClient')) }), ...errorResponses(401, 403) },
      },
    },
    async (req) => ({ items: (await readScimClients(db, req.ctx)).map(presentScimClient) }),
  );

  app.post(
    '/api/v1/scim-clients',
    {
      schema: {
        tags,
        summary: 'Registrera en SCIM-klient; svaret innehåller nyckeln, en enda gång',
        body: CreateScimClientBody,
        response: { 201: CreatedScimClient, ...errorResponses(401, 403, 422) },
      },
    },
    async (req, reply) => {
      const { row, token } = await createScimClient(db, req.ctx, req.body);
      return reply
        .code(201)
        .header('etag', `"${row.version}"`)
        .send({ ...presentScimClient(row), token });
    },
  );

  app.post(
    '/api/v1/scim-clients/:id/rotate',
    {
      schema: {
        tags,
        summary: 'Byt SCIM-klientens nyckel (den gamla slutar gälla direkt); If-Match eller version krävs',
        params: ScimClientParams,
        headers: VersionHeader,
        body: RotateScimClientBody,
        response: { 200: CreatedScimClient, ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (req, reply) => {
      const v = expectedVersion(req.headers['if-match'], req.body.version);
      const { row, token } = await rotateScimClient(db, req.ctx, req.params.id, v);
      return reply.header('etag', `"${row.version}"`).send({ ...presentScimClient(row), token });
    },
  );

  app.delete(
    '/api/v1/scim-clients/:id',
    {
      schema: {
        tags,
        summary:
          'Återkalla en SCIM-klient: nyckeln slutar gälla och rollerna dess grupper gett tas tillbaka; användarna den etablerat finns kvar',
        params: ScimClientParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await revokeScimClient(db, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/scim-clients/:id/groups',
    {
      schema: {
        tags,
        summary: 'SCIM-klientens grupper med medlemmar, och vilken roll i Navet varje grupp ger',
        params: ScimClientParams,
        response: { 200: Type.Ref('ScimClientGroups'), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const body = await readScimClientGroups(db, req.ctx, req.params.id);
      return reply.header('etag', `"${body.version}"`).send(body);
    },
  );

  app.put(
    '/api/v1/scim-clients/:id/group-roles',
    {
      schema: {
        tags,
        summary:
          'Ange vilken roll varje katalogsgrupp ger sina medlemmar (inom klientens register); If-Match eller version krävs',
        params: ScimClientParams,
        headers: VersionHeader,
        body: SetScimGroupRolesBody,
        response: { 200: Type.Ref('ScimClientGroups'), ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const v = expectedVersion(req.headers['if-match'], req.body.version);
      const body = await setScimGroupRoles(db, req.ctx, req.params.id, v, req.body);
      return reply.header('etag', `"${body.version}"`).send(body);
    },
  );
};
