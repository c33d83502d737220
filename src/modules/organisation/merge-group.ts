import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import { ownerScope } from './check-group.js';
import { presentGroupCore } from './presenter.js';
import * as repo from './repository.js';

/**
 * Merges a group into another of the same owner and level: the merged group ends (kept, with a
 * pointer to the survivor); its active sub-groups and mirrors move to the survivor.
 */
export async function mergeGroup(db: Db, ctx: Ctx, id: string, version: number, input: { intoGroupId: string; endDate: string }) {
  return db.transaction(async (tx) => {
    const source = await repo.getGroup(tx, id, { forUpdate: true });
    if (!source) throw notFound('Gruppen');
    const geo = await repo.geography(tx);
    authorize(ctx.actor, 'groups.write', ownerScope(source.owner, geo));
    if (source.version !== version) throw staleVersion(source.version);
    await assertVisible(tx, ctx, { group: input.intoGroupId });
    const target = await repo.getGroup(tx, input.intoGroupId, { forUpdate: true });
    if (!target) throw unprocessable('Gruppen att slå samman med finns inte.', [{ path: 'intoGroupId', message: 'finns inte' }]);
    if (target.id === source.id)
      throw unprocessable('En grupp kan inte slås samman med sig själv.', [{ path: 'intoGroupId', message: 'samma grupp' }]);
    if (target.owner !== source.owner || target.level !== source.level) {
      throw unprocessable('Regel: bara grupper med samma ägare och nivå kan slås samman.', [
        { path: 'intoGroupId', message: 'annan ägare eller nivå' },
      ]);
    }
    if (source.status !== 'active' || target.status !== 'active') throw conflict('Båda grupperna måste vara aktiva.');
    const moved = await repo.reparentChildren(tx, source.id, target.id);
    const remirrored = await repo.remirror(tx, source.id, target.id);
    const after = await repo.endGroup(tx, source.id, version, {
      status: 'merged',
      endDate: input.endDate,
      reason: null,
      mergedInto: target.id,
    });
    if (!after) throw staleVersion(source.version);
    await recordAudit(tx, ctx, {
      entityType: 'group',
      entityId: source.id,
      action: 'merge',
      before: presentGroupCore(source),
      after: { ...presentGroupCore(after), movedChildren: moved, movedMirrors: remirrored },
    });
    for (const childId of [...moved, ...remirrored]) {
      await recordAudit(tx, ctx, {
        entityType: 'group',
        entityId: childId,
        action: 'reparent',
        before: { from: source.id },
        after: { to: target.id },
      });
    }
    return after;
  });
}
