import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, staleVersion, unprocessable } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import './audit.js';
import * as minutesRepo from './minutes-repository.js';
import { loadMeeting } from './policy.js';
import * as repo from './repository.js';
import { isLockedMinutes } from './rules/lifecycle.js';
import type { AdjustersBody } from './schemas.js';

/** Names the adjusters (justerare) of draft minutes: one to three persons. */
export async function setAdjusters(db: Db, ctx: Ctx, meetingId: string, input: Static<typeof AdjustersBody>) {
  const ids = [...new Set(input.personIds)];
  if (ids.length < 1 || ids.length > 3)
    throw unprocessable('Ange en till tre justerare.', [{ path: 'personIds', message: '1–3 personer' }]);
  return db.transaction(async (tx) => {
    const { meeting } = await loadMeeting(tx, ctx, meetingId, 'manage', { forUpdate: true });
    if (meeting.version !== input.version) throw staleVersion(meeting.version);
    if (isLockedMinutes(meeting.minutesStatus)) throw conflict('Justerarna kan bara ändras medan protokollet är ett utkast.');
    await assertVisible(tx, ctx, { person: ids }, { meeting: meetingId });
    const found = await repo.personsByIds(tx, ids);
    if (found.length !== ids.length)
      throw unprocessable('Någon av justerarna finns inte.', [{ path: 'personIds', message: 'okänd person' }]);
    const before = await minutesRepo.adjustersOf(tx, meetingId);
    await minutesRepo.setAdjusters(tx, meetingId, ids);
    await repo.touchMeeting(tx, meetingId);
    await recordAudit(tx, ctx, {
      entityType: 'meeting',
      entityId: meetingId,
      action: 'set-adjusters',
      before: before.map((a) => a.personId),
      after: ids,
    });
  });
}
