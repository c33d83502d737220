import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, staleVersion, unprocessable } from '../../platform/errors.js';
import './audit.js';
import * as minutesRepo from './minutes-repository.js';
import { loadMeeting } from './policy.js';
import { presentMeeting } from './presenter.js';
import * as repo from './repository.js';
import { meetingEditable } from './rules/lifecycle.js';
import type { MeetingPatch } from './schemas.js';

/** Date, time, place or link; calendar feeds see the change (SEQUENCE moves). */
export async function updateMeeting(db: Db, ctx: Ctx, id: string, input: Static<typeof MeetingPatch>) {
  return db.transaction(async (tx) => {
    const { meeting } = await loadMeeting(tx, ctx, id, 'manage', { forUpdate: true });
    if (meeting.version !== input.version) throw staleVersion(meeting.version);
    if (!meetingEditable(meeting.status)) throw conflict('Ett genomfört eller inställt möte kan inte ändras.');
    const next = {
      date: input.date ?? meeting.date,
      startTime: input.startTime ?? meeting.startTime,
      endTime: input.endTime ?? meeting.endTime,
      place: input.place === undefined ? meeting.place : input.place?.trim() || null,
      onlineUrl: input.onlineUrl === undefined ? meeting.onlineUrl : input.onlineUrl?.trim() || null,
    };
    if (next.endTime <= next.startTime)
      throw unprocessable('Mötet måste sluta efter att det börjar.', [{ path: 'endTime', message: 'ska vara efter starttiden' }]);
    if (next.date.slice(0, 4) !== meeting.date.slice(0, 4) && (await minutesRepo.paragraphsOf(tx, id)).length) {
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
