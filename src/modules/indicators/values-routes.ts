/** HTTP for an indicator's values: its series, imports, the controller's comments and the group's follow-up report. */
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { todayInSweden } from '../../platform/clock.js';
import { notFound, unauthorized } from '../../platform/errors.js';
import { CONTENT_TYPES } from '../../platform/export/spreadsheet.js';
import { sendDownload } from '../../platform/http/download.js';
import type { RouteModule } from '../../platform/http/app.js';
import { cachedRead } from '../../platform/http/read-cache.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { importValues } from './import-values.js';
import type { ImportState } from './rules/import.js';
import { assertMayReadReport } from './policy.js';
import { presentIndicator } from './presenter.js';
import { buildConsolidatedReport } from './consolidated-report.js';
import { buildReport } from './report.js';
import { reportToDocx, reportToPdf } from './report-documents.js';
import * as repo from './repository.js';
import { Comment, CommentBody, FileQuery, IdParams, ImportBody, Series, SeriesQuery, tags, ValidationReport } from './schemas.js';
import { indicatorSeries, SERIES_TOPICS } from './series.js';
import { setComment } from './set-comment.js';

/** A large file waits for the worker: 202 Accepted. */
const QUEUED: ImportState = 'queued';

export const valuesRoutes: RouteModule = (app, { db, config }) => {
  const mayRead = (req: FastifyRequest) => {
    if (!config.publicFollowup && !req.ctx.actor) throw unauthorized();
  };
  const signedIn = (req: FastifyRequest) => {
    if (!req.ctx.actor) throw unauthorized();
  };

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
    async (req, reply) => {
      // The refusal comes before the cache; past it every reader sees every indicator, national
      // or an organisation's own (policy.ts: the national views), so the answer depends only on
      // the indicator and the query. An unknown indicator throws in the build and is never kept.
      mayRead(req);
      const key = `${req.params.id}\n${JSON.stringify(req.query)}`;
      return cachedRead(db, req, reply, { topics: SERIES_TOPICS, key }, async () => {
        const ind = await repo.getIndicator(db, req.params.id);
        if (!ind) throw notFound('Indikatorn');
        const s = await indicatorSeries(db, ind, {
          ...(req.query.regions ? { areas: req.query.regions.split(',') } : {}),
          ...(req.query.subArea ? { subArea: req.query.subArea } : {}),
          ...(req.query.from ? { from: req.query.from } : {}),
          ...(req.query.to ? { to: req.query.to } : {}),
          ...(req.query.gender ? { gender: req.query.gender } : {}),
        });
        return { indicator: presentIndicator(ind), ...s };
      });
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
      return reply.code(result.import.status === QUEUED ? 202 : 201).send(result.import);
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
      return imp;
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
      return setComment(db, req.ctx, req.params.id, req.body);
    },
  );

  app.get(
    '/api/v1/groups/:id/consolidated-followup-report',
    {
      schema: {
        tags,
        summary:
          'Sammanhållen uppföljningsrapport för ett kunskapsråd (PDF eller DOCX): läget i varje programområde som rapporterar till rådet, och rådets återkommande åtaganden',
        params: IdParams,
        querystring: FileQuery(['pdf', 'docx']),
        response: { 200: Type.String({ description: 'PDF- eller DOCX-fil' }), ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      signedIn(req);
      // The council's readers: the same rule as a group's own report (policy.ts).
      await assertMayReadReport(req.ctx, db, req.params.id);
      return sendReport(reply, req.query.format, (today) => buildConsolidatedReport(db, req.params.id, today));
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
      // The report holds the group's plan, statuses and comments: the same readers as those (policy.ts).
      await assertMayReadReport(req.ctx, db, req.params.id);
      return sendReport(reply, req.query.format, (today) => buildReport(db, req.params.id, today));
    },
  );
};

/** A follow-up report as of today in Sweden, as PDF (the default) or DOCX, named by its title and the day. */
async function sendReport(
  reply: FastifyReply,
  format: string | undefined,
  build: (today: string) => Promise<Parameters<typeof reportToPdf>[0]>,
) {
  const today = todayInSweden();
  const report = await build(today);
  const kind = (format ?? 'pdf') as 'pdf' | 'docx';
  const body = kind === 'pdf' ? await reportToPdf(report) : await reportToDocx(report);
  return sendDownload(reply, { filename: `${report.title} ${today}.${kind}`, contentType: CONTENT_TYPES[kind], body });
}
