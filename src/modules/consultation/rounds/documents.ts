import { createHash } from 'node:crypto';
import { recordAudit } from '../../../platform/audit/record.js';
import { authorizeRounds } from '../policy.js';
import type { Ctx } from '../../../platform/context.js';
import type { Db, Queryable } from '../../../platform/db/index.js';
import { notFound, unprocessable } from '../../../platform/errors.js';
import type { DocumentKind } from '../../../shared/round-vocabulary.js';
import { presentDocument } from './presenter.js';
import * as repo from './repository.js';

/** Uploads are small (a cover letter, an answer template): larger texts are linked. */
export const ROUND_DOCUMENT_MAX_BYTES = 512 * 1024;

const ALLOWED_MEDIA_TYPES = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'text/plain',
]);

export interface LinkDocumentInput {
  kind: DocumentKind;
  title: string;
  url: string;
}

export interface UploadDocumentInput {
  kind: DocumentKind;
  title: string;
  fileName: string;
  mediaType: string;
  contentBase64: string;
}

export async function addLinkDocument(tx: Queryable, ctx: Ctx, roundId: string, d: LinkDocumentInput) {
  const row = await repo.insertDocument(tx, {
    roundId,
    kind: d.kind,
    title: d.title.trim(),
    url: d.url,
    fileName: null,
    mediaType: null,
    content: null,
    sha256: null,
  });
  await recordAudit(tx, ctx, {
    entityType: 'consultation-round-document',
    entityId: row.id,
    action: 'add',
    after: presentDocument(row),
  });
  return row;
}

/** Decodes and checks an upload: strict base64, size limit, a known document type. */
export function decodeUpload(d: UploadDocumentInput): { content: Buffer; sha256: string } {
  const clean = d.contentBase64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
    throw unprocessable('Filen kunde inte läsas.', [{ path: '/contentBase64', message: 'Innehållet ska vara base64-kodat.' }]);
  }
  const content = Buffer.from(clean, 'base64');
  const errors = [];
  if (content.byteLength === 0) errors.push({ path: '/contentBase64', message: 'Filen är tom.' });
  if (content.byteLength > ROUND_DOCUMENT_MAX_BYTES) {
    errors.push({
      path: '/contentBase64',
      message: `Filen får vara högst ${ROUND_DOCUMENT_MAX_BYTES / 1024} kB; länka större dokument.`,
    });
  }
  if (!ALLOWED_MEDIA_TYPES.has(d.mediaType))
    errors.push({ path: '/mediaType', message: 'Tillåtna format: PDF, Word, Excel, ODT och text.' });
  if (errors.length) throw unprocessable('Filen kunde inte tas emot.', errors);
  return { content, sha256: createHash('sha256').update(content).digest('hex') };
}

export async function addDocument(db: Db, ctx: Ctx, roundId: string, d: LinkDocumentInput | UploadDocumentInput) {
  return db.transaction(async (tx) => {
    authorizeRounds(ctx);
    const round = await repo.getRound(tx, roundId, { forUpdate: true });
    if (!round) throw notFound('Remissomgången');
    if (!d.title.trim()) throw unprocessable('Ange en rubrik.', [{ path: '/title', message: 'Ange en rubrik.' }]);
    if ('url' in d) return addLinkDocument(tx, ctx, roundId, d);
    const { content, sha256 } = decodeUpload(d);
    const fileName = d.fileName.replace(/[/\\]/g, '_').trim();
    if (!fileName) throw unprocessable('Ange filnamn.', [{ path: '/fileName', message: 'Ange filnamn.' }]);
    const row = await repo.insertDocument(tx, {
      roundId,
      kind: d.kind,
      title: d.title.trim(),
      url: null,
      fileName,
      mediaType: d.mediaType,
      content,
      sha256,
    });
    await recordAudit(tx, ctx, {
      entityType: 'consultation-round-document',
      entityId: row.id,
      action: 'add',
      after: presentDocument(row),
    });
    return row;
  });
}

export async function removeDocument(db: Db, ctx: Ctx, roundId: string, documentId: string) {
  return db.transaction(async (tx) => {
    authorizeRounds(ctx);
    const doc = await repo.getDocument(tx, documentId);
    if (!doc || doc.roundId !== roundId) throw notFound('Dokumentet');
    await repo.deleteDocument(tx, documentId);
    const { content: _, ...meta } = doc;
    await recordAudit(tx, ctx, {
      entityType: 'consultation-round-document',
      entityId: documentId,
      action: 'remove',
      before: presentDocument(meta),
    });
  });
}
