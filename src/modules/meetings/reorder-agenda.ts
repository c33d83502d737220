import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { staleVersion, unprocessable } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import { agendaChanged } from './agenda-changed.js';
import { assertAgendaOpen } from './assert-open.js';
import * as agendaRepo from './agenda-repository.js';
import './audit.js';
import { loadMeeting } from './policy.js';
import * as repo from './repository.js';
import type { AgendaOrderBody } from './schemas.js';

/** A new order of the agenda: exactly the meeting's items, each once. */
export async function reorderAgenda(db: Db, ctx: Ctx, meetingId: string, input: Static<typeof AgendaOrderBody>) {
  return db.transaction(async (tx) => {
    const { meeting } = await loadMeeting(tx, ctx, meetingId, 'manage', { forUpdate: true });
    if (meeting.version !== input.version) throw staleVersion(meeting.version);
    assertAgendaOpen(meeting);
    await assertVisible(tx, ctx, { 'agenda-item': input.itemIds }, { meeting: meetingId });
    const current = await agendaRepo.agendaOf(tx, meetingId);
    const same =
      input.itemIds.length === current.length &&
      new Set(input.itemIds).size === current.length &&
      current.every((a) => input.itemIds.includes(a.id));
    if (!same)
      throw unprocessable('Ordningen ska innehålla mötets alla punkter, var och en en gång.', [
        { path: 'itemIds', message: 'stämmer inte med föredragningslistan' },
      ]);
    await agendaRepo.setAgendaOrder(tx, meetingId, input.itemIds);
    await repo.touchMeeting(tx, meetingId);
    await recordAudit(tx, ctx, {
      entityType: 'meeting',
      entityId: meetingId,
      action: 'reorder-agenda',
      before: current.map((a) => a.id),
      after: input.itemIds,
    });
    await agendaChanged(tx, meetingId);
  });
}
