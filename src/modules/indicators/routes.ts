/** HTTP for goals, indicators, series, imports, comments, the follow-up report and PDSA cycles. */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { todayInSweden } from '../../platform/clock.js';
import { notFound, unauthorized } from '../../platform/errors.js';
import { sendDownload } from '../../platform/export/spreadsheet.js';
import type { RouteModule } from '../../platform/http/app.js';
import { expectedVersion } from '../../platform/http/concurrency.js';
import { errorResponses, Uuid, VersionHeader } from '../../platform/http/schemas.js';
import { createGoal } from './create-goal.js';
import { removeGoal, updateGoal } from './update-goal.js';
import { createIndicator, updateIndicator } from './create-indicator.js';
import { importValues } from './import-values.js';
import { implementationRoutes } from './implementation-routes.js';
import { createPdsa, listPdsa, presentPdsa, updatePdsa } from './pdsa.js';
import { goalTree, presentGoal, presentImport, presentIndicator } from './presenter.js';
import { buildReport } from './report.js';
import { mayReadFollowup } from './read-access.js';
import { groupTarget } from './scope.js';
import { reportToDocx, reportToPdf } from './report-documents.js';
import * as repo from './repository.js';
import {
  Comment,
  CommentBody,
  CreateGoalBody,
  CreateIndicatorBody,
  CreatePdsaBody,
  FileQuery,
  Goal,
  GoalNode,
  ImportBody,
  ImportStatus,
  Indicator,
  Pdsa,
  Series,
  SeriesQuery,
  UpdateGoalBody,
  UpdateIndicatorBody,
  UpdatePdsaBody,
  ValidationReport,
} from './schemas.js';
import { indicatorSeries } from './series.js';
import { setComment } from './set-comment.js';

const tags = ['Uppföljning'];
const IdParams = Type.Object({ id: Uuid });

