import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { sha256Hex } from './attach-report.js';
import * as attachmentRepo from './attachment-repository.js';
import { loadMeeting } from './policy.js';

/** An attachment and its bytes for someone who may read the meeting; the checksum is verified. */
export async function downloadAttachment(db: Db, ctx: Ctx, attachmentId: string) {
  const a = await attachmentRepo.getAttachment(db, attachmentId);
  if (!a) throw notFound('Bilagan');
  await loadMeeting(db, ctx, a.meetingId, 'read');
  const bytes = Buffer.from((await attachmentRepo.attachmentContent(db, a.id))!);
  return { attachment: a, bytes, intact: bytes.length === a.sizeBytes && sha256Hex(bytes) === a.sha256 };
}
