import type { Queryable } from '../../platform/db/index.js';
import { notifyPersons } from '../notifications/index.js';
import * as repo from './repository.js';
import { isCalled } from './rules/lifecycle.js';
import { longSwedishDate, meetingLink } from './rules/meeting.js';
import { noticeText } from './send-notice.js';

/** After a change to a called meeting's agenda, those called are told (once per version). */
export async function agendaChanged(tx: Queryable, meetingId: string): Promise<void> {
  const m = (await repo.getMeeting(tx, meetingId))!;
  if (!isCalled(m.status)) return;
  const called = await repo.attendanceOf(tx, meetingId);
  await notifyPersons(tx, {
    kind: 'meeting.agenda-changed',
    personIds: called.map((a) => a.personId),
    title: `Ändrad föredragningslista: ${m.forumName} ${longSwedishDate(m.date)}`,
    body: await noticeText(tx, m),
    link: meetingLink(meetingId),
    dedupeKey: `agenda-changed:${meetingId}:${m.version}`,
  });
}
