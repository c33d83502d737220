import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, staleVersion, unprocessable } from '../../platform/errors.js';
import { notifyPersons } from '../notifications/notify.js';
import { loadMeeting } from './access.js';
import { presentMeeting } from './presenter.js';
import * as repo from './repository.js';
import * as minutesRepo from './minutes-repository.js';
import { longSwedishDate, mayMoveMeeting } from './rules/meeting.js';

export const meetingLink = (id: string) => `/moten/moten/${id}`;

/** Date, time, place or link; calendar feeds see the change (SEQUENCE moves). */
export async function updateMeeting(
  db: Db,
  ctx: Ctx,
  id: string,
  input: {
    date?: string;
    startTime?: string;
    endTime?: string;
    place?: string | null;
    onlineUrl?: string | null;
    version: number;
  },
) {
  return db.transaction(async (tx) => {
    const { meeting } = await loadMeeting(tx, ctx, id, 'manage', { forUpdate: true });
    if (meeting.version !== input.version) throw staleVersion(meeting.version);
    if (meeting.status === 'genomfort' || meeting.status === 'installt')
      throw conflict('Ett genomfört eller inställt möte kan inte ändras.');
    const next = {
      meeting_date: input.date ?? meeting.meeting_date,
      start_time: input.startTime ?? meeting.start_time,
      end_time: input.endTime ?? meeting.end_time,
      place: input.place === undefined ? meeting.place : input.place?.trim() || null,
      online_url: input.onlineUrl === undefined ? meeting.online_url : input.onlineUrl?.trim() || null,
    };
    if (next.end_time <= next.start_time)
      throw unprocessable('Mötet måste sluta efter att det börjar.', [{ path: 'endTime', message: 'ska vara efter starttiden' }]);
    if (next.meeting_date.slice(0, 4) !== meeting.meeting_date.slice(0, 4) && (await minutesRepo.paragraphsOf(tx, id)).length) {
      throw conflict('Mötet har protokollsparagrafer numrerade för sitt år; flytta det inte till ett annat år.');
    }
    await repo.updateMeetingRow(tx, id, next, { bumpSequence: true });
    const after = (await repo.getMeeting(tx, id))!;
    await recordAudit(tx, ctx, {
      entityType: 'meeting',
      entityId: id,
      action: 'update',
      before: presentMeeting(meeting),
      after: presentMeeting(after),
    });
    return after;
  });
}

/** Cancels a meeting (inställt): those called are told, calendars show it as cancelled. */
export async function cancelMeeting(db: Db, ctx: Ctx, id: string, input: { reason: string; version: number }) {
  const reason = input.reason.trim();
  if (!reason) throw unprocessable('Skriv varför mötet ställs in.', [{ path: 'reason', message: 'krävs' }]);
  return db.transaction(async (tx) => {
    const { meeting } = await loadMeeting(tx, ctx, id, 'manage', { forUpdate: true });
    if (meeting.version !== input.version) throw staleVersion(meeting.version);
    if (!mayMoveMeeting(meeting.status, 'installt')) throw conflict(`Mötet är ${meeting.status} och kan inte ställas in.`);
    if ((await minutesRepo.paragraphsOf(tx, id)).length)
      throw conflict('Mötet har protokollsparagrafer; ett möte med protokoll kan inte ställas in.');
    await repo.updateMeetingRow(tx, id, { status: 'installt', cancel_reason: reason }, { bumpSequence: true });
    const after = (await repo.getMeeting(tx, id))!;
    await recordAudit(tx, ctx, {
      entityType: 'meeting',
      entityId: id,
      action: 'cancel',
      before: { status: meeting.status },
      after: { status: 'installt', reason },
    });
    const called = await repo.attendanceOf(tx, id);
    await notifyPersons(tx, {
      kind: 'meeting.cancelled',
      personIds: called.map((a) => a.person_id),
      title: `Inställt: ${meeting.group_name} ${longSwedishDate(meeting.meeting_date)}`,
      body: `Mötet med ${meeting.group_name} ${longSwedishDate(meeting.meeting_date)} kl. ${meeting.start_time} är inställt.\n\nSkäl: ${reason}`,
      link: meetingLink(id),
      dedupeKey: `meeting-cancelled:${id}`,
    });
    return after;
  });
}

/** Marks a meeting as held (genomfört); sending the minutes for justering does it too. */
export async function holdMeeting(db: Db, ctx: Ctx, id: string, input: { version: number }) {
  return db.transaction(async (tx) => {
    const { meeting } = await loadMeeting(tx, ctx, id, 'manage', { forUpdate: true });
    if (meeting.version !== input.version) throw staleVersion(meeting.version);
    if (!mayMoveMeeting(meeting.status, 'genomfort')) throw conflict(`Mötet är ${meeting.status}.`);
    await repo.updateMeetingRow(tx, id, { status: 'genomfort' });
    await recordAudit(tx, ctx, {
      entityType: 'meeting',
      entityId: id,
      action: 'hold',
      before: { status: meeting.status },
      after: { status: 'genomfort' },
    });
    return (await repo.getMeeting(tx, id))!;
  });
}
