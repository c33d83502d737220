import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sendDownload } from '../../platform/http/download.js';
import { Type } from 'typebox';
import { requireActor } from '../../platform/auth/policy.js';
import { Problem } from '../../platform/errors.js';
import type { RouteModule } from '../../platform/http/app.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { downloadDocument } from './download-document.js';
import { listCaseDocuments } from './list-case-documents.js';
import { presentDocument } from './presenter.js';
import * as repo from './repository.js';
import { claimedSha256 } from './rules/file-type.js';
import * as s from './schemas.js';
import { showsSecret } from './policy.js';
import { uploadDocument } from './upload-document.js';

const tags = ['Ärenden'];

/** A case's documents: the list, the upload (the file itself as the body) and the download. */
export const caseDocumentRoutes: RouteModule = async (app, { db, config }) => {
  app.get(
    '/api/v1/cases/:id/documents',
    {
      schema: {
        tags,
        summary:
          'Ärendets handlingar (metadata med SHA-256). I ett sekretessmarkerat ärende visas filnamnen bara för den som får läsa handlingarna.',
        params: s.IdParams,
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('CaseDocument')) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => ({ items: await listCaseDocuments(db, req.ctx, req.params.id) }),
  );

  // The upload takes the file itself as the body (any content type), so it gets its own parser
  // and size limit in an encapsulated context; the rest of the API stays JSON only.
  await app.register(async (plain) => {
    const files = plain.withTypeProvider<TypeBoxTypeProvider>();
    files.removeAllContentTypeParsers();
    files.addContentTypeParser('*', (_req, payload, done) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let failed = false;
      payload.on('data', (chunk: Buffer) => {
        if (failed) return;
        size += chunk.length;
        if (size > config.uploadMaxBytes) {
          failed = true;
          done(tooLarge(config.uploadMaxBytes), undefined);
          payload.resume();
          return;
        }
        chunks.push(chunk);
      });
      payload.on('end', () => {
        if (!failed) done(null, Buffer.concat(chunks));
      });
      payload.on('error', (err: Error) => {
        if (!failed) done(err, undefined);
      });
    });
    files.post(
      '/api/v1/cases/:id/documents',
      {
        bodyLimit: config.uploadMaxBytes,
        schema: {
          tags,
          summary:
            'Ladda upp en handling: kroppen är filen själv (application/octet-stream eller filens typ), filnamnet i ?fileName= eller X-File-Name. Typen avgörs av innehållet (PDF, DOCX, XLSX, ODT, PNG, JPEG, text, CSV). Skicka gärna SHA-256 i Repr-Digest/Digest/X-Checksum-Sha256; fel kontrollsumma avvisas. För stor fil → 413. Diariets uppgifter i frågesträngen: documentType (handlingstyp), direction (inkommande, upprattad — standard — eller utgaende), counterpart (avsändare för inkommande, mottagare för utgående) och documentDate (standard: i dag).',
          params: s.IdParams,
          querystring: s.UploadQuery,
          response: { 201: Type.Ref('CaseDocument'), ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422) },
        },
      },
      async (req, reply) => {
        requireActor(req.ctx.actor);
        const declared = Number(req.headers['content-length']);
        if (Number.isFinite(declared) && declared > config.uploadMaxBytes) throw tooLarge(config.uploadMaxBytes);
        const bytes: unknown = req.body;
        if (!(bytes instanceof Buffer)) throw new Problem(415, 'Fel innehållstyp', 'Skicka filen själv som kropp.');
        const header = (name: string) => {
          const v = req.headers[name];
          return typeof v === 'string' ? v : undefined;
        };
        const fileName = req.query.fileName ?? decodeFileNameHeader(header('x-file-name'));
        if (!fileName) {
          throw new Problem(422, 'Ogiltiga uppgifter', 'Ange filens namn i ?fileName= eller rubriken X-File-Name.', [
            { path: 'fileName', message: 'saknas' },
          ]);
        }
        const hex = req.query.sha256 ?? header('x-checksum-sha256');
        const claimed = claimedSha256({
          ...(hex !== undefined ? { hex } : {}),
          ...(header('repr-digest') !== undefined ? { reprDigest: header('repr-digest')! } : {}),
          ...(header('digest') !== undefined ? { digest: header('digest')! } : {}),
        });
        const { documentType, direction, counterpart, documentDate } = req.query;
        const row = await uploadDocument(db, req.ctx, req.params.id, {
          fileName,
          bytes,
          claimedSha256: claimed,
          documentType,
          direction,
          counterpart,
          documentDate,
        });
        const c = (await repo.getCase(db, req.params.id)) as repo.CaseFlowRow;
        return reply.code(201).send(presentDocument(row, showsSecret(c, req.ctx.actor)));
      },
    );
  });

  app.get(
    '/api/v1/case-documents/:id/content',
    {
      schema: {
        tags,
        summary:
          'Hämta en handling. Kontrollsumman verifieras före sändning. Handlingar i sekretessmarkerade ärenden kräver läsbehörighet i regionen.',
        params: s.IdParams,
        response: {
          200: Type.Unsafe<Buffer>({
            type: 'string',
            format: 'binary',
            description: 'Handlingens innehåll, med sin egen Content-Type',
          }),
          ...errorResponses(400, 401, 403, 404, 500),
        },
      },
    },
    async (req, reply) => {
      const { document: d, bytes } = await downloadDocument(db, req.ctx, req.params.id, {
        onCorrupt: (documentId) => req.log.error({ documentId }, 'case document failed its checksum'),
      });
      void reply
        .header('content-length', String(bytes.length))
        .header('repr-digest', `sha-256=:${Buffer.from(d.sha256, 'hex').toString('base64')}:`)
        .header('etag', `"${d.sha256}"`);
      return sendDownload(reply, { filename: d.fileName, contentType: d.contentType, body: bytes });
    },
  );
};

function tooLarge(max: number): Problem {
  const mb = (max / (1024 * 1024)).toLocaleString('sv-SE', { maximumFractionDigits: 1 });
  return new Problem(413, 'Filen är för stor', `Filen får vara högst ${mb} MB (${max} byte).`, [
    { path: 'file', message: 'för stor' },
  ]);
}

/** X-File-Name may be percent-encoded so that å, ä, ö survive an HTTP header. */
function decodeFileNameHeader(v: string | undefined): string | undefined {
  if (!v) return undefined;
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}
