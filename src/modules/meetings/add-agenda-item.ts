import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, unprocessable } from '../../platform/errors.js';
import { transitionCase } from '../cases/index.js';
import { assertVisible } from '../visible.js';
import { agendaChanged } from './agenda-changed.js';
import { assertAgendaOpen } from './assert-open.js';
import * as agendaRepo from './agenda-repository.js';
import './audit.js';
import { loadMeeting, onBehalfOfForum } from './policy.js';
import * as repo from './repository.js';
import { FOR_BESLUT, isForBeslut, readyForAgenda } from './rules/agenda.js';
import type { AgendaBody } from './schemas.js';

/**
 * Puts a case forward to the meeting (it becomes "för beslut" for this forum) or adds another
 * item. A case of another region, or one not yet prepared, is refused.
 */
export async function addAgendaItem(db: Db, ctx: Ctx, meetingId: string, input: Static<typeof AgendaBody>) {
  return db.transaction(async (tx) => {
    const { meeting, group } = await loadMeeting(tx, ctx, meetingId, 'manage', { forUpdate: true });
    assertAgendaOpen(meeting);
    await assertVisible(tx, ctx, { case: input.caseId }, { meeting: meetingId });
    let itemId: string;
    let caseNumber: string | null = null;
    if (input.caseId) {
      const c = await agendaRepo.getCaseRef(tx, input.caseId);
      if (!c || c.regionCode !== group.owner) {
        throw unprocessable('Ärendet finns inte i forumets region.', [{ path: 'caseId', message: 'okänt ärende för forumet' }]);
      }
      if (!readyForAgenda(c.status)) {
        throw unprocessable(
          `Ärendet ${c.caseNumber} är ${c.status} och kan inte sättas upp för beslut; det ska vara berett först.`,
          [{ path: 'caseId', message: `status ${c.status}` }],
        );
      }
      if ((await agendaRepo.agendaOf(tx, meetingId)).some((a) => a.caseId === c.id))
        throw conflict(`Ärendet ${c.caseNumber} står redan på föredragningslistan.`);
      if (!isForBeslut(c.status)) {
        await transitionCase(tx, onBehalfOfForum(ctx, 'Föredragningslista'), c.id, FOR_BESLUT, {
          reason: `Uppsatt på föredragningslistan till ${group.name} ${meeting.date}.`,
          forumGroupId: group.id,
        });
      }
      itemId = await agendaRepo.insertAgendaItem(tx, {
        meetingId,
        kind: 'case',
        title: input.title?.trim() || c.subject,
        caseId: c.id,
        caseStatusBefore: c.status,
      });
      caseNumber = c.caseNumber;
    } else {
      const title = input.title?.trim();
      if (!title) throw unprocessable('Ange en rubrik eller ett ärende.', [{ path: 'title', message: 'krävs utan ärende' }]);
      itemId = await agendaRepo.insertAgendaItem(tx, { meetingId, kind: input.kind ?? 'other', title, caseId: null });
    }
    await repo.touchMeeting(tx, meetingId);
    await recordAudit(tx, ctx, {
      entityType: 'meeting',
      entityId: meetingId,
      action: 'add-agenda-item',
      after: { itemId, caseId: input.caseId ?? null, caseNumber, title: input.title ?? null },
    });
    await agendaChanged(tx, meetingId);
    return itemId;
  });
}
