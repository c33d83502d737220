import { recordAudit } from '../../platform/audit/record.js';
import { can } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, forbidden, notFound, staleVersion, unauthorized } from '../../platform/errors.js';
import { presentAction } from './presenter.js';
import * as repo from './repository.js';
import { caseScope } from './scope.js';

/**
 * Marks an action item done (or open again). Case handlers may, and so may the item's owner
 * (the person whose e-mail is the signed-in user's). A closed case's items do not change.
 */
export async function setCaseActionDone(db: Db, ctx: Ctx, id: string, version: number, done: boolean) {
  return db.transaction(async (tx) => {
    const before = await repo.getAction(tx, id, { forUpdate: true });
    if (!before) throw notFound('Åtgärdspunkten');
    const c = (await repo.lockCase(tx, before.case_id))!;
    const scope = await caseScope(tx, c.region_code);
    const actor = ctx.actor;
    if (!actor) throw unauthorized();
    if (!can(actor, 'cases.read', scope) && !(await isOwner(tx, before.owner_person_id, actor.email))) {
      throw notFound('Åtgärdspunkten');
    }
    if (!can(actor, 'cases.handle', scope) && !(await isOwner(tx, before.owner_person_id, actor.email))) throw forbidden();
    if (before.version !== version) throw staleVersion(before.version);
    if (c.status === 'avslutad') throw conflict('Ärendet är avslutat; dess åtgärdspunkter kan inte ändras.');
    if ((before.status === 'done') === done) {
      throw conflict(done ? 'Åtgärdspunkten är redan klar.' : 'Åtgärdspunkten är redan öppen.');
    }
    const ok = await repo.setActionStatus(tx, id, version, done, actor.via === 'system' ? null : actor.userId);
    if (!ok) throw staleVersion(before.version);
    const after = (await repo.getAction(tx, id))!;
    await recordAudit(tx, ctx, {
      entityType: 'case-action',
      entityId: id,
      action: done ? 'complete' : 'reopen',
      before: presentAction(before, true),
      after: presentAction(after, true),
    });
    return after;
  });
}

async function isOwner(tx: Parameters<typeof repo.personExists>[0], personId: string | null, email: string): Promise<boolean> {
  if (!personId) return false;
  const p = await repo.personExists(tx, personId);
  return !!p?.email && p.email === email.toLowerCase();
}