export const followupRoutes: RouteModule = async (app, deps) => {
  const { db, config } = deps;
  app.addSchema(Indicator);
  app.addSchema(GoalNode);
  app.addSchema(ImportStatus);

  /** National views: everyone signed in, and anyone when the public view (insyn) is on. */
  const mayRead = (req: FastifyRequest) => {
    if (!config.publicFollowup && !req.ctx.actor) throw unauthorized();
  };
  const signedIn = (req: FastifyRequest) => {
    if (!req.ctx.actor) throw unauthorized();
  };

  app.get(
    '/api/v1/goals',
    {
      schema: {
        tags,
        summary: 'Målträdet: patientlöften → mätbara mål → indikatorer',
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('GoalNode')) }), ...errorResponses(401) },
      },
    },
    async (req) => {
      mayRead(req);
      const [goals, indicators] = await Promise.all([repo.listGoals(db), repo.listIndicators(db)]);
      return { items: goalTree(goals, indicators) };
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
        title: req.body.title.trim(),
        description: req.body.description ?? null,
      });
      return reply.code(201).header('etag', `"${g.version}"`).send(presentGoal(g));
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
      return reply.header('etag', `"${g.version}"`).send(presentGoal(g));
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
      return reply.header('etag', `"${g.version}"`).send(presentGoal(g));
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
          200: Type.Object({ items: Type.Array(Type.Ref('Indicator')), nextCursor: Type.Null() }),
          ...errorResponses(401),
        },
      },
    },
    async (req) => {
      mayRead(req);
      return { items: (await repo.listIndicators(db)).map(presentIndicator), nextCursor: null };
    },
  );

  app.post(
    '/api/v1/indicators',
    {
      schema: {
        tags,
        summary: 'Definiera en nationell indikator (administratör)',
        body: CreateIndicatorBody,
        response: { 201: Type.Ref('Indicator'), ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const row = await createIndicator(db, req.ctx, {
        code: b.code,
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
        summary: 'En indikator',
        params: IdParams,
        response: { 200: Type.Ref('Indicator'), ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      mayRead(req);
      const row = await repo.getIndicator(db, req.params.id);
      if (!row) throw notFound('Indikatorn');
      return reply.header('etag', `"${row.version}"`).send(presentIndicator(row));
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

  app.get(
    '/api/v1/indicators/:id/series',
    {
      schema: {
        tags,
        summary:
          'Indikatorns värden per region och riket per period, med körschema och styrdiagram (signaler för särskilda orsaker)',
        params: IdParams,
        querystring: SeriesQuery,
        response: { 200: Series, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      mayRead(req);
      const ind = await repo.getIndicator(db, req.params.id);
      if (!ind) throw notFound('Indikatorn');
      const areas = req.query.regions
        ? req.query.regions.split(',')
        : (await repo.regionsWithHealthcareRegions(db)).map((r) => r.code);
      const s = await indicatorSeries(db, ind, {
        areas,
        ...(req.query.subArea ? { subArea: req.query.subArea } : {}),
        ...(req.query.from ? { from: req.query.from } : {}),
        ...(req.query.to ? { to: req.query.to } : {}),
      });
      return { indicator: presentIndicator(ind), ...s };
    },
  );

  app.post(
    '/api/v1/indicators/:id/imports',
    {
      schema: {
        tags,
        summary:
          'Läs in värden från CSV/XLSX (base64). dryRun ger valideringsrapporten per rad; en fil med fel läses inte in alls om inte mode = valid-only. Varje period ersätts atomiskt; stora filer läses in av jobbkön (202).',
        params: IdParams,
        body: ImportBody,
        response: {
          200: ValidationReport,
          201: Type.Ref('ImportStatus'),
          202: Type.Ref('ImportStatus'),
          ...errorResponses(400, 401, 403, 404, 413, 422),
        },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const result = await importValues(
        db,
        req.ctx,
        req.params.id,
        {
          fileName: b.fileName,
          format: b.format,
          contentBase64: b.contentBase64,
          mapping: b.mapping,
          mode: b.mode ?? 'all-or-nothing',
          dryRun: b.dryRun ?? false,
        },
        { syncRows: config.followupImportSyncRows },
      );
      if (result.kind === 'report') return reply.code(200).send(result.report);
      return reply.code(result.import.status === 'queued' ? 202 : 201).send(result.import);
    },
  );

  app.get(
    '/api/v1/indicator-imports/:id',
    {
      schema: {
        tags,
        summary: 'En inläsnings läge och förlopp',
        params: IdParams,
        response: { 200: Type.Ref('ImportStatus'), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      signedIn(req);
      const imp = await repo.getImport(db, req.params.id);
      if (!imp) throw notFound('Inläsningen');
      return presentImport(imp);
    },
  );

  app.put(
    '/api/v1/groups/:id/followup-comments',
    {
      schema: {
        tags,
        summary: 'Controllerns kommentar till en indikator för en period (ersätter tidigare kommentar)',
        params: IdParams,
        body: CommentBody,
        response: { 200: Comment, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (req) => {
      const c = await setComment(db, req.ctx, req.params.id, req.body);
      return {
        groupId: c.group_id,
        indicatorId: c.indicator_id,
        period: c.period,
        text: c.text,
        author: c.author_label,
        updatedAt: c.updated_at.toISOString(),
      };
    },
  );

  app.get(
    '/api/v1/groups/:id/followup-report',
    {
      schema: {
        tags,
        summary:
          'Uppföljningsrapport för en grupp (LPO) som PDF eller DOCX: införande, planens läge, indikatorer mot mål och riket, kommentarer',
        params: IdParams,
        querystring: FileQuery(['pdf', 'docx']),
        response: { 200: Type.String({ description: 'PDF- eller DOCX-fil' }), ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      signedIn(req);
      // The report holds the group's plan, statuses and comments: the same readers as those (read-access.ts).
      const { scope } = await groupTarget(db, req.params.id);
      if (!mayReadFollowup(req.ctx.actor, scope)) throw notFound('Gruppen');
      const today = todayInSweden();
      const report = await buildReport(db, req.params.id, today);
      const format = (req.query.format ?? 'pdf') as 'pdf' | 'docx';
      const body = format === 'pdf' ? await reportToPdf(report) : await reportToDocx(report);
      return sendDownload(reply, `${report.title} ${today}.${format}`, format, body);
    },
  );

  app.get(
    '/api/v1/indicators/:id/pdsa-cycles',
    {
      schema: {
        tags,
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
      return {
        items: (await listPdsa(db, { indicatorId: req.params.id, region: req.query.region })).map(presentPdsa),
        nextCursor: null,
      };
    },
  );

  app.post(
    '/api/v1/pdsa-cycles',
    {
      schema: {
        tags,
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
      return reply.code(201).send(presentPdsa(row));
    },
  );

  app.patch(
    '/api/v1/pdsa-cycles/:id',
    {
      schema: {
        tags,
        summary: 'Skriv i en PDSA-cykel eller flytta den ett steg (planera → genomföra → studera → agera → avslutad)',
        params: IdParams,
        headers: VersionHeader,
        body: UpdatePdsaBody,
        response: { 200: Pdsa, ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req) => {
      const { version, ...patch } = req.body;
      return presentPdsa(await updatePdsa(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), patch));
    },
  );

  await implementationRoutes(app, deps);
};
