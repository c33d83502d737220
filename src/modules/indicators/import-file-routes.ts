/**
 * HTTP for indicator files sent as the request body (a national file of a million rows), a
 * cancel and the result report. The upload route has its own parser (the body passes through as
 * a stream, never buffered) and its own size limit (NAVET_FOLLOWUP_IMPORT_MAX_BYTES); the rest
 * of the API stays JSON with the small body limit.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Readable } from 'node:stream';
import { Readable as ReadableStream } from 'node:stream';
import { Type } from 'typebox';
import { requireActor } from '../../platform/auth/policy.js';
import { unauthorized } from '../../platform/errors.js';
import { contentDisposition } from '../../platform/http/download.js';
import type { RouteModule } from '../../platform/http/app.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { cancelImport } from './cancel-import.js';
import { importReport } from './download-import-report.js';
import { IdParams, tags, UploadQuery } from './schemas.js';
import { fileTooLarge, uploadImport } from './upload-import.js';

export const importFileRoutes: RouteModule = async (app, { db, config }) => {
  await app.register(async (plain) => {
    const files = plain.withTypeProvider<TypeBoxTypeProvider>();
    files.removeAllContentTypeParsers();
    // The body stays a stream: the use case stores it chunk by chunk.
    files.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    files.post(
      '/api/v1/indicators/:id/imports/upload',
      {
        bodyLimit: config.followupImportMaxBytes,
        schema: {
          tags,
          summary:
            'Läs in värden från en stor CSV-fil som skickas som kropp (text/csv eller application/octet-stream), utan base64. Kolumnerna anges i frågesträngen (area, period, value, gender, subArea, numerator, denominator, layout), liksom fileName, mode och dryRun. UTF-8 med eller utan BOM eller Latin-1, semikolon, komma eller tabb, decimalkomma. Filen sparas i databasen och läses av jobbkön (202) med förlopp; rubrikraden kontrolleras direkt (422, inget sparas). Högst NAVET_FOLLOWUP_IMPORT_MAX_BYTES (413).',
          params: IdParams,
          querystring: UploadQuery,
          response: { 202: Type.Ref('ImportStatus'), ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
        },
      },
      async (req, reply) => {
        if (!req.ctx.actor) throw unauthorized();
        requireActor(req.ctx.actor);
        const declared = Number(req.headers['content-length']);
        if (Number.isFinite(declared) && declared > config.followupImportMaxBytes)
          throw fileTooLarge(config.followupImportMaxBytes);
        const body = req.body as Readable | undefined;
        const stream: AsyncIterable<Buffer> = body ?? ReadableStream.from([]);
        const q = req.query;
        try {
          const imp = await uploadImport(db, req.ctx, req.params.id, {
            fileName: q.fileName,
            mapping: {
              area: q.area,
              period: q.period,
              value: q.value,
              subArea: q.subArea,
              gender: q.gender,
              numerator: q.numerator,
              denominator: q.denominator,
              layout: q.layout,
            },
            mode: q.mode ?? 'all-or-nothing',
            dryRun: q.dryRun ?? false,
            body: stream,
            maxBytes: config.followupImportMaxBytes,
          });
          return await reply.code(202).send(imp);
        } finally {
          // Whatever was refused, the rest of the body is read and dropped, so the client hears the answer.
          if (body && !body.readableEnded) body.resume();
        }
      },
    );
  });

  app.post(
    '/api/v1/indicator-imports/:id/cancel',
    {
      schema: {
        tags,
        summary:
          'Avbryt en inläsning: en väntande avbryts direkt, en pågående vid nästa sats (varje redan skriven period står kvar hel, inget annat skrivs). Den som startade den, eller en indikatoradministratör.',
        params: IdParams,
        response: { 200: Type.Ref('ImportStatus'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => cancelImport(db, req.ctx, req.params.id),
  );

  app.get(
    '/api/v1/indicator-imports/:id/report.csv',
    {
      schema: {
        tags,
        summary: 'Inläsningens resultatrapport som CSV (semikolon, UTF-8 med BOM): sammanfattning och varje rad med fel',
        params: IdParams,
        response: { 200: Type.Unsafe<Readable>({ type: 'string', description: 'CSV-fil' }), ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      if (!req.ctx.actor) throw unauthorized();
      const r = await importReport(db, req.params.id);
      // Fastify destroys the stream when the client goes, which ends the generator's paging.
      const stream = ReadableStream.from(r.lines);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(r.fileName))
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );
};
