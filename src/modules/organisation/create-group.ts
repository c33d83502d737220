import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { assertVisible } from '../visible.js';
import { checkGroup } from './check-group.js';
import { checkGroupSetup } from './check-setup-decision.js';
import { groupPolicy } from './policy.js';
import { presentGroupCore } from './presenter.js';
import * as repo from './repository.js';

export async function createGroup(db: Db, ctx: Ctx, input: repo.GroupWrite & { mandate?: string }) {
  return db.transaction(async (tx) => {
    const policy = groupPolicy(ctx, tx);
    const actor = await policy.assertWrite(input.owner);
    const geo = await policy.scope.geography();
    await assertVisible(tx, ctx, { group: [input.parentGroupId, input.mirrorsGroupId].filter((x) => x != null) });
    const checked = await checkGroup(tx, geo, input, null);
    await checkGroupSetup(tx, ctx, checked);
    const row = await repo.insertGroup(tx, checked);
    await recordAudit(tx, ctx, { entityType: 'group', entityId: row.id, action: 'create', after: presentGroupCore(row) });
    if (input.mandate) {
      await repo.insertMandate(tx, {
        groupId: row.id,
        revision: 1,
        text: input.mandate,
        by: actor.via === 'system' ? null : actor.userId,
        label: actor.name,
      });
    }
    return row;
  });
}
