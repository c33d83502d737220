import { can } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { forbidden, notFound, staleVersion, unauthorized } from '../../platform/errors.js';
import { runTransition } from '../../platform/lifecycle/index.js';
import './audit.js';
import { caseScope } from './policy.js';
import * as repo from './repository.js';
import { actionItemLifecycle, isClosed } from './rules/lifecycle.js';

/**
 * Marks an action item done (or open again): the declared actions `complete` and `reopen` of
 * the action item lifecycle (rules/lifecycle.ts). Case handlers may, and so may the item's owner
 * (the person whose e-mail is the signed-in user's). A closed case's items do not change.
 */
export async function setCaseActionDone(db: Db, ctx: Ctx, id: string, version: number, done: boolean) {
  return db.transaction(async (tx) => {
    let caseClosed = false;
    await runTransition(tx, ctx, actionItemLifecycle, {
      id,
      action: done ? 'complete' : 'reopen',
      version,
      lock: (t) => repo.getAction(t, id, { forUpdate: true }),
      authorize: async (t, item) => {
        const c = (await repo.lockCase(t, item.caseId))!;
        caseClosed = isClosed(c.status);
        const scope = await caseScope(t, ctx, c.region);
        const actor = ctx.actor;
        if (!actor) throw unauthorized();
        const owner = () => isOwner(t, item.ownerPersonId, actor.email);
        if (!can(actor, 'cases.read', scope) && !(await owner())) throw notFound('Åtgärdspunkten');
        if (!can(actor, 'cases.handle', scope) && !(await owner())) throw forbidden();
      },
      facts: () => Promise.resolve({ caseClosed }),
      apply: async (t, item, to) => {
        const by = ctx.actor && ctx.actor.via !== 'system' ? ctx.actor.userId : null;
        const ok = await repo.setActionStatus(t, item.id, item.version, to === 'done', by);
        if (!ok) throw staleVersion(item.version);
        return { version: item.version + 1 };
      },
      auditDetails: {},
    });
    const after = (await repo.getAction(tx, id))!;
    return after;
  });
}

async function isOwner(tx: Queryable, personId: string | null, email: string): Promise<boolean> {
  if (!personId) return false;
  const p = await repo.personExists(tx, personId);
  return !!p?.email && p.email === email.toLowerCase();
}
