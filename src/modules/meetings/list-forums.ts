import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { readableForums } from './policy.js';

/** The forums the caller can read, with whether they keep their meetings. */
export async function listForums(db: Queryable, ctx: Ctx) {
  const forums = await readableForums(db, ctx);
  return {
    items: forums.map((f) => ({
      id: f.group.id,
      name: f.group.name,
      kind: f.group.kind,
      owner: f.group.owner,
      manage: f.manage,
    })),
    nextCursor: null,
  };
}
