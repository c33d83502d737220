/**
 * Receiving an indicator file sent as the request body (CSV, up to millions of rows): the
 * heading row is checked against the mapping before anything is stored (a wrong mapping is a
 * 422 and nothing is written); the bytes go to the database in chunks of about a mebibyte as
 * they arrive, never held whole; when the last byte is in, the import is queued for the worker
 * and audited in one transaction. An upload that breaks off leaves nothing.
 */
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, Problem, unprocessable } from '../../platform/errors.js';
import { CsvSniffer } from '../../platform/files/csv-stream.js';
import { enqueue } from '../../platform/jobs/queue.js';
import './audit.js';
import { IMPORT_QUEUE } from './import-values.js';
import { authorizeSomeImport, deniedAreas } from './policy.js';
import * as repo from './repository.js';
import { mappingProblems, type ColumnMapping } from './rules/import.js';
import { placeLookup } from './rules/places.js';

/** The size of one stored chunk of an uploaded file. */
export const CHUNK_BYTES = 1024 * 1024;

export interface UploadInput {
  fileName: string;
  mapping: ColumnMapping;
  mode: 'all-or-nothing' | 'valid-only';
  dryRun: boolean;
  body: AsyncIterable<Buffer>;
  maxBytes: number;
}

export function fileTooLarge(max: number): Problem {
  const mb = (max / (1024 * 1024)).toLocaleString('sv-SE', { maximumFractionDigits: 1 });
  return new Problem(413, 'Filen är för stor', `Filen får vara högst ${mb} MB (${max} byte).`, [
    { path: 'file', message: 'för stor' },
  ]);
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export async function uploadImport(db: Db, ctx: Ctx, indicatorId: string, input: UploadInput) {
  // Anyone who may import somewhere may send a file; each row's region is checked by the worker
  // against the areas this person may write (settled now: the worker has no request to ask).
  authorizeSomeImport(ctx);
  const indicator = await repo.getIndicator(db, indicatorId);
  if (!indicator) throw notFound('Indikatorn');
  const everywhere = await repo.allAreas(db);
  // A region's indicator holds only its owner's areas; the caller writes only where it may import.
  const denials = await deniedAreas(ctx, db, indicator.owner, everywhere);
  const allowedAreas = everywhere.filter((a) => !denials.messages.has(a));

  const it = input.body[Symbol.asyncIterator]();
  const sniffer = new CsvSniffer();
  // The start of the file, until its heading row is whole: checked before anything is stored.
  const pending: Buffer[] = [];
  let done = false;
  while (!sniffer.hasHeading) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    sniffer.push(next.value);
    pending.push(next.value);
    if (sniffer.size > input.maxBytes) throw fileTooLarge(input.maxBytes);
  }
  if (sniffer.size === 0) throw unprocessable('Filen är tom.', [{ path: 'file', message: 'Tom fil' }]);
  if (pending[0]!.subarray(0, 4).equals(XLSX_MAGIC))
    throw new Problem(
      415,
      'Filtypen tas inte emot',
      'Skicka en CSV-fil. En XLSX-fil läses in från sidan "Läs in värden" (högst 100 000 rader).',
      [{ path: 'file', message: 'inte CSV' }],
    );
  const { header, firstRow, delimiter } = sniffer.heading();
  if (!header.length) throw unprocessable('Filen saknar rubrikrad.', [{ path: 'file', message: 'Ingen rubrikrad' }]);
  const problems = mappingProblems(header, input.mapping, indicator.periodicity);
  if (problems.length)
    throw unprocessable(
      problems.join(' '),
      problems.map((m) => ({ path: '/mapping', message: m })),
    );

  // A file whose first row is in a region the sender may not write is refused at once when
  // nothing may be skipped (all-or-nothing would reject it anyway): the base64 route's 403.
  if (input.mode === 'all-or-nothing') {
    const areaAt = header.findIndex((h) => h.toLowerCase() === input.mapping.area.trim().toLowerCase());
    const [regions, municipalities, healthcareRegions] = await Promise.all([
      repo.regionsWithHealthcareRegions(db),
      repo.municipalities(db),
      repo.healthcareRegions(db),
    ]);
    const place = placeLookup({
      regions: regions.map((r) => ({ code: r.code, name: r.name, shortName: r.shortName })),
      municipalities,
      healthcareRegions,
    })(firstRow[areaAt]);
    if (place && denials.messages.has(place.area)) throw denials.refusal([place.area], 'filens första rad');
  }

  await repo.deleteAbandonedUploads(db);
  const importId = await repo.insertReceivingImport(db, {
    indicatorId,
    fileName: input.fileName,
    mode: input.mode,
    dryRun: input.dryRun,
    mapping: input.mapping,
    allowedAreas,
    createdBy: ctx.actor && ctx.actor.via !== 'system' ? ctx.actor.userId : null,
  });
  try {
    let seq = 0;
    let buffered = pending;
    let bufferedBytes = pending.reduce((n, b) => n + b.length, 0);
    // Stored in chunks of CHUNK_BYTES (the last one shorter), however the body arrives.
    const flush = async (all: boolean) => {
      if (!bufferedBytes) return;
      const joined = Buffer.concat(buffered, bufferedBytes);
      let at = 0;
      for (; joined.length - at >= CHUNK_BYTES || (all && at < joined.length); at += CHUNK_BYTES)
        await repo.insertChunk(db, importId, seq++, joined.subarray(at, at + CHUNK_BYTES));
      buffered = at < joined.length ? [joined.subarray(at)] : [];
      bufferedBytes = joined.length - Math.min(at, joined.length);
    };
    while (!done) {
      const next = await it.next();
      if (next.done) break;
      sniffer.push(next.value);
      if (sniffer.size > input.maxBytes) throw fileTooLarge(input.maxBytes);
      buffered.push(next.value);
      bufferedBytes += next.value.length;
      if (bufferedBytes >= CHUNK_BYTES) await flush(false);
    }
    await flush(true);
    const encoding = sniffer.encoding;
    await db.transaction(async (tx) => {
      await repo.markReceived(tx, importId, { sizeBytes: sniffer.size, encoding, delimiter });
      await recordAudit(tx, ctx, {
        entityType: 'indicator-import',
        entityId: importId,
        action: 'upload',
        after: {
          indicatorId,
          fileName: input.fileName,
          mode: input.mode,
          dryRun: input.dryRun,
          sizeBytes: sniffer.size,
          encoding,
        },
      });
      await enqueue(tx, IMPORT_QUEUE, { importId }, { dedupeKey: `followup-import:${importId}` });
    });
  } catch (err) {
    await repo.deleteImport(db, importId);
    throw err;
  }
  return (await repo.getImport(db, importId))!;
}
