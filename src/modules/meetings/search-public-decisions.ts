import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.js';
import * as decisionRepo from './decision-repository.js';
import { assertMayReadPublicMinutes } from './policy.js';
import { presentPublicDecision } from './presenter.js';
import type { PublicDecisionQuery } from './public-schemas.js';

/**
 * Insyn: the decisions of every justerat protokoll, newest justering first, with Swedish free-text
 * search. A paragraph about a secret case shows its number, reference and case number only.
 */
export async function searchPublicDecisions(
  db: Queryable,
  ctx: Ctx,
  query: Static<typeof PublicDecisionQuery>,
  opts: { publicDecisions: boolean },
) {
  assertMayReadPublicMinutes(ctx.actor, opts.publicDecisions);
  const limit = query.limit ?? 50;
  const offset = Number(decodeCursor(query.cursor, 1)?.[0] ?? 0);
  const rows = await decisionRepo.searchPublicDecisions(db, {
    limit: limit + 1,
    offset,
    ...(query.q ? { q: query.q } : {}),
    ...(query.forumId ? { forumId: query.forumId } : {}),
    ...(query.year ? { year: query.year } : {}),
    ...(query.decisionType ? { decisionType: query.decisionType } : {}),
    ...(query.updatedSince ? { approvedSince: query.updatedSince } : {}),
  });
  return {
    items: rows.slice(0, limit).map(presentPublicDecision),
    nextCursor: rows.length > limit ? encodeCursor([offset + limit]) : null,
  };
}
