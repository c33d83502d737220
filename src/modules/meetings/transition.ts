import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { conflict } from '../../platform/errors.js';
import { runTransition, type Lifecycle, type TransitionResult, type TransitionSpec } from '../../platform/lifecycle/index.js';
import { assertMayMeeting, meetingAccess } from './policy.js';
import * as repo from './repository.js';

/**
 * An action the object's status does not offer is a 409 in the meetings API (the meeting's or
 * minutes' state is in the way, not the request), as it has always answered; the declaration's
 * own guards and reasons answer as the engine does.
 */
function assertOffered<S extends string, A extends string, F>(lc: Lifecycle<S, A, F>, from: string, action: A): void {
  if (!lc.isStatus(from) || lc.actions[action].from.includes(from)) return;
  if (lc.final?.includes(from)) throw conflict(`${lc.noun} är ${lc.labels[from]} och kan inte ändras.`);
  throw conflict(`${lc.noun} är ${lc.labels[from]}; det går inte att ${lc.actions[action].label} nu.`);
}

/** runTransition for the meeting and its minutes (see assertOffered). */
export function runMeetingTransition<S extends string, A extends string, F, R extends { status: string; version: number }>(
  tx: Queryable,
  ctx: Ctx,
  lc: Lifecycle<S, A, F>,
  spec: TransitionSpec<S, A, F, R>,
): Promise<TransitionResult<S, R>> {
  return runTransition(tx, ctx, lc, {
    ...spec,
    facts: async (t, row) => {
      assertOffered(lc, row.status, spec.action);
      return spec.facts ? spec.facts(t, row) : ({} as F);
    },
  });
}

/** The meeting row locked for a move, and the caller asked whether they keep the forum (404/403). */
export function lockForKeeper(ctx: Ctx, meetingId: string) {
  return {
    lock: (tx: Queryable) => {
      requireActor(ctx.actor); // 401 before anything about the meeting is told
      return repo.getMeeting(tx, meetingId, { forUpdate: true });
    },
    authorize: async (tx: Queryable, row: { id: string; forumId: string }) => {
      const { access } = await meetingAccess(tx, ctx, row);
      assertMayMeeting(access, 'manage');
    },
  };
}

/** The meeting's minutes as a lifecycle subject: the minutes status, with the meeting's version. */
export const asMinutes = (m: repo.MeetingRecord | undefined) =>
  m ? { ...m, meetingStatus: m.status, status: m.minutesStatus } : undefined;
export type MinutesSubject = NonNullable<ReturnType<typeof asMinutes>>;

/** The meeting's minutes locked for a move by the forum's keepers (404/403 otherwise). */
export function lockMinutesForKeeper(ctx: Ctx, meetingId: string) {
  const keeper = lockForKeeper(ctx, meetingId);
  return {
    lock: async (tx: Queryable): Promise<MinutesSubject | undefined> => asMinutes(await keeper.lock(tx)),
    authorize: (tx: Queryable, row: MinutesSubject) => keeper.authorize(tx, row),
  };
}
