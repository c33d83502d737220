import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { ownerScope } from './check-group.js';
import { presentGroupCore } from './presenter.js';
import * as repo from './repository.js';
import { activeMembershipCount } from '../people/repository.js';

/**
 * Closing keeps the group and its history; it only ends it. A group with active groups below
 * it, or with assignments running past the end date, cannot close: 409 names what blocks.
 */
export async function closeGroup(db: Db, ctx: Ctx, id: string, version: number, input: { endDate: string; reason?: string }) {
  return db.transaction(async (tx) => {
    const before = await repo.getGroup(tx, id, { forUpdate: true });
    if (!before) throw notFound('Gruppen');
    authorize(ctx.actor, 'groups.write', ownerScope(before.owner, await repo.geography(tx)));
    if (before.version !== version) throw staleVersion(before.version);
    if (before.status !== 'active') throw conflict('Gruppen är redan stängd.');
    if (before.start_date && input.endDate < before.start_date) {
      throw unprocessable('Slutdatum kan inte ligga före startdatum.', [
        { path: 'endDate', message: `före startdatum ${before.start_date}` },
      ]);
    }
    const blocking = (await repo.childrenOf(tx, id)).filter((c) => c.status === 'active');
    const members = await activeMembershipCount(tx, id, input.endDate);
    if (blocking.length || members) {
      const what = [
        blocking.length ? `aktiva grupper under sig (${blocking.map((b) => b.name).join(', ')})` : null,
        members ? `${members} uppdrag som löper efter ${input.endDate}` : null,
      ].filter(Boolean);
      throw conflict(`Gruppen kan inte stängas: den har ${what.join(' och ')}. Avsluta eller flytta dem först.`);
    }
    const after = await repo.endGroup(tx, id, version, {
      status: 'closed',
      endDate: input.endDate,
      reason: input.reason ?? null,
      mergedInto: null,
    });
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, ctx, {
      entityType: 'group',
      entityId: id,
      action: 'close',
      before: presentGroupCore(before),
      after: presentGroupCore(after),
    });
    return after;
  });
}
