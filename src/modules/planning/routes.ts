/** HTTP for operational plans and PDSA cycles. */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { notFound, unauthorized } from '../../platform/errors.js';
import type { RouteModule } from '../../platform/http/app.js';
import { expectedVersion } from '../../platform/http/concurrency.js';
import { errorResponses, Uuid, VersionHeader } from '../../platform/http/schemas.js';
import { createPdsa } from './create-pdsa.js';
import { createPlan } from './create-plan.js';
import { presentPdsa } from './pdsa-presenter.js';
import { listPdsaRows } from './pdsa-repository.js';
import { getPlan, listPlans, presentPlan } from './plan-queries.js';
import { mayReadPlan, planningWritable } from './policy.js';
import type { PlanItem } from './rules/plan.js';
import {
  CreatePdsaBody,
  CreatePlanBody,
  Pdsa,
  Plan,
  PlanListQuery,
  PlanningPermissions,
  PlanSummary,
  TransitionPlanBody,
  UpdatePdsaBody,
  UpdatePlanBody,
  type PlanItemInput,
} from './schemas.js';
import { transitionPlan } from './transition-plan.js';
import { updatePdsa } from './update-pdsa.js';
import { updatePlan } from './update-plan.js';
import { annualReportRoutes } from './annual-report-routes.js';
import { obligationRoutes } from './obligation-routes.js';

const IdParams = Type.Object({ id: Uuid });

const items = (list: PlanItemInput[]): PlanItem[] =>
  list.map((i) => ({
    priority: i.priority,
    title: i.title.trim(),
    rationaleKind: i.rationaleKind,
    rationale: i.rationale ?? null,
    ownerName: i.ownerName ?? null,
    supportId: i.supportId ?? null,
    startsOn: i.startsOn ?? null,
    endsOn: i.endsOn ?? null,
    workingGroupStartsOn: i.workingGroupStartsOn ?? null,
    progress: i.progress ?? 'not-started',
  }));

export const planningRoutes: RouteModule = async (app, deps) => {
  const { db } = deps;
  await annualReportRoutes(app, deps);
  await obligationRoutes(app, deps);
  const signedIn = (req: FastifyRequest) => {
    if (!req.ctx.actor) throw unauthorized();
  };
  const tags = ['Införande och planer'];

  app.get(
    '/api/v1/plans',
    {
      schema: {
        tags,
        summary: 'Verksamhetsplaner (tvååriga) för LPO, LSG och sjukvårdsregionala programområden (RMPO)',
        querystring: PlanListQuery,
        response: { 200: Type.Object({ items: Type.Array(PlanSummary), nextCursor: Type.Null() }), ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      signedIn(req);
      const plans = [];
      for (const p of await listPlans(db, req.query)) if (await mayReadPlan(req.ctx, db, p)) plans.push(p);
      return { items: plans, nextCursor: null };
    },
  );

  app.post(
    '/api/v1/plans',
    {
      schema: {
        tags,
        summary: 'Skapa en tvåårig verksamhetsplan (utkast) för en regional grupp',
        body: CreatePlanBody,
        response: { 201: Plan, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const p = await createPlan(db, req.ctx, {
        groupId: req.body.groupId,
        startYear: req.body.startYear,
        title: req.body.title.trim(),
        items: items(req.body.items),
      });
      return reply
        .code(201)
        .header('etag', `"${p.version}"`)
        .send(await presentPlan(db, req.ctx, p));
    },
  );

  app.get(
    '/api/v1/plans/:id',
    {
      schema: {
        tags,
        summary: 'En verksamhetsplan, jämförd med gruppens föregående plan, med de steg anroparen kan ta (allowedActions)',
        params: IdParams,
        response: { 200: Plan, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      signedIn(req);
      const p = await getPlan(db, req.params.id);
      if (!p || !(await mayReadPlan(req.ctx, db, p))) throw notFound('Planen');
      return reply.header('etag', `"${p.version}"`).send(await presentPlan(db, req.ctx, p));
    },
  );

  app.patch(
    '/api/v1/plans/:id',
    {
      schema: {
        tags,
        summary: 'Ändra en plan (If-Match krävs); en fastställd plan ändrar bara insatsernas läge',
        params: IdParams,
        headers: VersionHeader,
        body: UpdatePlanBody,
        response: { 200: Plan, ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const { version, title, items: list } = req.body;
      const p = await updatePlan(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), {
        title: title?.trim(),
        items: list ? items(list) : undefined,
      });
      return reply.header('etag', `"${p.version}"`).send(await presentPlan(db, req.ctx, p));
    },
  );

  app.post(
    '/api/v1/plans/:id/transition',
    {
      schema: {
        tags,
        summary: 'Förankra (agreed) eller fastställ (established, med beslut) en plan',
        params: IdParams,
        headers: VersionHeader,
        body: TransitionPlanBody,
        response: { 200: Plan, ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const { version, ...t } = req.body;
      const p = await transitionPlan(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), t);
      return reply.header('etag', `"${p.version}"`).send(await presentPlan(db, req.ctx, p));
    },
  );

  app.get(
    '/api/v1/planning/permissions',
    {
      schema: {
        tags,
        summary: 'Vilka gruppers planer och vilka regioners PDSA-cykler anroparen får skriva, enligt behörighetstabellen',
        response: { 200: PlanningPermissions, ...errorResponses(401) },
      },
    },
    async (req) => {
      signedIn(req);
      return planningWritable(req.ctx, db);
    },
  );

  const pdsaTags = ['Uppföljning'];

  app.get(
    '/api/v1/indicators/:id/pdsa-cycles',
    {
      schema: {
        tags: pdsaTags,
        summary: 'PDSA-cykler kopplade till indikatorn',
        params: IdParams,
        querystring: Type.Object(
          { region: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Pdsa), nextCursor: Type.Null() }), ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      signedIn(req);
      const rows = await listPdsaRows(db, { indicatorId: req.params.id, region: req.query.region ?? null });
      const items = [];
      for (const r of rows) items.push(await presentPdsa(db, req.ctx, r));
      return { items, nextCursor: null };
    },
  );

  app.post(
    '/api/v1/pdsa-cycles',
    {
      schema: {
        tags: pdsaTags,
        summary: 'Starta en PDSA-cykel (planera) kopplad till en indikator',
        body: CreatePdsaBody,
        response: { 201: Pdsa, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const row = await createPdsa(db, req.ctx, {
        indicatorId: b.indicatorId,
        regionCode: b.regionCode,
        groupId: b.groupId ?? null,
        title: b.title.trim(),
        plan: b.plan ?? null,
        startedOn: b.startedOn ?? null,
      });
      return reply.code(201).send(await presentPdsa(db, req.ctx, row));
    },
  );

  app.patch(
    '/api/v1/pdsa-cycles/:id',
    {
      schema: {
        tags: pdsaTags,
        summary: 'Skriv i en PDSA-cykel eller flytta den ett steg (planera → genomföra → studera → agera → avslutad)',
        params: IdParams,
        headers: VersionHeader,
        body: UpdatePdsaBody,
        response: { 200: Pdsa, ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req) => {
      const { version, ...patch } = req.body;
      const row = await updatePdsa(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), patch);
      return presentPdsa(db, req.ctx, row);
    },
  );
};
