/** HTTP for implementation statuses, their history, and the open data of them. */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { notFound, unauthorized } from '../../platform/errors.js';
import type { Column } from '../../platform/export/spreadsheet.js';
import type { RouteModule } from '../../platform/http/app.js';
import { expectedVersion } from '../../platform/http/concurrency.js';
import { OpenDataPageQuery, sendOpenData } from '../../platform/http/open-data.js';
import { errorResponses, Uuid, VersionHeader } from '../../platform/http/schemas.js';
import { createImplementationStatus } from './create-status.js';
import { mayReadRegionWork, regionsWritable } from './policy.js';
import { presentStatus } from './presenter.js';
import * as repo from './repository.js';
import {
  CreateStatusBody,
  FileQuery,
  ImplementationPermissions,
  ImplementationStatus,
  StatusHistory,
  StatusListQuery,
  UpdateStatusBody,
} from './schemas.js';
import { statusHistory } from './status-history.js';
import { updateImplementationStatus } from './update-status.js';

const tags = ['Införande och planer'];
const IdParams = Type.Object({ id: Uuid });
/** What the open data of statuses is read from (migration 0057): statuses, supports and versions, and the LPOs' names. */
const OPEN_DATA_TOPICS = ['implementation', 'groups'];

export const implementationRoutes: RouteModule = (app, { db }) => {
  app.addSchema(ImplementationStatus);

  const signedIn = (req: FastifyRequest) => {
    if (!req.ctx.actor) throw unauthorized();
  };
  /** A status the caller may read in detail (policy.ts), or 404. */
  const readableStatus = async (req: FastifyRequest, id: string) => {
    signedIn(req);
    const row = await repo.getStatus(db, id);
    if (!row || !(await mayReadRegionWork(req.ctx, db, { regionCode: row.regionCode, groupId: row.groupId }))) {
      throw notFound('Statusen');
    }
    return row;
  };

  app.get(
    '/api/v1/implementation-statuses',
    {
      schema: {
        tags,
        summary: 'Införandestatus per kunskapsstöd (version) och region eller LPO',
        querystring: StatusListQuery,
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('ImplementationStatus')), nextCursor: Type.Null() }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (req) => {
      signedIn(req);
      const rows = await repo.listStatuses(db, { ...req.query, limit: req.query.limit ?? 200 });
      const items = [];
      for (const r of rows) {
        if (await mayReadRegionWork(req.ctx, db, { regionCode: r.regionCode, groupId: r.groupId })) {
          items.push(await presentStatus(db, req.ctx, r));
        }
      }
      return { items, nextCursor: null };
    },
  );

  app.get(
    '/api/v1/implementation-statuses/:id',
    {
      schema: {
        tags,
        summary: 'En införandestatus, med de statusar anroparen kan flytta den till (allowedActions)',
        params: IdParams,
        response: { 200: Type.Ref('ImplementationStatus'), ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      const row = await readableStatus(req, req.params.id);
      return reply.header('etag', `"${row.version}"`).send(await presentStatus(db, req.ctx, row));
    },
  );

  app.get(
    '/api/v1/implementation-statuses/:id/history',
    {
      schema: {
        tags,
        summary: 'En införandestatus historik: varje status den haft och från vilket datum, nyast först',
        params: IdParams,
        response: { 200: StatusHistory, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      await readableStatus(req, req.params.id);
      return { items: await statusHistory(db, req.params.id) };
    },
  );

  app.post(
    '/api/v1/implementation-statuses',
    {
      schema: {
        tags,
        summary: 'Registrera ett kunskapsstöds införandestatus i en region (regionens samordnare)',
        body: CreateStatusBody,
        response: { 201: Type.Ref('ImplementationStatus'), ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const { supportVersionId, regionCode, groupId, ...b } = req.body;
      const row = await createImplementationStatus(
        db,
        req.ctx,
        { supportVersionId, regionCode, groupId: groupId ?? null },
        {
          kind: b.kind ?? 'implement',
          status: b.status,
          notApplicableReason: b.notApplicableReason ?? null,
          decisionDate: b.decisionDate ?? null,
          decisionForumId: b.decisionForumId ?? null,
          decisionCaseId: b.decisionCaseId ?? null,
          decisionParagraphId: b.decisionParagraphId ?? null,
          decisionElsewhere: b.decisionElsewhere ?? null,
          legacyDecisionForum: null,
          legacyDecisionCaseRef: null,
          responsibleGroupId: b.responsibleGroupId ?? null,
          plannedStart: b.plannedStart ?? null,
          plannedDone: b.plannedDone ?? null,
          actualStart: b.actualStart ?? null,
          actualDone: b.actualDone ?? null,
          notes: b.notes ?? null,
        },
      );
      return reply
        .code(201)
        .header('etag', `"${row.version}"`)
        .send(await presentStatus(db, req.ctx, row));
    },
  );

  app.patch(
    '/api/v1/implementation-statuses/:id',
    {
      schema: {
        tags,
        summary: 'Ändra en införandestatus enligt tillståndsmaskinen (If-Match krävs)',
        params: IdParams,
        headers: VersionHeader,
        body: UpdateStatusBody,
        response: { 200: Type.Ref('ImplementationStatus'), ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body;
      const row = await updateImplementationStatus(
        db,
        req.ctx,
        req.params.id,
        expectedVersion(req.headers['if-match'], version),
        patch,
      );
      return reply.header('etag', `"${row.version}"`).send(await presentStatus(db, req.ctx, row));
    },
  );

  app.get(
    '/api/v1/implementation/permissions',
    {
      schema: {
        tags,
        summary: 'Var anroparen får registrera och ändra införandestatus (regionerna), enligt behörighetstabellen',
        response: { 200: ImplementationPermissions, ...errorResponses(401) },
      },
    },
    async (req) => {
      signedIn(req);
      return { writeRegions: await regionsWritable(req.ctx, db) };
    },
  );

  // Open data: non-personal, always public (who changed a status is left out).
  app.get(
    '/api/v1/open-data/implementation-statuses',
    {
      schema: {
        tags: ['Öppna data'],
        summary:
          'Öppna data: införandestatus per kunskapsstöd och region (JSON eller CSV), i sidor med länk till nästa (next, Link), strömmade',
        querystring: Type.Object(
          { ...FileQuery(['json', 'csv']).properties, ...OpenDataPageQuery },
          { additionalProperties: false },
        ),
        response: { 200: Type.Unknown({ description: 'JSON-lista eller CSV-fil' }), ...errorResponses(400) },
      },
    },
    async (req, reply) => {
      type Row = Awaited<ReturnType<typeof repo.openImplementationStatuses>>[number];
      // The page's key stays out of the published rows.
      const item = ({ supportVersionId: _version, unitKey: _unit, ...published }: Row): repo.OpenImplementationStatus =>
        published;
      type Item = repo.OpenImplementationStatus;
      return sendOpenData<Row, repo.OpenStatusKey, Item>(
        req,
        reply,
        {
          arity: 3,
          pageEnd: (after, limit) => repo.openImplementationStatusPageEnd(db, after, limit),
          read: (after, until, limit) => repo.openImplementationStatuses(db, { after, until, limit }),
          keyOf: (r) => [r.supportVersionId, r.region, r.unitKey],
          item,
          csv: {
            filename: 'inforandestatus.csv',
            columns: (
              ['supportId', 'support', 'version', 'region', 'lpo', 'kind', 'status', 'decisionDate', 'implementedOn'] as const
            ).map((k): Column<Item> => ({ header: k, value: (r: Item) => r[k] })),
          },
        },
        req.query,
        { db, topics: OPEN_DATA_TOPICS },
      );
    },
  );
};
