import { Type } from 'typebox';
import type { RouteModule } from '../../platform/http/app.js';
import { expectedVersion } from '../../platform/http/concurrency.js';
import { decodeCursor, paginate } from '../../platform/http/pagination.js';
import { unauthorized } from '../../platform/errors.js';
import { sendAtom } from '../../platform/http/atom.js';
import { lastModified } from '../../platform/http/public-read.js';
import { cachedRead } from '../../platform/http/read-cache.js';
import { errorResponses, Page, Uuid, VersionHeader } from '../../platform/http/schemas.js';
import { createSupport } from './create-support.js';
import { listOwners } from './list-owners.js';
import { assertMayRead, knowledgePolicy } from './policy.js';
import { presentSupport } from './presenter.js';
import { readSupport } from './read-support.js';
import { readSupportFeed } from './read-support-feed.js';
import {
  CreateSupportBody,
  SupportDetail,
  SupportOwners,
  SupportQuery,
  TransitionSupportBody,
  UpdateSupportBody,
} from './schemas.js';
import { listSupports } from './search-supports.js';
import { transitionSupport } from './transition-support.js';
import { updateSupport } from './update-support.js';

const tags = ['Kunskapsstöd'];
const IdParams = Type.Object({ id: Uuid });
/** What the catalogue's rows are built from (read_versions): the supports with their program areas (topic implementation, migration 0057), and their producer groups' names. */
const PUBLIC_CATALOGUE = ['implementation', 'groups'];

/** The catalogue and one support: read, add, edit and move along the lifecycle. */
export const supportRoutes: RouteModule = (app, { db, config }) => {
  app.get(
    '/api/v1/knowledge-supports',
    {
      config: { publicRead: true },
      schema: {
        tags,
        summary: 'Katalogen över kunskapsstöd, i svensk bokstavsordning; fritextsök på svenska (q) och filter',
        querystring: SupportQuery,
        response: { 200: Page(Type.Ref('KnowledgeSupport')), ...errorResponses(400, 401) },
      },
    },
    async (req, reply) => {
      assertMayRead(req.ctx.actor, config.publicStructure);
      const { cursor, limit = 50, ...filter } = req.query;
      const after = decodeCursor(cursor, 2) as [string, string] | undefined;
      const build = async () => {
        const rows = await listSupports(db, { ...filter, limit, ...(after ? { after } : {}) });
        const page = paginate(rows, limit, (s) => [s.sortKey, s.id]);
        const caller = await knowledgePolicy(req.ctx, db).caller();
        return { items: page.items.map((s) => presentSupport(s, caller)), nextCursor: page.nextCursor };
      };
      // The public catalogue (insyn) is the same for every anonymous caller: kept by the read cache.
      if (!req.ctx.actor) return cachedRead(db, req, reply, { topics: PUBLIC_CATALOGUE, key: JSON.stringify(req.query) }, build);
      return build();
    },
  );

  app.get(
    '/api/v1/knowledge-supports/owners',
    {
      schema: {
        tags,
        summary:
          'Ägarna du kan lägga in kunskapsstöd för: nationellt (nationella roller) och de regioner och sjukvårdsregioner där du skriver regionala stöd',
        response: { 200: SupportOwners, ...errorResponses(401) },
      },
    },
    async (req) => {
      if (!req.ctx.actor) throw unauthorized();
      return { items: await listOwners(db, req.ctx) };
    },
  );

  app.get(
    '/api/v1/knowledge-supports/:id',
    {
      config: { publicRead: true },
      schema: {
        tags,
        summary: 'Ett kunskapsstöd med versioner, konsekvensbeskrivningar, rekommendationer, remissomgångar och lokala tillägg',
        params: IdParams,
        response: { 200: SupportDetail, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      assertMayRead(req.ctx.actor, config.publicStructure);
      const detail = await readSupport(db, req.ctx, req.params.id);
      void reply.header('etag', `"${detail.support.version}"`);
      const stamps = [detail.support, ...detail.versions, ...detail.localAdditions, ...detail.rounds];
      lastModified(reply, ...stamps.map((x) => new Date(x.updatedAt)));
      return detail;
    },
  );

  app.get(
    '/api/v1/feeds/knowledge-supports.atom',
    {
      config: { publicRead: true },
      schema: {
        tags,
        summary: 'Katalogen som Atom-flöde (RFC 4287): de senast ändrade kunskapsstöden, nyast först',
        produces: ['application/atom+xml'],
        response: { 200: Type.String(), ...errorResponses(401) },
      },
    },
    async (req, reply) => {
      assertMayRead(req.ctx.actor, config.publicStructure);
      return sendAtom(reply, await readSupportFeed(db, config.publicUrl));
    },
  );

  app.post(
    '/api/v1/knowledge-supports',
    {
      schema: {
        tags,
        summary: 'Lägg in ett nationellt kunskapsstöd (systemadministratör), med första versionen och konsekvensbeskrivning',
        body: CreateSupportBody,
        response: { 201: Type.Ref('KnowledgeSupport'), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      const row = await createSupport(db, req.ctx, req.body);
      const caller = await knowledgePolicy(req.ctx, db).caller();
      return reply.code(201).header('etag', `"${row.version}"`).send(presentSupport(row, caller));
    },
  );

  app.patch(
    '/api/v1/knowledge-supports/:id',
    {
      schema: {
        tags,
        summary: 'Ändra ett kunskapsstöd (If-Match eller version krävs)',
        params: IdParams,
        headers: VersionHeader,
        body: UpdateSupportBody,
        response: { 200: Type.Ref('KnowledgeSupport'), ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body;
      const row = await updateSupport(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), patch);
      const caller = await knowledgePolicy(req.ctx, db).caller();
      return reply.header('etag', `"${row.version}"`).send(presentSupport(row, caller));
    },
  );

  app.post(
    '/api/v1/knowledge-supports/:id/transition',
    {
      schema: {
        tags,
        summary:
          'Byt status längs livscykeln (under framtagande → på remiss → beslutad/publicerad → under revision → ersatt/upphävd); ange status eller en action ur allowedActions',
        params: IdParams,
        headers: VersionHeader,
        body: TransitionSupportBody,
        response: { 200: Type.Ref('KnowledgeSupport'), ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const { version, ...input } = req.body;
      const row = await transitionSupport(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), input);
      const caller = await knowledgePolicy(req.ctx, db).caller();
      return reply.header('etag', `"${row.version}"`).send(presentSupport(row, caller));
    },
  );
};
