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
    const { meeting } = await loadMeeting(tx, ctx, a.meeting_id, 'manage', { forUpdate: true });
    assertAttachmentsOpen(meeting);
    await attachmentRepo.deleteAttachment(tx, a.id);
    await recordAudit(tx, ctx, {
      entityType: 'meeting-attachment',
      entityId: a.id,
      action: 'delete',
      before: { meetingId: a.meeting_id, agendaItemId: a.agenda_item_id, groupId: a.source_group_id, sha256: a.sha256 },
    });
  });
}
