/**
 * Attachments to a meeting's agenda (issue 7): the follow-up report of a group (an LPO, say)
 * attached to an item — typically the standing item "Uppföljningsrapport" — as a snapshot. The
 * report is built from the follow-up module's data at the moment of attaching, rendered as PDF
 * or DOCX, and stored with its SHA-256, so the meeting's file keeps what the forum was shown.
 * Only the forum's keepers attach or remove; approved minutes lock the attachments too.
 */
import { createHash } from 'node:crypto';
import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import { todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { unprocessable } from '../../platform/errors.js';
import { CONTENT_TYPES } from '../../platform/export/spreadsheet.js';
import { buildReport, reportToDocx, reportToPdf } from '../indicators/index.js';
import { assertVisible } from '../visible.js';
import { assertAttachmentsOpen } from './assert-open.js';
import './audit.js';
import { loadMeeting } from './policy.js';
import type { AttachReportBody } from './schemas.js';
import * as agendaRepo from './agenda-repository.js';
import * as attachmentRepo from './attachment-repository.js';

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export type AttachReportInput = Static<typeof AttachReportBody>;

/** Attaches a snapshot of a group's follow-up report to an agenda item. Returns the new attachment. */
export async function attachFollowupReport(db: Db, ctx: Ctx, meetingId: string, input: AttachReportInput) {
  return db.transaction(async (tx) => {
    const { meeting, group: forum } = await loadMeeting(tx, ctx, meetingId, 'manage', { forUpdate: true });
    assertAttachmentsOpen(meeting);
    await assertVisible(tx, ctx, { 'agenda-item': input.agendaItemId, group: input.groupId }, { meeting: meetingId });
    const item = (await agendaRepo.agendaOf(tx, meetingId)).find((a) => a.id === input.agendaItemId);
    if (!item) {
      throw unprocessable('Punkten finns inte på mötets föredragningslista.', [
        { path: 'agendaItemId', message: 'okänd punkt för mötet' },
      ]);
    }
    // The same list the meeting page offers: the active LPOs, LSGs and LAGs of the forum's region.
    const source = (await attachmentRepo.reportGroupsOf(tx, forum.owner)).find((g) => g.id === input.groupId);
    if (!source) {
      throw unprocessable('Gruppen finns inte bland forumets regions programområden och samverkansgrupper.', [
        { path: 'groupId', message: 'ingen grupp i forumets region' },
      ]);
    }
    const today = todayInSweden();
    const report = await buildReport(tx, source.id, today);
    const content = input.format === 'pdf' ? await reportToPdf(report) : await reportToDocx(report);
    const sha256 = sha256Hex(content);
    const actor = ctx.actor!;
    const id = await attachmentRepo.insertAttachment(tx, {
      meetingId,
      agendaItemId: item.id,
      sourceGroupId: source.id,
      title: report.title,
      fileName: `${report.title} ${today}.${input.format}`,
      format: input.format,
      contentType: CONTENT_TYPES[input.format],
      content,
      sha256,
      createdBy: actor.via === 'system' ? null : actor.userId,
      createdByName: actor.name,
    });
    await recordAudit(tx, ctx, {
      entityType: 'meeting-attachment',
      entityId: id,
      action: 'create',
      after: {
        meetingId,
        agendaItemId: item.id,
        groupId: source.id,
        kind: 'followup-report',
        format: input.format,
        sizeBytes: content.length,
        sha256,
      },
    });
    return (await attachmentRepo.getAttachment(tx, id))!;
  });
}
