import { todayInSweden } from '../../platform/clock.js';
import type { Actor, Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { forbidden, notFound, staleVersion, unauthorized, unprocessable } from '../../platform/errors.js';
import { geography } from '../organisation/repository.js';
import type { Geography } from '../organisation/rules/structure.js';
import { answerAccess, effectiveActor, type AnswerAccess } from './access.js';
import * as repo from './repository.js';
import { transition, type AnswerAction, type AnswerStatus } from './rules/answer-lifecycle.js';

export interface Loaded {
  answer: repo.AnswerRow;
  routed: repo.RoutedGroupRow[];
  access: AnswerAccess;
  actor: Actor | undefined;
  geo: Geography;
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
  const geo = await geography(db);
  const actor = await effectiveActor(db, ctx.actor, today);
  if (!answer) throw notFound('Remissvaret');
  const routed = await repo.routedGroups(db, [answer.id]);
  const access = answerAccess(
    actor,
    answer,
    routed.map((g) => g.group_id),
    geo,
  );
  if (!access.read) throw notFound('Remissvaret');
  return { answer, routed, access, actor, geo, today };
}

export function require(allowed: boolean, detail?: string): void {
  if (!allowed) throw forbidden(detail);
}

/** The version the client based its change on must still be the answer's. */
export function checkVersion(answer: { version: number }, expected: number): void {
  if (answer.version !== expected) {
    throw staleVersion(answer.version);
  }
}

/** Where an action leads, or 422 naming the state machine's reason. */
export function next(status: AnswerStatus, action: AnswerAction): AnswerStatus {
  const r = transition(status, action);
  if (!r.ok) throw unprocessable(r.message, [{ path: 'status', message: r.message }]);
  return r.to;
}

export const actorLabel = (ctx: Ctx): string => (ctx.actor ? ctx.actor.name : 'anonym');
