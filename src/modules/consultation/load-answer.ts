import { todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { notFound, staleVersion, unauthorized } from '../../platform/errors.js';
import { answerAccess, consultationCaller, type AnswerAccess, type Caller } from './policy.js';
import * as repo from './repository.js';

export interface Loaded {
  answer: repo.AnswerRow;
  routed: repo.RoutedGroupRow[];
  access: AnswerAccess;
  caller: Caller;
  today: string;
}

/**
 * Loads an answer (locked when writing) with the caller's rights on it. Unknown answers and
 * answers the caller may not read are 404 alike: no hint that another region's answer exists.
 */
export async function loadAnswer(
  db: Queryable,
  ctx: Ctx,
  id: string,
  opts: { forUpdate?: boolean; today?: string } = {},
): Promise<Loaded> {
  if (!ctx.actor) throw unauthorized();
  const today = opts.today ?? todayInSweden();
  const answer = await repo.getAnswer(db, id, opts.forUpdate ? { forUpdate: true } : {});
  const caller = await consultationCaller(db, ctx, today);
  if (!answer) throw notFound('Remissvaret');
  const routed = await repo.routedGroups(db, [answer.id]);
  const access = answerAccess(
    caller,
    answer,
    routed.map((g) => g.id),
  );
  if (!access.read) throw notFound('Remissvaret');
  return { answer, routed, access, caller, today };
}

/** The version the client based its change on must still be the answer's. */
export function checkVersion(answer: { version: number }, expected: number): void {
  if (answer.version !== expected) throw staleVersion(answer.version);
}

export const actorLabel = (ctx: Ctx): string => (ctx.actor ? ctx.actor.name : 'anonym');
