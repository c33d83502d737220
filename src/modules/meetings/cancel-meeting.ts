import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notifyPersons } from '../notifications/index.js';
import './audit.js';
import * as minutesRepo from './minutes-repository.js';
import * as repo from './repository.js';
import { meetingLifecycle } from './rules/lifecycle.js';
import { longSwedishDate, meetingLink } from './rules/meeting.js';
import type { CancelBody } from './schemas.js';
import { lockForKeeper, runMeetingTransition } from './transition.js';

/** Cancels a meeting (inställt): those called are told, calendars show it as cancelled. */
export async function cancelMeeting(db: Db, ctx: Ctx, id: string, input: Static<typeof CancelBody>) {
  return db.transaction(async (tx) => {
    const { row: meeting } = await runMeetingTransition(tx, ctx, meetingLifecycle, {
      id,
      action: 'cancel',
      version: input.version,
      reason: input.reason,
      ...lockForKeeper(ctx, id),
      facts: async (t) => ({ paragraphs: (await minutesRepo.paragraphsOf(t, id)).length }),
      apply: async (t, _row, to, reason) => {
        await repo.updateMeetingRow(t, id, { status: to, cancelReason: reason }, { bumpSequence: true });
        return (await repo.getMeeting(t, id))!;
      },
    });
    const called = await repo.attendanceOf(tx, id);
    const reason = input.reason.trim();
    await notifyPersons(tx, {
      kind: 'meeting.cancelled',
      personIds: called.map((a) => a.personId),
      title: `Inställt: ${meeting.forumName} ${longSwedishDate(meeting.date)}`,
      body: `Mötet med ${meeting.forumName} ${longSwedishDate(meeting.date)} kl. ${meeting.startTime} är inställt.\n\nSkäl: ${reason}`,
      link: meetingLink(id),
      dedupeKey: `meeting-cancelled:${id}`,
    });
    return (await repo.getMeeting(tx, id))!;
  });
}
