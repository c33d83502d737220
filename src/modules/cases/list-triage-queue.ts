import type { Static } from 'typebox';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { forbidden } from '../../platform/errors.js';
import { decodeCursor, paginate } from '../../platform/http/pagination.js';
import { detail } from './read-case.js';
import * as repo from './repository.js';
import { TRIAGE_QUEUE } from './rules/lifecycle.js';
import type { TriageQueueQuery } from './schemas.js';
import { regionsWith } from './policy.js';

/** The beredningsforum's queue: newly registered cases in the regions where the caller triages, oldest first. */
export async function listTriageQueue(db: Db, ctx: Ctx, query: Static<typeof TriageQueueQuery>) {
  requireActor(ctx.actor);
  let regions = await regionsWith(db, ctx, 'cases.triage');
  if (query.region) regions = regions.filter((r) => r === query.region);
  if (!regions.length) throw forbidden('Du triagerar inte ärenden i någon region.');
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, 3) as [number, number, string] | undefined;
  const rows = await repo.listByStatus(db, { regionCodes: regions, statuses: [...TRIAGE_QUEUE], limit, after });
  const page = paginate(rows, limit, (c) => [c.year, c.sequence, c.region]);
  return { items: await Promise.all(page.items.map((c) => detail(db, ctx, c.id))), nextCursor: page.nextCursor };
}
