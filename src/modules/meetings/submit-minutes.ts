import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notifyPersons } from '../notifications/index.js';
import './audit.js';
import * as minutesRepo from './minutes-repository.js';
import * as repo from './repository.js';
import { minutesFacts } from './minutes-facts.js';
import { meetingEditable, meetingLifecycle, minutesLifecycle } from './rules/lifecycle.js';
import { longSwedishDate, meetingLink } from './rules/meeting.js';
import type { VersionBody } from './schemas.js';
import { lockForKeeper, lockMinutesForKeeper, runMeetingTransition } from './transition.js';

/** Sends the minutes for justering: the adjusters are told; the meeting counts as held. */
export async function submitMinutes(db: Db, ctx: Ctx, meetingId: string, input: Static<typeof VersionBody>) {
  return db.transaction(async (tx) => {
    const details: { adjusters?: string[] } = {};
    const { row: meeting } = await runMeetingTransition(tx, ctx, minutesLifecycle, {
      id: meetingId,
      action: 'submit',
      version: input.version,
      ...lockMinutesForKeeper(ctx, meetingId),
      facts: async (t, m) => {
        const { adjusters, ...facts } = await minutesFacts(t, m, null);
        details.adjusters = adjusters.map((a) => a.personId);
        return facts;
      },
      auditDetails: details,
      apply: async (t, _m, to) => {
        await minutesRepo.clearApprovals(t, meetingId);
        await repo.updateMeetingRow(t, meetingId, { minutesStatus: to });
        return (await repo.getMeeting(t, meetingId))!;
      },
    });
    // Minutes sent for justering: the meeting has been held.
    if (meetingEditable(meeting.meetingStatus)) {
      const current = (await repo.getMeeting(tx, meetingId))!;
      await runMeetingTransition(tx, ctx, meetingLifecycle, {
        id: meetingId,
        action: 'hold',
        ...lockForKeeper(ctx, meetingId),
        version: current.version,
        apply: async (t, _row, to) => {
          await repo.updateMeetingRow(t, meetingId, { status: to });
          return (await repo.getMeeting(t, meetingId))!;
        },
      });
    }
    const after = (await repo.getMeeting(tx, meetingId))!;
    const paragraphs = await minutesRepo.paragraphsOf(tx, meetingId);
    await notifyPersons(tx, {
      kind: 'minutes.ready-for-approval',
      personIds: details.adjusters ?? [],
      title: `Protokoll att justera: ${meeting.forumName} ${longSwedishDate(meeting.date)}`,
      body: `Protokollet från ${meeting.forumName} ${longSwedishDate(meeting.date)} (§ ${paragraphs[0]!.number}–${paragraphs.at(-1)!.number}) väntar på din justering.`,
      link: meetingLink(meetingId),
      dedupeKey: `minutes-ready:${meetingId}:${after.version}`,
    });
    return after;
  });
}
