import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { unprocessable } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import { assertAgendaOpen } from './assert-open.js';
import './audit.js';
import { loadMeeting } from './policy.js';
import * as repo from './repository.js';
import type { AttendanceBody } from './schemas.js';

/** Attendance during or after the meeting; someone new is recorded as adjungerad. */
export async function recordAttendance(db: Db, ctx: Ctx, meetingId: string, input: Static<typeof AttendanceBody>) {
  return db.transaction(async (tx) => {
    const { meeting } = await loadMeeting(tx, ctx, meetingId, 'manage', { forUpdate: true });
    assertAgendaOpen(meeting, 'närvaron');
    const ids = [...new Set(input.entries.map((e) => e.personId))];
    if (ids.length !== input.entries.length)
      throw unprocessable('En person finns två gånger.', [{ path: 'entries', message: 'dubbletter' }]);
    // Members, those already called and adjusters, or someone the caller may see in the people register.
    await assertVisible(tx, ctx, { person: ids }, { meeting: meetingId });
    const known = new Set((await repo.personsByIds(tx, ids)).map((p) => p.id));
    const errors = input.entries.flatMap((e, i) =>
      known.has(e.personId) ? [] : [{ path: `entries/${i}/personId`, message: 'okänd person' }],
    );
    if (errors.length) throw unprocessable('Någon av personerna finns inte.', errors);
    const before = await repo.attendanceOf(tx, meetingId);
    for (const e of input.entries) {
      const existing = before.find((a) => a.personId === e.personId);
      await repo.upsertAttendance(tx, {
        meetingId,
        personId: e.personId,
        role: e.role ?? existing?.role ?? 'adjungerad',
        status: e.status,
      });
    }
    await repo.touchMeeting(tx, meetingId);
    await recordAudit(tx, ctx, {
      entityType: 'meeting',
      entityId: meetingId,
      action: 'attendance',
      after: input.entries.map((e) => ({ personId: e.personId, status: e.status, ...(e.role ? { role: e.role } : {}) })),
    });
    return repo.attendanceOf(tx, meetingId);
  });
}
