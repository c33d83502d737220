import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { checkSeat } from '../mandates/check-seat.js';
import { ownerScope } from '../organisation/check-group.js';
import { geography, getGroup } from '../organisation/repository.js';
import { presentMembership } from './presenter.js';
import * as repo from './repository.js';

export interface MembershipPatch {
  role?: string;
  startDate?: string;
  endDate?: string | null;
  represents?: string | null;
  overrideReason?: string;
}

/** Edits a seat's role, period or region under the same rules as an appointment. */
export async function updateMembership(db: Db, ctx: Ctx, id: string, version: number, patch: MembershipPatch) {
  return db.transaction(async (tx) => {
    const locked = await repo.lockMembership(tx, id);
    const group = locked ? await getGroup(tx, locked.group_id, { forUpdate: true }) : undefined;
    const before = locked ? await repo.getMembership(tx, id) : undefined;
    if (!locked || !group || !before) throw notFound('Uppdraget');
    const geo = await geography(tx);
    authorize(ctx.actor, 'groups.write', ownerScope(group.owner, geo));
    if (before.version !== version) throw staleVersion(before.version);
    if (group.status !== 'active') throw conflict('Gruppen är stängd; dess uppdrag kan inte ändras.');
    const person = await repo.getPerson(tx, before.person_id);
    if (!person) throw notFound('Uppdraget');
    const role = patch.role ?? before.role;
    const startDate = patch.startDate ?? before.start_date;
    const seat = await checkSeat(tx, group, {
      id,
      personId: before.person_id,
      personHomeOwner: person.home_owner,
      role,
      startDate,
      endDate: patch.endDate !== undefined ? patch.endDate : before.end_date,
      represents: patch.represents !== undefined ? patch.represents : before.represents,
      overrideReason: patch.overrideReason,
    });
    const after = await repo.updateMembershipRow(tx, id, version, {
      role,
      startDate,
      endDate: seat.endDate,
      represents: seat.represents,
      overrideReason: seat.overridden.length ? (patch.overrideReason?.trim() ?? null) : before.override_reason,
      endedEarlyReason: before.ended_early_reason,
    });
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, ctx, {
      entityType: 'membership',
      entityId: id,
      action: 'update',
      before: presentMembership(before),
      after: { ...presentMembership(after), ...(seat.overridden.length ? { overriddenRules: seat.overridden } : {}) },
    });
    return after;
  });
}

/**
 * Ends a seat before its term: a new last day (not before the first, not after the current
 * end) and the reason.
 */
export async function endMembership(db: Db, ctx: Ctx, id: string, version: number, input: { endDate: string; reason: string }) {
  return db.transaction(async (tx) => {
    const locked = await repo.lockMembership(tx, id);
    const group = locked ? await getGroup(tx, locked.group_id) : undefined;
    const before = locked ? await repo.getMembership(tx, id) : undefined;
    if (!locked || !group || !before) throw notFound('Uppdraget');
    const geo = await geography(tx);
    authorize(ctx.actor, 'groups.write', ownerScope(group.owner, geo));
    if (before.version !== version) throw staleVersion(before.version);
    if (!input.reason.trim()) throw unprocessable('Ange varför uppdraget avslutas.', [{ path: 'reason', message: 'krävs' }]);
    if (input.endDate < before.start_date) {
      throw unprocessable(`Uppdraget kan inte sluta (${input.endDate}) innan det börjar (${before.start_date}).`, [
        { path: 'endDate', message: 'före startdatum' },
      ]);
    }
    if (before.end_date !== null && input.endDate > before.end_date) {
      throw unprocessable(`Uppdraget slutar redan ${before.end_date}; ett tidigare slutdatum krävs för att avsluta i förtid.`, [
        { path: 'endDate', message: 'efter nuvarande slutdatum' },
      ]);
    }
    const after = await repo.updateMembershipRow(tx, id, version, {
      role: before.role,
      startDate: before.start_date,
      endDate: input.endDate,
      represents: before.represents,
      overrideReason: before.override_reason,
      endedEarlyReason: input.reason.trim(),
    });
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, ctx, {
      entityType: 'membership',
      entityId: id,
      action: 'end',
      before: { endDate: before.end_date },
      after: { endDate: after.end_date, reason: after.ended_early_reason },
    });
    return after;
  });
}
