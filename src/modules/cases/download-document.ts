import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { forbidden, notFound, Problem } from '../../platform/errors.js';
import * as repo from './repository.js';
import { assertCanRead, canReadSecret } from './policy.js';
import { sha256Hex } from './upload-document.js';

/**
 * Hands out a document: the caller reads the case, a secret case's documents need read access in
 * the region itself, and the bytes must still match their checksum (a damaged document is not
 * handed out: 500, logged). Downloading a secret case's document is audited.
 */
export async function downloadDocument(db: Db, ctx: Ctx, id: string, opts: { onCorrupt?: (documentId: string) => void } = {}) {
  requireActor(ctx.actor);
  const d = await repo.getDocument(db, id);
  if (!d) throw notFound('Handlingen');
  const c = (await repo.getCaseDetail(db, d.caseId))!;
  await assertCanRead(db, ctx, c.region);
  if (c.secret && !canReadSecret(ctx.actor, c.region)) {
    throw forbidden('Handlingen hör till ett sekretessmarkerat ärende och kräver läsbehörighet för ärenden i regionen.');
  }
  const bytes = Buffer.from(d.content);
  if (sha256Hex(bytes) !== d.sha256 || bytes.length !== d.sizeBytes) {
    opts.onCorrupt?.(d.id);
    throw new Problem(
      500,
      'Handlingen är skadad',
      `Handlingen stämmer inte med sin kontrollsumma och lämnas inte ut. Ange begärans id ${ctx.requestId} till supporten.`,
    );
  }
  if (c.secret) {
    await db.transaction((tx) =>
      recordAudit(tx, ctx, { entityType: 'case-document', entityId: d.id, action: 'download', after: { caseId: c.id } }),
    );
  }
  return { document: d, bytes };
}
