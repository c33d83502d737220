import { createHash, randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/record.js';
import { can, requireActor } from '../../platform/auth/policy.js';
import { requestScope } from '../../platform/auth/scope.js';
import { clock } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, forbidden, notFound, Problem } from '../../platform/errors.js';
import { zip } from '../../platform/export/zip.js';
import { assertCanRead, canReadSecret, isClosed, repository as cases } from '../cases/index.js';
import { buildErms } from './archive/erms.js';
import { buildMets, buildPremis } from './archive/mets.js';
import { documentTypeLabel, packagePath, type ArchiveDocument, type PackageInfo } from './archive/model.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const SOFTWARE = 'Navet';
const SOFTWARE_VERSION = '0.1.0';

/**
 * The e-archive package of a closed case (FGS 2.0: E-ARK CSIP/SIP with CITS ERMS 2.1.2 and
 * PREMIS 3.0), as a ZIP: METS.xml, metadata/descriptive/ERMS.xml, metadata/preservation/PREMIS.xml
 * and the case's documents under representations/rep1/data/ with their SHA-256 in METS.
 *
 * - Who: `records.archive` in the case's region (admin, samordnare, registrator); a case the
 *   caller cannot read is 404, one they may read but not archive 403.
 * - Only closed cases (avslutad): any other is 409, since an archived case must not change.
 * - A secret-marked case is exported whole, only by one who may read secret material in the
 *   region itself (else 403); ERMS marks the case and every record restriction confidential with
 *   the secrecy ground, so the archive keeps the marking.
 * - Every document's bytes are checked against their stored SHA-256 first (a damaged one stops
 *   the export: 500). The export is audited (case.archive-export, with the package's checksum).
 */
export async function exportArchivePackage(db: Db, ctx: Ctx, caseId: string) {
  requireActor(ctx.actor);
  const c = await cases.getCaseDetail(db, caseId);
  if (!c) throw notFound('Ärendet');
  await assertCanRead(db, ctx, c.region);
  if (!can(ctx.actor, 'records.archive', await requestScope(ctx, db).of(c.region)))
    throw forbidden('Bara den som får arkivera regionens ärenden kan exportera e-arkivpaket.');
  if (!isClosed(c.status)) throw conflict('Bara avslutade ärenden kan exporteras till e-arkivet.');
  if (c.secret && !canReadSecret(ctx.actor, c.region, 'records.archive'))
    throw forbidden(
      'Ärendet är sekretessmarkerat: paketet kan bara exporteras av den som får läsa sekretessmarkerat i regionen.',
    );

  const [region] = await db.query<{ name: string }>('SELECT name FROM regions WHERE code = $1', [c.region]);
  const metas = await cases.documentsOf(db, c.id);
  const files: { path: string; data: Uint8Array }[] = [];
  const documents: ArchiveDocument[] = [];
  for (const [i, m] of metas.entries()) {
    const d = (await cases.getDocument(db, m.id))!;
    const bytes = Buffer.from(d.content);
    if (sha256(bytes) !== d.sha256 || bytes.length !== d.sizeBytes)
      throw new Problem(
        500,
        'En handling är skadad',
        `Handlingen ${d.fileName} stämmer inte med sin kontrollsumma; paketet skapas inte.`,
      );
    const path = packagePath(i + 1, d.fileName);
    files.push({ path, data: bytes });
    documents.push({
      id: d.id,
      fileName: d.fileName,
      path,
      contentType: d.contentType,
      sizeBytes: d.sizeBytes,
      sha256: d.sha256,
      uploadedAt: d.uploadedAt,
      documentType: d.documentType,
      documentTypeLabel: documentTypeLabel(d.documentType),
      direction: d.direction,
      counterpart: d.counterpart,
      documentDate: d.documentDate,
    });
  }
  const now = clock.now();
  const info: PackageInfo = {
    objectId: `urn:uuid:${randomUUID()}`,
    createdAt: now.toISOString(),
    software: SOFTWARE,
    softwareVersion: SOFTWARE_VERSION,
  };
  const regionName = region?.name ?? c.region;
  const archiveCase = { ...c, region: { code: c.region, name: regionName } };
  const erms = Buffer.from(buildErms(archiveCase, documents, info), 'utf8');
  const premis = Buffer.from(buildPremis({ regionName }, info, documents), 'utf8');
  const ref = (path: string, b: Buffer) => ({ path, sizeBytes: b.length, sha256: sha256(b) });
  const mets = Buffer.from(
    buildMets(
      { label: `${c.diarienummer ?? c.caseNumber} ${c.secret ? 'Sekretessmarkerat ärende' : c.subject}`, regionName },
      info,
      documents,
      ref('metadata/descriptive/ERMS.xml', erms),
      ref('metadata/preservation/PREMIS.xml', premis),
    ),
    'utf8',
  );
  const root = (c.diarienummer ?? c.caseNumber).replace(/[^A-Za-z0-9._-]+/g, '_');
  const body = zip(
    [
      { name: `${root}/METS.xml`, data: mets },
      { name: `${root}/metadata/descriptive/ERMS.xml`, data: erms },
      { name: `${root}/metadata/preservation/PREMIS.xml`, data: premis },
      ...files.map((f) => ({ name: `${root}/${f.path}`, data: f.data })),
    ],
    now,
  );
  await db.transaction((tx) =>
    recordAudit(tx, ctx, {
      entityType: 'case',
      entityId: c.id,
      action: 'archive-export',
      after: {
        packageSha256: sha256(body),
        documents: documents.length,
        documentIds: documents.map((d) => d.id),
        secret: c.secret,
        sizeBytes: body.length,
      },
    }),
  );
  return { filename: `e-arkivpaket-${root}.zip`, body };
}
