import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, notFound, staleVersion } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import { checkGroup } from './check-group.js';
import { groupPolicy } from './policy.js';
import { presentGroupCore } from './presenter.js';
import * as repo from './repository.js';
import { isGroupActive } from './rules/group-lifecycle.js';

export type GroupPatch = Partial<
  Pick<
    repo.GroupWrite,
    | 'name'
    | 'shortName'
    | 'programAreaIds'
    | 'mirrorsGroupId'
    | 'parentGroupId'
    | 'parentRelation'
    | 'isSubGroup'
    | 'contactEmail'
    | 'hostDescription'
    | 'startDate'
  >
>;

/** Kind, level and owner never change: a group that moves is closed and a new one created. */
export async function updateGroup(db: Db, ctx: Ctx, id: string, version: number, patch: GroupPatch) {
  return db.transaction(async (tx) => {
    const before = await repo.getGroup(tx, id, { forUpdate: true });
    if (!before) throw notFound('Gruppen');
    const policy = groupPolicy(ctx, tx);
    await policy.assertWrite(before.owner);
    const geo = await policy.scope.geography();
    if (before.version !== version) throw staleVersion(before.version);
    if (!isGroupActive(before.status)) throw conflict('Gruppen är stängd och kan inte ändras. Historiken bevaras som den var.');
    const merged: repo.GroupWrite = {
      kind: before.kind,
      level: before.level,
      owner: before.owner,
      name: patch.name ?? before.name,
      shortName: patch.shortName !== undefined ? patch.shortName : before.shortName,
      programAreaIds: patch.programAreaIds ?? before.programAreaIds,
      mirrorsGroupId: patch.mirrorsGroupId !== undefined ? patch.mirrorsGroupId : before.mirrorsGroupId,
      parentGroupId: patch.parentGroupId !== undefined ? patch.parentGroupId : before.parentGroupId,
      parentRelation: patch.parentRelation !== undefined ? patch.parentRelation : before.parentRelation,
      isSubGroup: patch.isSubGroup ?? before.isSubGroup,
      contactEmail: patch.contactEmail !== undefined ? patch.contactEmail : before.contactEmail,
      hostDescription: patch.hostDescription !== undefined ? patch.hostDescription : before.hostDescription,
      startDate: patch.startDate !== undefined ? patch.startDate : before.startDate,
    };
    const named = [merged.parentGroupId, merged.mirrorsGroupId].filter(
      (g): g is string => !!g && g !== before.parentGroupId && g !== before.mirrorsGroupId,
    );
    await assertVisible(tx, ctx, { group: named });
    const checked = await checkGroup(tx, geo, merged, id);
    const after = await repo.updateGroupRow(tx, id, version, checked);
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, ctx, {
      entityType: 'group',
      entityId: id,
      action: 'update',
      before: presentGroupCore(before),
      after: presentGroupCore(after),
    });
    return after;
  });
}
