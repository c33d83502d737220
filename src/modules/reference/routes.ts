import './audit.js';
import { Type } from 'typebox';
import { badRequest, notFound, unauthorized } from '../../platform/errors.js';
import { addSender } from './add-sender.js';
import type { RouteModule } from '../../platform/http/app.js';
import { decodeCursor, pageOf, paginate } from '../../platform/http/pagination.js';
import { cachedRead } from '../../platform/http/read-cache.js';
import { errorResponses, Page } from '../../platform/http/schemas.js';
import { presentProgramArea } from './presenter.js';
import * as repo from './repository.js';
import {
  CreateSenderBody,
  HealthcareRegion,
  HealthcareRegionId,
  ListQuery,
  Municipality,
  MunicipalityCode,
  MunicipalityQuery,
  ProgramArea,
  Region,
  RegionCode,
  RegionListQuery,
  Sender,
  SenderList,
  SenderQuery,
  Slug,
  Source,
} from './schemas.js';

const tags = ['Referensdata'];

/** The reference lists are the same for everyone: the query is the whole key. */
const REFERENCE = ['reference'];
const byQuery = (query: unknown) => ({ topics: REFERENCE, key: JSON.stringify(query) });

export const referenceRoutes: RouteModule = (app, { db }) => {
  app.addSchema(Source);
  app.addSchema(Sender);

  const requireRegion = async (code: string, path: string) => {
    if (!(await repo.getRegion(db, code))) {
      throw badRequest(`Det finns ingen region med länskod ${code}.`, [{ path, message: 'okänd länskod' }]);
    }
  };
  const requireHealthcareRegion = async (id: string, path: string) => {
    if (!(await repo.getHealthcareRegion(db, id))) {
      throw badRequest(`Det finns ingen sjukvårdsregion "${id}".`, [{ path, message: 'okänd sjukvårdsregion' }]);
    }
  };

  app.get(
    '/api/v1/healthcare-regions',
    { schema: { tags, summary: 'De sex sjukvårdsregionerna med sina regioner', querystring: ListQuery, response: { 200: Page(HealthcareRegion), ...errorResponses(400) } } },
    async (req, reply) =>
      cachedRead(db, req, reply, byQuery(req.query), async () => {
        const page = pageOf(await repo.listHealthcareRegions(db), req.query.limit ?? 50, req.query.cursor, (r) => r.id);
        return { items: page.items, nextCursor: page.nextCursor };
      }),
  );

  app.get(
    '/api/v1/healthcare-regions/:id',
    { schema: { tags, summary: 'En sjukvårdsregion', params: Type.Object({ id: HealthcareRegionId }), response: { 200: HealthcareRegion, ...errorResponses(400, 404) } } },
    async (req) => {
      const r = await repo.getHealthcareRegion(db, req.params.id);
      if (!r) throw notFound(`Sjukvårdsregionen "${req.params.id}"`);
      return r;
    },
  );

  app.get(
    '/api/v1/regions',
    { schema: { tags, summary: 'De 21 regionerna med länskod och sjukvårdsregion(er)', querystring: RegionListQuery, response: { 200: Page(Region), ...errorResponses(400) } } },
    async (req, reply) =>
      cachedRead(db, req, reply, byQuery(req.query), async () => {
        if (req.query.healthcareRegion) await requireHealthcareRegion(req.query.healthcareRegion, 'healthcareRegion');
        const all = await repo.listRegions(db, req.query.healthcareRegion ? { healthcareRegionId: req.query.healthcareRegion } : {});
        const page = pageOf(all, req.query.limit ?? 50, req.query.cursor, (r) => r.code);
        return { items: page.items, nextCursor: page.nextCursor };
      }),
  );

  app.get(
    '/api/v1/regions/:code',
    { schema: { tags, summary: 'En region', params: Type.Object({ code: RegionCode }), response: { 200: Region, ...errorResponses(400, 404) } } },
    async (req) => {
      const r = await repo.getRegion(db, req.params.code);
      if (!r) throw notFound(`Regionen med länskod ${req.params.code}`);
      return r;
    },
  );

  app.get(
    '/api/v1/municipalities',
    {
      schema: {
        tags,
        summary: 'Sveriges 290 kommuner, i svensk bokstavsordning; filtrera på region, sjukvårdsregion eller namn',
        querystring: MunicipalityQuery,
        response: { 200: Page(Municipality), ...errorResponses(400) },
      },
    },
    async (req, reply) =>
      cachedRead(db, req, reply, byQuery(req.query), async () => {
        const { region, healthcareRegion, q, cursor } = req.query;
        const limit = req.query.limit ?? 50;
        if (region) await requireRegion(region, 'region');
        if (healthcareRegion) await requireHealthcareRegion(healthcareRegion, 'healthcareRegion');
        const after = decodeCursor(cursor, 2) as [string, string] | undefined;
        const rows = await repo.listMunicipalities(db, {
          limit,
          ...(region ? { regionCode: region } : {}),
          ...(healthcareRegion ? { healthcareRegionId: healthcareRegion } : {}),
          ...(q ? { q } : {}),
          ...(after ? { after } : {}),
        });
        const page = paginate(rows, limit, (m) => [m.sortKey, m.code]);
        return { items: page.items, nextCursor: page.nextCursor };
      }),
  );

  app.get(
    '/api/v1/municipalities/:code',
    { schema: { tags, summary: 'En kommun', params: Type.Object({ code: MunicipalityCode }), response: { 200: Municipality, ...errorResponses(400, 404) } } },
    async (req) => {
      const m = await repo.getMunicipality(db, req.params.code);
      if (!m) throw notFound(`Kommunen med kod ${req.params.code}`);
      return m;
    },
  );

  app.get(
    '/api/v1/program-areas',
    {
      schema: {
        tags,
        summary: 'De nationella programområdena (NPO) och Nationellt primärvårdsråd, med värdsjukvårdsregion, status och källor',
        querystring: ListQuery,
        response: { 200: Page(ProgramArea), ...errorResponses(400) },
      },
    },
    async (req, reply) =>
      cachedRead(db, req, reply, byQuery(req.query), async () => {
        const [all, sources] = await Promise.all([repo.listProgramAreas(db), repo.sourcesById(db)]);
        const page = pageOf(all, req.query.limit ?? 50, req.query.cursor, (p) => p.id);
        return { items: page.items.map((p) => presentProgramArea(p, sources)), nextCursor: page.nextCursor };
      }),
  );

  app.get(
    '/api/v1/program-areas/:id',
    { schema: { tags, summary: 'Ett nationellt programområde', params: Type.Object({ id: Slug }), response: { 200: ProgramArea, ...errorResponses(400, 404) } } },
    async (req) => {
      const p = await repo.getProgramArea(db, req.params.id);
      if (!p) throw notFound(`Programområdet "${req.params.id}"`);
      return presentProgramArea(p, await repo.sourcesById(db));
    },
  );

  app.get(
    '/api/v1/sources',
    { schema: { tags, summary: 'Källorna bakom referensdata', querystring: ListQuery, response: { 200: Page(Type.Object({ id: Type.String(), section: Type.String(), description: Type.String(), url: Type.Union([Type.String(), Type.Null()]) })), ...errorResponses(400) } } },
    async (req) => {
      const page = pageOf(await repo.listSources(db), req.query.limit ?? 100, req.query.cursor, (s) => s.id);
      return { items: page.items, nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/senders',
    {
      schema: {
        tags,
        summary:
          'Registret över avsändare av remisser och ärenden: myndigheter, SKR, NPO, sjukvårdsregioner, regioner, kommuner och tillagda organisationer; sök på namn, i svensk ordning',
        querystring: SenderQuery,
        response: { 200: SenderList, ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      if (!req.ctx.actor) throw unauthorized();
      const { q, kind } = req.query;
      return { items: await repo.searchSenders(db, { limit: req.query.limit ?? 20, ...(q ? { q } : {}), ...(kind ? { kind } : {}) }) };
    },
  );

  app.post(
    '/api/v1/senders',
    {
      schema: {
        tags,
        summary: 'Lägg till en organisation i registret över avsändare (administratör eller samordnare)',
        body: CreateSenderBody,
        response: { 201: Type.Ref('Sender'), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await addSender(db, req.ctx, req.body)),
  );
};
