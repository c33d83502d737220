import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { assertAttachmentsOpen } from './assert-open.js';
import * as attachmentRepo from './attachment-repository.js';
import './audit.js';
import { loadMeeting } from './policy.js';

/** Removes an attachment while the minutes are not yet approved. */
export async function removeAttachment(db: Db, ctx: Ctx, attachmentId: string) {
  return db.transaction(async (tx) => {
    const a = await attachmentRepo.getAttachment(tx, attachmentId);
    if (!a) throw notFound('Bilagan');
    const { meeting } = await loadMeeting(tx, ctx, a.meetingId, 'manage', { forUpdate: true });
    assertAttachmentsOpen(meeting);
    await attachmentRepo.deleteAttachment(tx, a.id);
    await recordAudit(tx, ctx, {
      entityType: 'meeting-attachment',
      entityId: a.id,
      action: 'delete',
      before: { meetingId: a.meetingId, agendaItemId: a.agendaItemId, groupId: a.groupId, sha256: a.sha256 },
    });
  });
}
