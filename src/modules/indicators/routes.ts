/** HTTP for the goal tree and the indicators (national and the organisations' own); their values, the heatmap and the report register beside them. */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { notFound, unauthorized } from '../../platform/errors.js';
import type { RouteModule } from '../../platform/http/app.js';
import { expectedVersion } from '../../platform/http/concurrency.js';
import { errorResponses, VersionHeader } from '../../platform/http/schemas.js';
import { createGoal } from './create-goal.js';
import { createIndicator } from './create-indicator.js';
import { heatmapRoutes } from './heatmap-routes.js';
import { goalOwnersWritable, indicatorOwnersWritable, mayWriteIndicator } from './policy.js';
import { goalTree, presentIndicator } from './presenter.js';
import { removeGoal } from './remove-goal.js';
import * as repo from './repository.js';
import {
  CreateGoalBody,
  CreateIndicatorBody,
  Goal,
  GoalNode,
  IdParams,
  ImportStatus,
  Indicator,
  IndicatorDetail,
  UpdateGoalBody,
  tags,
  UpdateIndicatorBody,
} from './schemas.js';
import { updateGoal } from './update-goal.js';
import { updateIndicator } from './update-indicator.js';
import { sourceRoutes } from './source-routes.js';
import { unitRoutes } from './unit-routes.js';
import { valuesRoutes } from './values-routes.js';
import { importFileRoutes } from './import-file-routes.js';

export const indicatorRoutes: RouteModule = async (app, deps) => {
  const { db, config } = deps;
  app.addSchema(Indicator);
  app.addSchema(GoalNode);
  app.addSchema(ImportStatus);

  /** National views: everyone signed in, and anyone when the public view (insyn) is on. */
  const mayRead = (req: FastifyRequest) => {
    if (!config.publicFollowup && !req.ctx.actor) throw unauthorized();
  };

  app.get(
    '/api/v1/goals',
    {
      schema: {
        tags,
        summary: 'Målträdet: patientlöften → mätbara mål → indikatorer',
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref('GoalNode')),
            writableOwners: Type.Array(Type.String(), {
              description: 'Owners (national, healthcare regions, regions) whose goals the caller writes',
            }),
          }),
          ...errorResponses(401),
        },
      },
    },
    async (req) => {
      mayRead(req);
      const [goals, indicators] = await Promise.all([repo.listGoals(db), repo.listIndicators(db)]);
      return { items: goalTree(goals, indicators), writableOwners: await goalOwnersWritable(req.ctx, db) };
    },
  );

  app.post(
    '/api/v1/goals',
    {
      schema: {
        tags,
        summary: 'Skapa ett patientlöfte (utan parentId) eller ett mål under ett löfte eller mål',
        body: CreateGoalBody,
        response: { 201: Goal, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      const g = await createGoal(db, req.ctx, {
        parentId: req.body.parentId ?? null,
        owner: req.body.owner,
        groupId: req.body.groupId ?? null,
        title: req.body.title.trim(),
        description: req.body.description ?? null,
      });
      return reply.code(201).header('etag', `"${g.version}"`).send(g);
    },
  );

  app.get(
    '/api/v1/goals/:id',
    {
      schema: {
        tags,
        summary: 'Ett patientlöfte eller mål',
        params: IdParams,
        response: { 200: Goal, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      mayRead(req);
      const g = await repo.getGoal(db, req.params.id);
      if (!g) throw notFound('Målet');
      return reply.header('etag', `"${g.version}"`).send(g);
    },
  );

  app.patch(
    '/api/v1/goals/:id',
    {
      schema: {
        tags,
        summary:
          'Ändra ett patientlöfte eller mål: titel, beskrivning, ägare, eller flytta ett mål under ett annat (If-Match krävs)',
        params: IdParams,
        headers: VersionHeader,
        body: UpdateGoalBody,
        response: { 200: Goal, ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body;
      const g = await updateGoal(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), {
        ...patch,
        ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
      });
      return reply.header('etag', `"${g.version}"`).send(g);
    },
  );

  app.delete(
    '/api/v1/goals/:id',
    {
      schema: {
        tags,
        summary:
          'Ta bort ett patientlöfte eller mål (If-Match eller ?version krävs); 409 när delmål eller indikatorer hänger under det',
        params: IdParams,
        querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (req, reply) => {
      await removeGoal(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], req.query.version));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/indicators',
    {
      schema: {
        tags,
        summary: 'Indikatorer i svensk bokstavsordning',
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref('Indicator')),
            nextCursor: Type.Null(),
            writableOwners: Type.Array(Type.String(), {
              description: 'Ägare (national, sjukvårdsregioner, regioner) vars indikatorer den inloggade definierar',
            }),
          }),
          ...errorResponses(401),
        },
      },
    },
    async (req) => {
      mayRead(req);
      return {
        items: (await repo.listIndicators(db)).map(presentIndicator),
        nextCursor: null,
        writableOwners: await indicatorOwnersWritable(req.ctx, db),
      };
    },
  );

  app.post(
    '/api/v1/indicators',
    {
      schema: {
        tags,
        summary:
          'Definiera en indikator: nationell (nationella roller) eller en regions, sjukvårdsregions eller kommuns egen (samordnare och controller; målnivåer samordnaren)',
        body: CreateIndicatorBody,
        response: { 201: Type.Ref('Indicator'), ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const row = await createIndicator(db, req.ctx, {
        code: b.code,
        owner: b.owner ?? 'national',
        goalId: b.goalId ?? null,
        name: b.name.trim(),
        definition: b.definition.trim(),
        unit: b.unit.trim(),
        direction: b.direction,
        periodicity: b.periodicity,
        source: b.source,
        sourceName: b.sourceName ?? null,
        targetValue: b.targetValue ?? null,
        alertValue: b.alertValue ?? null,
        programAreaId: b.programAreaId ?? null,
      });
      return reply.code(201).header('etag', `"${row.version}"`).send(presentIndicator(row));
    },
  );

  app.get(
    '/api/v1/indicators/:id',
    {
      schema: {
        tags,
        summary: 'En indikator, med vad den inloggade får göra med den',
        params: IdParams,
        response: { 200: IndicatorDetail, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      mayRead(req);
      const row = await repo.getIndicator(db, req.params.id);
      if (!row) throw notFound('Indikatorn');
      const [edit, targets] = await Promise.all([
        mayWriteIndicator(req.ctx, db, row.owner, 'definition'),
        mayWriteIndicator(req.ctx, db, row.owner, 'targets'),
      ]);
      const allowedActions = [...(edit ? (['edit'] as const) : []), ...(edit && targets ? (['set-targets'] as const) : [])];
      return reply.header('etag', `"${row.version}"`).send({ ...presentIndicator(row), allowedActions });
    },
  );

  app.patch(
    '/api/v1/indicators/:id',
    {
      schema: {
        tags,
        summary: 'Ändra en indikator (If-Match krävs)',
        params: IdParams,
        headers: VersionHeader,
        body: UpdateIndicatorBody,
        response: { 200: Type.Ref('Indicator'), ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body as Record<string, unknown> & { version?: number };
      const row = await updateIndicator(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), patch);
      return reply.header('etag', `"${row.version}"`).send(presentIndicator(row));
    },
  );

  await valuesRoutes(app, deps);
  await importFileRoutes(app, deps);
  await heatmapRoutes(app, deps);
  await sourceRoutes(app, deps);
  await unitRoutes(app, deps);
};
