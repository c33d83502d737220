import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.js';
import * as decisionRepo from './decision-repository.js';
import { readableForums } from './policy.js';
import { presentDecision } from './presenter.js';
import type { DecisionQuery } from './schemas.js';

/** The decision log: decisions in approved minutes of the forums the caller can read, with Swedish full-text search. */
export async function searchDecisions(db: Queryable, ctx: Ctx, query: Static<typeof DecisionQuery>) {
  const limit = query.limit ?? 50;
  const offset = Number(decodeCursor(query.cursor, 1)?.[0] ?? 0);
  const readable = (await readableForums(db, ctx)).map((f) => f.group.id);
  const groupIds = query.forumId ? readable.filter((id) => id === query.forumId) : readable;
  const rows = await decisionRepo.searchDecisions(db, {
    groupIds,
    limit: limit + 1,
    offset,
    ...(query.q ? { q: query.q } : {}),
    ...(query.year ? { year: query.year } : {}),
    ...(query.decisionType ? { decisionType: query.decisionType } : {}),
  });
  return {
    items: rows.slice(0, limit).map(presentDecision),
    nextCursor: rows.length > limit ? encodeCursor([offset + limit]) : null,
  };
}
