import { createHash } from 'node:crypto';
import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, notFound, Problem, unprocessable } from '../../platform/errors.js';
import { presentDocument } from './presenter.js';
import * as repo from './repository.js';
import { isClosed } from './rules/lifecycle.js';
import { checkFile } from './rules/file-type.js';
import { settleDocumentRegistration, type DocumentRegistration } from './rules/diarium.js';
import { clock } from '../../platform/clock.js';
import { assertCanRead, assertMay } from './policy.js';

export const sha256Hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * Stores a document on a case, in the database. The type is decided from the bytes and must
 * agree with the file name; a checksum the client sent must match what arrived. A case the caller
 * cannot read is 404. The document is registered as the diarium wants it (rules/diarium.ts):
 * handlingstyp, direction (upprättad unless said), sender or recipient, and its date (today unless said).
 */
export async function uploadDocument(
  db: Db,
  ctx: Ctx,
  caseId: string,
  input: { fileName: string; bytes: Uint8Array; claimedSha256?: string | null | undefined } & DocumentRegistration,
) {
  requireActor(ctx.actor);
  return db.transaction(async (tx) => {
    const c = await repo.getCase(tx, caseId);
    if (!c) throw notFound('Ärendet');
    await assertCanRead(tx, ctx, c.region);
    const actor = await assertMay(tx, ctx, 'cases.handle', c.region);
    if (isClosed(c.status)) throw conflict('Ärendet är avslutat och tar inte emot nya handlingar.');
    const verdict = checkFile(input.fileName, input.bytes);
    if (!verdict.ok) {
      if (verdict.status === 415)
        throw new Problem(415, 'Filtypen tas inte emot', verdict.message, [{ path: 'file', message: verdict.message }]);
      throw unprocessable(verdict.message, [{ path: 'fileName', message: verdict.message }]);
    }
    const registration = settleDocumentRegistration(input, clock.today());
    if (!registration.ok) throw unprocessable(registration.errors.map((e) => e.message).join(' '), registration.errors);
    const sha256 = sha256Hex(input.bytes);
    if (input.claimedSha256 === null) {
      throw unprocessable('Kontrollsumman kunde inte läsas. Skicka SHA-256 som Repr-Digest, Digest eller X-Checksum-Sha256.', [
        { path: 'digest', message: 'oläslig kontrollsumma' },
      ]);
    }
    if (input.claimedSha256 !== undefined && input.claimedSha256 !== sha256) {
      throw unprocessable('Filen kom inte fram oskadd: kontrollsumman (SHA-256) stämmer inte. Ladda upp den igen.', [
        { path: 'digest', message: 'kontrollsumman stämmer inte' },
      ]);
    }
    const row = await repo.insertDocument(tx, {
      caseId,
      fileName: verdict.fileName,
      contentType: verdict.contentType,
      sha256,
      content: input.bytes,
      uploadedBy: actor.via === 'system' ? null : actor.userId,
      uploadedByLabel: actor.name,
      ...registration.value,
    });
    await recordAudit(tx, ctx, {
      entityType: 'case-document',
      entityId: row.id,
      action: 'upload',
      after: presentDocument(row, true),
    });
    return row;
  });
}
