import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, notFound, staleVersion } from '../../platform/errors.js';
import { checkSeat } from '../mandates/index.js';
import { groupPolicy } from '../organisation/index.js';
import { getGroup } from '../organisation/index.js';
import { isGroupActive } from '../organisation/index.js';
import { assertCareSector } from './appoint-member.js';
import { presentMembership } from './presenter.js';
import * as repo from './repository.js';
import type { MembershipPatchBody } from './schemas.js';

export type MembershipPatch = Omit<Static<typeof MembershipPatchBody>, 'version'>;

/** Edits a seat's role, period or region under the same rules as an appointment. */
export async function updateMembership(db: Db, ctx: Ctx, id: string, version: number, patch: MembershipPatch) {
  return db.transaction(async (tx) => {
    const locked = await repo.lockMembership(tx, id);
    const group = locked ? await getGroup(tx, locked.groupId, { forUpdate: true }) : undefined;
    const before = locked ? await repo.getMembership(tx, id) : undefined;
    if (!locked || !group || !before) throw notFound('Uppdraget');
    await groupPolicy(ctx, tx).assertWrite(group.owner);
    if (before.version !== version) throw staleVersion(before.version);
    if (!isGroupActive(group.status)) throw conflict('Gruppen är stängd; dess uppdrag kan inte ändras.');
    const person = await repo.getPerson(tx, before.personId);
    if (!person) throw notFound('Uppdraget');
    const role = patch.role ?? before.role;
    const startDate = patch.startDate ?? before.startDate;
    const careSector = patch.careSector !== undefined ? patch.careSector : before.careSector;
    assertCareSector(role, careSector);
    const seat = await checkSeat(tx, group, {
      id,
      personId: before.personId,
      personHomeOwner: person.homeOwner,
      role,
      startDate,
      endDate: patch.endDate !== undefined ? patch.endDate : before.endDate,
      represents: patch.represents !== undefined ? patch.represents : before.represents,
      overrideReason: patch.overrideReason,
    });
    const after = await repo.updateMembershipRow(tx, id, version, {
      role,
      startDate,
      endDate: seat.endDate,
      represents: seat.represents,
      careSector,
      overrideReason: seat.overridden.length ? (patch.overrideReason?.trim() ?? null) : before.overrideReason,
      endedEarlyReason: before.endedEarlyReason,
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
