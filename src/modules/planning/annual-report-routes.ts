/** HTTP for the program areas' annual reports (årsrapporter, seed 001). */
import { Type } from 'typebox';
import { notFound, unauthorized } from '../../platform/errors.js';
import type { RouteModule } from '../../platform/http/app.js';
import { expectedVersion } from '../../platform/http/concurrency.js';
import { errorResponses, Uuid, VersionHeader } from '../../platform/http/schemas.js';
import * as repo from './annual-report-repository.js';
import { listVisibleReports, mayReadReport, presentAnnualReport } from './annual-report-queries.js';
import {
  AnnualReport,
  AnnualReportListQuery,
  AnnualReportSummary,
  CreateAnnualReportBody,
  TransitionAnnualReportBody,
  UpdateAnnualReportBody,
} from './annual-report-schemas.js';
import { createAnnualReport } from './create-annual-report.js';
import { transitionAnnualReport } from './transition-annual-report.js';
import { updateAnnualReport } from './update-annual-report.js';

const IdParams = Type.Object({ id: Uuid });

export const annualReportRoutes: RouteModule = (app, { db }) => {
  const tags = ['Införande och planer'];

  app.get(
    '/api/v1/annual-reports',
    {
      schema: {
        tags,
        summary: 'Programområdenas årsrapporter (RMPO, LPO); followedBy = rådet de rapporterar till',
        querystring: AnnualReportListQuery,
        response: {
          200: Type.Object({ items: Type.Array(AnnualReportSummary), nextCursor: Type.Null() }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (req) => {
      if (!req.ctx.actor) throw unauthorized();
      return { items: await listVisibleReports(db, req.ctx, req.query), nextCursor: null };
    },
  );

  app.post(
    '/api/v1/annual-reports',
    {
      schema: {
        tags,
        summary: 'Skriv ett programområdes årsrapport för ett år (utkast)',
        body: CreateAnnualReportBody,
        response: { 201: AnnualReport, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const r = await createAnnualReport(db, req.ctx, {
        groupId: b.groupId,
        year: b.year,
        summary: b.summary.trim(),
        goalFulfilment: b.goalFulfilment?.trim() || null,
        improvementNeeds: b.improvementNeeds?.trim() || null,
      });
      return reply
        .code(201)
        .header('etag', `"${r.version}"`)
        .send(await presentAnnualReport(db, req.ctx, r));
    },
  );

  app.get(
    '/api/v1/annual-reports/:id',
    {
      schema: {
        tags,
        summary: 'En årsrapport med de steg anroparen kan ta (allowedActions)',
        params: IdParams,
        response: { 200: AnnualReport, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      if (!req.ctx.actor) throw unauthorized();
      const r = await repo.getAnnualReport(db, req.params.id);
      if (!r || !(await mayReadReport(req.ctx, db, r))) throw notFound('Årsrapporten');
      return reply.header('etag', `"${r.version}"`).send(await presentAnnualReport(db, req.ctx, r));
    },
  );

  app.patch(
    '/api/v1/annual-reports/:id',
    {
      schema: {
        tags,
        summary: 'Ändra en årsrapport som är ett utkast (If-Match krävs)',
        params: IdParams,
        headers: VersionHeader,
        body: UpdateAnnualReportBody,
        response: { 200: AnnualReport, ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body;
      const r = await updateAnnualReport(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), {
        summary: patch.summary?.trim(),
        goalFulfilment: patch.goalFulfilment === undefined ? undefined : patch.goalFulfilment?.trim() || null,
        improvementNeeds: patch.improvementNeeds === undefined ? undefined : patch.improvementNeeds?.trim() || null,
      });
      return reply.header('etag', `"${r.version}"`).send(await presentAnnualReport(db, req.ctx, r));
    },
  );

  app.post(
    '/api/v1/annual-reports/:id/transition',
    {
      schema: {
        tags,
        summary: 'Lämna in (submitted) en årsrapport, eller notera den (noted) i rådet den rapporterar till, med beslut',
        params: IdParams,
        headers: VersionHeader,
        body: TransitionAnnualReportBody,
        response: { 200: AnnualReport, ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const { version, ...t } = req.body;
      const r = await transitionAnnualReport(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), t);
      return reply.header('etag', `"${r.version}"`).send(await presentAnnualReport(db, req.ctx, r));
    },
  );
};
