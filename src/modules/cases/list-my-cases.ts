import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { may } from './policy.js';
import { detail } from './read-case.js';
import * as repo from './repository.js';

/** My cases: open cases the caller handles, registered or has an open action item in; and reminders of due items. */
export async function listMyCases(db: Db, ctx: Ctx) {
  requireActor(ctx.actor);
  const actor = ctx.actor;
  const rows = await repo.casesOfUser(db, actor.email.toLowerCase());
  const readable: typeof rows = [];
  for (const c of rows) if (await may(db, ctx, 'cases.read', c.region)) readable.push(c);
  const items = await Promise.all(readable.map((c) => detail(db, ctx, c.id)));
  const notices = (await repo.noticesOf(db, actor.email.toLowerCase()))
    .filter((n) => readable.some((c) => c.id === n.caseId))
    .map((n) => ({
      actionId: n.actionId,
      caseId: n.caseId,
      caseNumber: n.caseNumber,
      title: n.title,
      dueDate: n.dueDate,
    }));
  return { items, notices };
}
