import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { conflict, notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { WITHDRAWABLE_TO } from '../cases/rules/lifecycle.js';
import { transitionCase, withdrawFromAgenda, type CaseStatus } from '../cases/transition-case.js';
import { notifyPersons } from '../notifications/notify.js';
import { assertVisible } from '../visible.js';
import { loadMeeting, onBehalfOfForum } from './access.js';
import * as repo from './repository.js';
import * as agendaRepo from './agenda-repository.js';
import * as minutesRepo from './minutes-repository.js';
import { longSwedishDate } from './rules/meeting.js';
import { noticeText } from './send-notice.js';
import { meetingLink } from './update-meeting.js';

/** Case statuses from which a case can be put forward to a forum (för beslut). */
const READY = ['under-beredning', 'aterremitterad', 'bordlagd', 'for-beslut'];

function assertAgendaOpen(m: repo.MeetingRow) {
  if (m.status === 'installt') throw conflict('Mötet är inställt.');
  if (m.minutes_status !== 'utkast') throw conflict('Protokollet är skickat för justering; föredragningslistan är låst.');
}

/** After a change to a called meeting's agenda, those called are told (once per version). */
async function agendaChanged(tx: Queryable, meetingId: string) {
  const m = (await repo.getMeeting(tx, meetingId))!;
  if (m.status !== 'kallat') return;
  const called = await repo.attendanceOf(tx, meetingId);
  await notifyPersons(tx, {
    kind: 'meeting.agenda-changed',
    personIds: called.map((a) => a.person_id),
    title: `Ändrad föredragningslista: ${m.group_name} ${longSwedishDate(m.meeting_date)}`,
    body: await noticeText(tx, m),
    link: meetingLink(meetingId),
    dedupeKey: `agenda-changed:${meetingId}:${m.version}`,
  });
}

/**
 * Puts a case forward to the meeting (it becomes "för beslut" for this forum) or adds another
 * item. A case of another region, or one not yet prepared, is refused.
 */
export async function addAgendaItem(
  db: Db,
  ctx: Ctx,
  meetingId: string,
  input: { caseId?: string; title?: string; kind?: 'standing' | 'other' },
) {
  return db.transaction(async (tx) => {
    const { meeting, group } = await loadMeeting(tx, ctx, meetingId, 'manage', { forUpdate: true });
    assertAgendaOpen(meeting);
    await assertVisible(tx, ctx, { case: input.caseId }, { meeting: meetingId });
    let itemId: string;
    let caseNumber: string | null = null;
    if (input.caseId) {
      const c = await agendaRepo.getCaseRef(tx, input.caseId);
      if (!c || c.region_code !== group.owner) {
        throw unprocessable('Ärendet finns inte i forumets region.', [{ path: 'caseId', message: 'okänt ärende för forumet' }]);
      }
      if (!READY.includes(c.status)) {
        throw unprocessable(
          `Ärendet ${c.case_number} är ${c.status} och kan inte sättas upp för beslut; det ska vara berett först.`,
          [{ path: 'caseId', message: `status ${c.status}` }],
        );
      }
      if ((await agendaRepo.agendaOf(tx, meetingId)).some((a) => a.case_id === c.id))
        throw conflict(`Ärendet ${c.case_number} står redan på föredragningslistan.`);
      if (c.status !== 'for-beslut') {
        await transitionCase(tx, onBehalfOfForum(ctx, 'Föredragningslista'), c.id, 'for-beslut', {
          reason: `Uppsatt på föredragningslistan till ${group.name} ${meeting.meeting_date}.`,
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
      caseNumber = c.case_number;
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
    if ((await minutesRepo.paragraphsOf(tx, meetingId)).some((p) => p.agenda_item_id === itemId)) {
      throw conflict('Punkten har en paragraf i protokollet och kan inte tas bort.');
    }
    let caseStatusAfter: string | null = null;
    if (item.case_id) caseStatusAfter = await takeBackForBeslut(tx, ctx, item, `${group.name} ${meeting.meeting_date}`);
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
      before: { itemId, title: item.title, caseId: item.case_id, caseStatus: item.case_status },
      ...(item.case_id ? { after: { caseStatus: caseStatusAfter ?? item.case_status } } : {}),
    });
    await agendaChanged(tx, meetingId);
  });
}

/**
 * The case of an item being taken off: when this agenda put it forward (it was under
 * beredning, återremitterad or bordlagd before) and it is still för beslut, it goes back.
 * Returns the status it went back to, or null when it stays.
 */
async function takeBackForBeslut(tx: Queryable, ctx: Ctx, item: agendaRepo.AgendaRow, where: string): Promise<string | null> {
  const before = item.case_status_before;
  if (!item.case_id || !before || !(WITHDRAWABLE_TO as readonly string[]).includes(before) || item.case_status !== 'for-beslut')
    return null;
  const elsewhere = await agendaRepo.openAgendaItemsOfCase(tx, item.case_id, item.id);
  if (elsewhere.length > 0) {
    // Still put forward to another meeting: that item now carries the way back.
    const next = elsewhere[0]!;
    if (!next.case_status_before || next.case_status_before === 'for-beslut')
      await agendaRepo.setCaseStatusBefore(tx, next.id, before);
    return null;
  }
  await withdrawFromAgenda(tx, onBehalfOfForum(ctx, 'Föredragningslista'), item.case_id, before as CaseStatus, {
    reason: `Borttaget från föredragningslistan till ${where}.`,
  });
  return before;
}

/** A new order of the agenda: exactly the meeting's items, each once. */
export async function reorderAgenda(db: Db, ctx: Ctx, meetingId: string, input: { itemIds: string[]; version: number }) {
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
