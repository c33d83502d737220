import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { groupPolicy } from '../organisation/index.js';
import { getGroup } from '../organisation/index.js';
import * as repo from './repository.js';
import type { EndMembershipBody } from './schemas.js';

export type EndMembershipInput = Omit<Static<typeof EndMembershipBody>, 'version'>;

/**
 * Ends a seat before its term: a new last day (not before the first, not after the current
 * end) and the reason.
 */
export async function endMembership(db: Db, ctx: Ctx, id: string, version: number, input: EndMembershipInput) {
  return db.transaction(async (tx) => {
    const locked = await repo.lockMembership(tx, id);
    const group = locked ? await getGroup(tx, locked.groupId) : undefined;
    const before = locked ? await repo.getMembership(tx, id) : undefined;
    if (!locked || !group || !before) throw notFound('Uppdraget');
    await groupPolicy(ctx, tx).assertWrite(group.owner);
    if (before.version !== version) throw staleVersion(before.version);
    if (!input.reason.trim()) throw unprocessable('Ange varför uppdraget avslutas.', [{ path: 'reason', message: 'krävs' }]);
    if (input.endDate < before.startDate) {
      throw unprocessable(`Uppdraget kan inte sluta (${input.endDate}) innan det börjar (${before.startDate}).`, [
        { path: 'endDate', message: 'före startdatum' },
      ]);
    }
    if (before.endDate !== null && input.endDate > before.endDate) {
      throw unprocessable(`Uppdraget slutar redan ${before.endDate}; ett tidigare slutdatum krävs för att avsluta i förtid.`, [
        { path: 'endDate', message: 'efter nuvarande slutdatum' },
      ]);
    }
    const after = await repo.updateMembershipRow(tx, id, version, {
      role: before.role,
      startDate: before.startDate,
      endDate: input.endDate,
      represents: before.represents,
      careSector: before.careSector,
      overrideReason: before.overrideReason,
      endedEarlyReason: input.reason.trim(),
    });
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, ctx, {
      entityType: 'membership',
      entityId: id,
      action: 'end',
      before: { endDate: before.endDate },
      after: { endDate: after.endDate, reason: after.endedEarlyReason },
    });
    return after;
  });
}
