import type { Static } from 'typebox';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { decodeCursor, paginate } from '../../platform/http/pagination.js';
import * as repo from './repository.js';
import type { ListQuery } from './schemas.js';
import { canReadSecret, masked, regionsWith } from './policy.js';

/** Registered cases in the regions where the caller reads cases, newest first; secret ones masked. */
export async function listCases(db: Db, ctx: Ctx, query: Static<typeof ListQuery>) {
  requireActor(ctx.actor);
  const actor = ctx.actor;
  const visible = await regionsWith(db, ctx, 'cases.read');
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, 3) as [number, number, string] | undefined;
  const rows = await repo.listCases(db, {
    regionCodes: visible,
    limit,
    ...(query.region ? { region: query.region } : {}),
    ...(query.year ? { year: query.year } : {}),
    ...(query.q?.trim() ? { q: query.q.trim() } : {}),
    ...(after ? { after } : {}),
  });
  const page = paginate(rows, limit, (c) => [c.year, c.sequence, c.region]);
  return { items: page.items.map((c) => masked(c, actor)), nextCursor: page.nextCursor };
}

/**
 * All that the case list shows depends on besides the query and the cases themselves: the regions
 * where the caller reads cases, and in which of them secret particulars show. Callers with the
 * same answer here see the same list (the key of its cached answer).
 */
export async function caseListScope(db: Db, ctx: Ctx): Promise<string> {
  requireActor(ctx.actor);
  const actor = ctx.actor;
  const visible = await regionsWith(db, ctx, 'cases.read');
  return visible.map((code) => (canReadSecret(actor, code) ? `${code}+secret` : code)).join(',');
}
