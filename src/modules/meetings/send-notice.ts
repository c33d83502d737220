import { clock } from '../../platform/clock.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { conflict, staleVersion } from '../../platform/errors.js';
import { notifyPersons } from '../notifications/notify.js';
import { loadMeeting } from './access.js';
import * as repo from './repository.js';
import * as agendaRepo from './agenda-repository.js';
import { longSwedishDate, mayMoveMeeting } from './rules/meeting.js';
import { meetingLink } from './update-meeting.js';

/** The notice text: when, where, and the agenda as it stands. */
export async function noticeText(db: Queryable, m: repo.MeetingRow): Promise<string> {
  const agenda = await agendaRepo.agendaOf(db, m.id);
  return [
    `Kallelse till ${m.group_name}`,
    `Tid: ${longSwedishDate(m.meeting_date)} kl. ${m.start_time}–${m.end_time}`,
    ...(m.place ? [`Plats: ${m.place}`] : []),
    ...(m.online_url ? [`Länk till mötet: ${m.online_url}`] : []),
    '',
    'Föredragningslista:',
    ...agenda.map((a, i) => `${i + 1}. ${a.title}${a.case_number ? ` (${a.case_number})` : ''}`),
  ].join('\n');
}

/**
 * Sends the notice (kallelse) to the forum's members and adjungerade on the meeting day: they
 * are recorded as called, and each gets it in the app and by e-mail (through the job worker).
 * Sending again after changes is allowed and reaches those added since.
 */
export async function sendNotice(db: Db, ctx: Ctx, id: string, input: { version: number }) {
  return db.transaction(async (tx) => {
    const { meeting } = await loadMeeting(tx, ctx, id, 'manage', { forUpdate: true });
    if (meeting.version !== input.version) throw staleVersion(meeting.version);
    if (!mayMoveMeeting(meeting.status, 'kallat')) throw conflict(`Mötet är ${meeting.status}; ingen kallelse kan skickas.`);
    const members = await repo.activeMembers(tx, meeting.group_id, meeting.meeting_date);
    const present = new Set((await repo.attendanceOf(tx, id)).map((a) => a.person_id));
    for (const m of members)
      if (!present.has(m.person_id)) await repo.upsertAttendance(tx, { meetingId: id, personId: m.person_id, role: m.role });
    const called = await repo.attendanceOf(tx, id);
    await repo.updateMeetingRow(tx, id, { status: 'kallat', notice_sent_at: clock.now() }, { bumpSequence: true });
    const after = (await repo.getMeeting(tx, id))!;
    await recordAudit(tx, ctx, {
      entityType: 'meeting',
      entityId: id,
      action: 'notice',
      before: { status: meeting.status },
      after: { status: 'kallat', called: called.map((a) => ({ personId: a.person_id, role: a.role })) },
    });
    await notifyPersons(tx, {
      kind: 'meeting.notice',
      personIds: called.map((a) => a.person_id),
      title: `Kallelse: ${meeting.group_name} ${longSwedishDate(meeting.meeting_date)}`,
      body: await noticeText(tx, after),
      link: meetingLink(id),
      dedupeKey: `meeting-notice:${id}:${after.version}`,
    });
    return after;
  });
}
