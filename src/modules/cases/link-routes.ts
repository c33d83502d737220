import { Type } from 'typebox';
import type { RouteModule } from '../../platform/http/app.js';
import { errorResponses, Uuid } from '../../platform/http/schemas.js';
import { linkCase, unlinkCase } from './link-case.js';
import { listCaseLinks } from './list-case-links.js';
import { presentLink } from './presenter.js';
import * as s from './schemas.js';

const tags = ['Ärenden'];

/** Links from a case to other cases, knowledge supports and consultation rounds. */
export const caseLinkRoutes: RouteModule = (app, { db }) => {
  app.get(
    '/api/v1/cases/:id/links',
    {
      schema: {
        tags,
        summary: 'Länkar till andra ärenden, kunskapsstöd och remissomgångar (länkar mellan ärenden visas åt båda hållen)',
        params: s.IdParams,
        response: { 200: Type.Object({ items: Type.Array(s.Link) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      const { links, secretOk } = await listCaseLinks(db, req.ctx, req.params.id);
      return { items: links.map((l) => presentLink(l, secretOk)) };
    },
  );

  app.post(
    '/api/v1/cases/:id/links',
    {
      schema: {
        tags,
        summary: 'Länka ärendet till ett annat ärende, ett kunskapsstöd eller en remissomgång',
        params: s.IdParams,
        body: s.LinkBody,
        response: { 201: Type.Object({ id: Uuid }), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await linkCase(db, req.ctx, req.params.id, req.body)),
  );

  app.delete(
    '/api/v1/case-links/:id',
    {
      schema: {
        tags,
        summary: 'Ta bort en länk',
        params: s.IdParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await unlinkCase(db, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
};
