import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { conflict, notFound } from '../../platform/errors.js';
import { withdrawFromAgenda } from '../cases/index.js';
import { agendaChanged } from './agenda-changed.js';
import { assertAgendaOpen } from './assert-open.js';
import * as agendaRepo from './agenda-repository.js';
import './audit.js';
import * as minutesRepo from './minutes-repository.js';
import { loadMeeting, onBehalfOfForum } from './policy.js';
import * as repo from './repository.js';
import { needsWayBack, wayBack } from './rules/agenda.js';

/**
 * Takes an item off the agenda (not one that already has a paragraph in the minutes). A case
 * that this agenda made "för beslut" goes back to the status it had before, unless it still
 * stands on another open agenda (which then carries that status on).
 */
export async function removeAgendaItem(db: Db, ctx: Ctx, meetingId: string, itemId: string) {
  return db.transaction(async (tx) => {
    const { meeting, group } = await loadMeeting(tx, ctx, meetingId, 'manage', { forUpdate: true });
    assertAgendaOpen(meeting);
    const item = (await agendaRepo.agendaOf(tx, meetingId)).find((a) => a.id === itemId);
    if (!item) throw notFound('Punkten');
    if ((await minutesRepo.paragraphsOf(tx, meetingId)).some((p) => p.agendaItemId === itemId)) {
      throw conflict('Punkten har en paragraf i protokollet och kan inte tas bort.');
    }
    let caseStatusAfter: string | null = null;
    if (item.caseId) caseStatusAfter = await takeBackForBeslut(tx, ctx, item, `${group.name} ${meeting.date}`);
    await agendaRepo.deleteAgendaItem(tx, itemId);
    await agendaRepo.setAgendaOrder(
      tx,
      meetingId,
      (await agendaRepo.agendaOf(tx, meetingId)).map((a) => a.id),
    );
    await repo.touchMeeting(tx, meetingId);
    await recordAudit(tx, ctx, {
      entityType: 'meeting',
      entityId: meetingId,
      action: 'remove-agenda-item',
      before: { itemId, title: item.title, caseId: item.caseId, caseStatus: item.caseStatus },
      ...(item.caseId ? { after: { caseStatus: caseStatusAfter ?? item.caseStatus } } : {}),
    });
    await agendaChanged(tx, meetingId);
  });
}

/**
 * The case of an item being taken off: when this agenda put it forward (it was under
 * beredning, återremitterad or bordlagd before) and it is still för beslut, it goes back.
 * Returns the status it went back to, or null when it stays.
 */
async function takeBackForBeslut(tx: Queryable, ctx: Ctx, item: agendaRepo.AgendaRecord, where: string): Promise<string | null> {
  const before = wayBack(item);
  if (!item.caseId || !before) return null;
  const elsewhere = await agendaRepo.openAgendaItemsOfCase(tx, item.caseId, item.id);
  if (elsewhere.length > 0) {
    // Still put forward to another meeting: that item now carries the way back.
    const next = elsewhere[0]!;
    if (needsWayBack(next.caseStatusBefore)) await agendaRepo.setCaseStatusBefore(tx, next.id, before);
    return null;
  }
  await withdrawFromAgenda(tx, onBehalfOfForum(ctx, 'Föredragningslista'), item.caseId, before, {
    reason: `Borttaget från föredragningslistan till ${where}.`,
  });
  return before;
}
