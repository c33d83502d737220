import type { Static } from 'typebox';
import { clock } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { notifyPersons } from '../notifications/index.js';
import * as agendaRepo from './agenda-repository.js';
import './audit.js';
import * as repo from './repository.js';
import { meetingLifecycle } from './rules/lifecycle.js';
import { longSwedishDate, meetingLink } from './rules/meeting.js';
import type { VersionBody } from './schemas.js';
import { lockForKeeper, runMeetingTransition } from './transition.js';

/** The notice text: when, where, and the agenda as it stands. */
export async function noticeText(db: Queryable, m: repo.MeetingRecord): Promise<string> {
  const agenda = await agendaRepo.agendaOf(db, m.id);
  return [
    `Kallelse till ${m.forumName}`,
    `Tid: ${longSwedishDate(m.date)} kl. ${m.startTime}–${m.endTime}`,
    ...(m.place ? [`Plats: ${m.place}`] : []),
    ...(m.onlineUrl ? [`Länk till mötet: ${m.onlineUrl}`] : []),
    '',
    'Föredragningslista:',
    ...agenda.map((a, i) => `${i + 1}. ${a.title}${a.caseNumber ? ` (${a.caseNumber})` : ''}`),
  ].join('\n');
}

/**
 * Sends the notice (kallelse) to the forum's members and adjungerade on the meeting day: they
 * are recorded as called, and each gets it in the app and by e-mail (through the job worker).
 * Sending again after changes is allowed and reaches those added since.
 */
export async function sendNotice(db: Db, ctx: Ctx, id: string, input: Static<typeof VersionBody>) {
  return db.transaction(async (tx) => {
    // Filled in by apply, read by runTransition when it writes the audit event.
    const details: { called?: { personId: string; role: string }[] } = {};
    const { row: meeting } = await runMeetingTransition(tx, ctx, meetingLifecycle, {
      id,
      action: 'notice',
      version: input.version,
      ...lockForKeeper(ctx, id),
      auditDetails: details,
      apply: async (t, m, to) => {
        const members = await repo.activeMembers(t, m.forumId, m.date);
        const present = new Set((await repo.attendanceOf(t, id)).map((a) => a.personId));
        for (const x of members)
          if (!present.has(x.personId)) await repo.upsertAttendance(t, { meetingId: id, personId: x.personId, role: x.role });
        details.called = (await repo.attendanceOf(t, id)).map((a) => ({ personId: a.personId, role: a.role }));
        await repo.updateMeetingRow(t, id, { status: to, noticeSentAt: clock.now() }, { bumpSequence: true });
        return (await repo.getMeeting(t, id))!;
      },
    });
    const after = (await repo.getMeeting(tx, id))!;
    await notifyPersons(tx, {
      kind: 'meeting.notice',
      personIds: (details.called ?? []).map((a) => a.personId),
      title: `Kallelse: ${meeting.forumName} ${longSwedishDate(meeting.date)}`,
      body: await noticeText(tx, after),
      link: meetingLink(id),
      dedupeKey: `meeting-notice:${id}:${after.version}`,
    });
    return after;
  });
}
