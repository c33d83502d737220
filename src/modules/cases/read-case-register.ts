import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, unauthorized } from '../../platform/errors.js';
import { decodeCursor, paginate } from '../../platform/http/pagination.js';
import { geography } from '../organisation/index.js';
import * as repo from './repository.js';
import type { RegisterQuery } from './schemas.js';
import { SECRET_MASK } from './presenter.js';

/** Refuses a caller who may not read the register: it is not public and they are not signed in. */
export function assertMayReadCaseRegister(ctx: Ctx, opts: { publicCaseRegister: boolean }): void {
  if (!opts.publicCaseRegister && !ctx.actor) throw unauthorized();
}

/**
 * The diarium for public insight: date, case number, sender and subject of a region's cases.
 * Secret cases show with sender and subject hidden. Open to anyone when the register is public.
 */
export async function readCaseRegister(
  db: Db,
  ctx: Ctx,
  query: Static<typeof RegisterQuery>,
  opts: { publicCaseRegister: boolean },
) {
  assertMayReadCaseRegister(ctx, opts);
  const geo = await geography(db);
  if (!geo.regionHealthcareRegions.has(query.region)) throw notFound('Regionen');
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, 2) as [number, number] | undefined;
  const rows = await repo.registerView(db, {
    region: query.region,
    year: query.year,
    updatedSince: query.updatedSince,
    limit,
    after,
  });
  const page = paginate(rows, limit, (c) => [c.year, c.sequence]);
  return {
    items: page.items.map((c) => ({
      receivedDate: c.receivedDate,
      caseNumber: c.caseNumber,
      diarienummer: c.diarienummer,
      sender: c.secret ? SECRET_MASK.sender : c.sender,
      subject: c.secret ? SECRET_MASK.subject : c.subject,
      secret: c.secret,
    })),
    nextCursor: page.nextCursor,
  };
}
